import { randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { ObjectStorage, objectStorageConfigFromEnv } from './object-storage';
import { samplePdf } from './testing';

/**
 * Against the real S3-compatible server scripts/infra starts (SeaweedFS; S3_ENDPOINT). The bucket is
 * private: an unsigned GET is refused, a presigned link downloads until it expires and not after.
 */
describe('object storage (real S3-compatible server)', () => {
  const config = objectStorageConfigFromEnv();
  const storage = new ObjectStorage({ ...config, linkSeconds: 2 });
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  afterAll(() => storage.destroy());

  it('stores bytes and reads back their hash; a missing key is reported missing', async () => {
    const bytes = samplePdf(`test ${randomUUID()}`);
    const key = `test/${randomUUID()}/${sha(bytes)}`;
    await storage.put(key, bytes, 'application/pdf', sha(bytes));
    expect(await storage.check(key)).toEqual({ present: true, sha256: sha(bytes), sizeBytes: bytes.length });
    expect(await storage.check(`test/${randomUUID()}/nothing`)).toEqual({ present: false });
  });

  it('serves an object only through a presigned link, and only until it expires', async () => {
    const bytes = samplePdf(`link ${randomUUID()}`);
    const key = `test/${randomUUID()}/${sha(bytes)}`;
    await storage.put(key, bytes, 'application/pdf', sha(bytes));

    const unsigned = await fetch(`${config.endpoint}/${config.bucket}/${key}`);
    expect(unsigned.status).toBe(403);

    const { url, expiresAt } = await storage.downloadLink(key, 'Kế hoạch số 1.pdf', 'application/pdf');
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).equals(bytes)).toBe(true);
    expect(ok.headers.get('content-disposition')).toContain("filename*=UTF-8''K%E1%BA%BF");

    // Signed for 2 s: S3 refuses it once that has passed.
    await new Promise((r) => setTimeout(r, 3500));
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
  });

  it('refuses a link whose signature was tampered with', async () => {
    const bytes = samplePdf(`tamper ${randomUUID()}`);
    const key = `test/${randomUUID()}/${sha(bytes)}`;
    await storage.put(key, bytes, 'application/pdf', sha(bytes));
    const { url } = await storage.downloadLink(key, 'a.pdf', 'application/pdf');
    const other = url.replace(/X-Amz-Signature=([0-9a-f])/, (_m, c: string) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`);
    expect((await fetch(other)).status).toBe(403);
  });
});
