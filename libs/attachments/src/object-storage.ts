import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound as S3NotFound,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

/**
 * The platform's object storage: any S3-compatible server (SeaweedFS locally and in tests, any S3 in
 * production). The bucket is private; people download through a presigned GET that expires.
 */
export interface ObjectStorageConfig {
  /** e.g. http://127.0.0.1:8333; path-style addressing, so any S3-compatible server works. */
  readonly endpoint: string;
  /** The address browsers use for presigned links, when it differs from `endpoint` (a proxy, an ingress). */
  readonly publicEndpoint?: string;
  readonly region: string;
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** How long a download link lives, in seconds. */
  readonly linkSeconds: number;
  /** Largest file accepted, in bytes. */
  readonly maxBytes: number;
}

export const OBJECT_STORAGE_CONFIG = Symbol('OBJECT_STORAGE_CONFIG');

const positive = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, not "${value}"`);
  return n;
};

/** From the environment (S3_*, ATTACHMENT_*); the defaults are the local server scripts/infra starts. */
export function objectStorageConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ObjectStorageConfig {
  return {
    endpoint: env.S3_ENDPOINT ?? `http://127.0.0.1:${env.S3_PORT ?? '8333'}`,
    ...(env.S3_PUBLIC_ENDPOINT ? { publicEndpoint: env.S3_PUBLIC_ENDPOINT } : {}),
    region: env.S3_REGION ?? 'us-east-1',
    bucket: env.S3_BUCKET ?? 'nangsuat-attachments',
    accessKeyId: env.S3_ACCESS_KEY_ID ?? 'nangsuat',
    secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? 'nangsuat-local-secret',
    linkSeconds: positive(env.ATTACHMENT_LINK_SECONDS, 300, 'ATTACHMENT_LINK_SECONDS'),
    maxBytes: positive(env.ATTACHMENT_MAX_BYTES, 20 * 1024 * 1024, 'ATTACHMENT_MAX_BYTES'),
  };
}

export interface StoredObjectCheck {
  /** False when the bucket has no object at the key. */
  readonly present: boolean;
  readonly sha256?: string;
  readonly sizeBytes?: number;
}

export class ObjectStorage {
  private readonly client: S3Client;
  private readonly publicClient: S3Client;
  private bucketReady?: Promise<void>;

  constructor(readonly config: ObjectStorageConfig) {
    const clientFor = (endpoint: string) =>
      new S3Client({
        endpoint,
        region: config.region,
        forcePathStyle: true,
        credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
        // The SDK's default checksums (CRC32 trailers) are not understood by every S3-compatible server.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        maxAttempts: 3,
      });
    this.client = clientFor(config.endpoint);
    this.publicClient = config.publicEndpoint ? clientFor(config.publicEndpoint) : this.client;
  }

  /** Creates the bucket when it is missing (once per process). */
  ensureBucket(): Promise<void> {
    this.bucketReady ??= (async () => {
      try {
        await this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket }));
      } catch (error) {
        if (!isNotFound(error)) throw error;
        try {
          await this.client.send(new CreateBucketCommand({ Bucket: this.config.bucket }));
        } catch (createError) {
          // Another service created it in the meantime.
          if (!(createError instanceof S3ServiceException && /BucketAlready(OwnedByYou|Exists)/.test(createError.name))) throw createError;
        }
      }
    })().catch((error) => {
      this.bucketReady = undefined;
      throw error;
    });
    return this.bucketReady;
  }

  async put(key: string, body: Buffer, mediaType: string, sha256: string): Promise<void> {
    await this.ensureBucket();
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: key,
        Body: body,
        ContentType: mediaType,
        ContentLength: body.length,
        Metadata: { sha256 },
      }),
    );
  }

  /** A GET link valid for config.linkSeconds that downloads the object under the given file name. */
  async downloadLink(key: string, fileName: string, mediaType: string): Promise<{ url: string; expiresAt: string }> {
    const expiresIn = this.config.linkSeconds;
    const url = await getSignedUrl(
      this.publicClient,
      new GetObjectCommand({
        Bucket: this.config.bucket,
        Key: key,
        ResponseContentType: mediaType,
        ResponseContentDisposition: contentDisposition(fileName),
      }),
      { expiresIn },
    );
    return { url, expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString() };
  }

  /** Reads the object as it is now and hashes it (streamed), for the audit's verification. */
  async check(key: string): Promise<StoredObjectCheck> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: key }));
    } catch (error) {
      if (isNotFound(error)) return { present: false };
      throw error;
    }
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of object.Body as Readable) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    return { present: true, sha256: hash.digest('hex'), sizeBytes: size };
  }

  /** Whether the server answers (for readiness). */
  async ping(): Promise<void> {
    await this.ensureBucket();
  }

  destroy(): void {
    this.client.destroy();
    if (this.publicClient !== this.client) this.publicClient.destroy();
  }
}

function isNotFound(error: unknown): boolean {
  if (error instanceof NoSuchKey || error instanceof S3NotFound) return true;
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return status === 404 || (error as { name?: string })?.name === 'NoSuchBucket';
}

/** RFC 6266 with an ASCII fallback and the UTF-8 name (Vietnamese names keep their diacritics). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
