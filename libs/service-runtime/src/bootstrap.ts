import { Logger, Type, ValidationPipe } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions, Transport } from '@nestjs/microservices';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ConfigurationError, loadServiceConfig, ServiceConfig } from './config/service-config';
import { parseJsonBody, sizeInBytes } from './http/json-body';
import { securityHeaders } from './http/security-headers';
import { documentValidationRules } from './validation/document-rules';

export interface ServiceDefinition {
  /** Bounded context name: plans, support-programs, training, awards, audit. */
  readonly service: string;
  readonly title: string;
  readonly description: string;
  readonly rootModule: Type<unknown>;
}

/**
 * Starts one service as a Nest hybrid app: HTTP API with its OpenAPI document at /docs (JSON at
 * /docs-json) and a Kafka consumer in the group `nangsuat-<service>`.
 */
export async function runService(def: ServiceDefinition): Promise<NestExpressApplication> {
  const logger = new Logger(def.service);
  let config: ServiceConfig;
  try {
    config = loadServiceConfig(def.service);
  } catch (e) {
    if (e instanceof ConfigurationError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const app = await createServiceApp(def, config);
  await app.listen(config.PORT, process.env.HOST ?? '127.0.0.1');
  logger.log(`listening on http://${process.env.HOST ?? '127.0.0.1'}:${config.PORT} (OpenAPI at /docs), database ${config.MONGODB_DB}`);
  return app;
}

/** The app of one service, initialised and consuming from Kafka, not yet listening (tests listen on port 0). */
export async function createServiceApp(def: ServiceDefinition, config: ServiceConfig = loadServiceConfig(def.service)): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(def.rootModule, { bodyParser: false, bufferLogs: true });
  app.disable('x-powered-by');
  answerUnreadableRequests(app.getHttpServer() as Server);
  for (const headers of securityHeaders()) app.use(headers);
  app.use(refuseNulInAddress);
  // The only body parser: size while reading (413); type, depth and shape after the token check.
  // Uploads (multipart to …/attachments) are read by the route itself, after the token check.
  app.use(parseJsonBody({ limitBytes: sizeInBytes(config.HTTP_BODY_LIMIT), uploadLimitBytes: uploadLimitBytes() }));
  app.enableShutdownHooks();
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
    }),
  );

  app.connectMicroservice<MicroserviceOptions>(
    {
      transport: Transport.KAFKA,
      options: {
        client: { clientId: `nangsuat-${def.service}`, brokers: config.KAFKA_BROKERS, logLevel: 1 },
        consumer: { groupId: process.env.KAFKA_CONSUMER_GROUP ?? `nangsuat-${def.service}`, allowAutoTopicCreation: true },
        subscribe: { fromBeginning: true },
        postfixId: '',
      },
    },
    { inheritAppConfig: true },
  );

  const openApi = new DocumentBuilder()
    .setTitle(def.title)
    .setDescription(def.description)
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Keycloak access token (realm nangsuat)' })
    .build();
  documentValidationRules();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'docs-json' });

  await app.init(); // creates the platform's Kafka topics before the consumer subscribes
  await app.startAllMicroservices();
  return app;
}

/**
 * Requests Node refuses before the application sees them — a request line or headers over 16 KB
 * (431), a request that is not HTTP (400) — get a JSON answer that says what to do, instead of an
 * empty one.
 */
function answerUnreadableRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const [status, reason, message] = tooLarge
      ? [431, 'Request Header Fields Too Large', 'The address or the headers of the request are too large (16 KB at most together): shorten the identifier or the query.']
      : [400, 'Bad Request', 'The request could not be read as HTTP.'];
    const body = JSON.stringify({ statusCode: status, error: reason, message });
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}

/** The largest multipart upload read at all: the largest file (ATTACHMENT_MAX_BYTES, 20 MB by default) and its form fields. */
function uploadLimitBytes(): number {
  const maxFile = Number(process.env.ATTACHMENT_MAX_BYTES ?? 20 * 1024 * 1024);
  return (Number.isSafeInteger(maxFile) && maxFile > 0 ? maxFile : 20 * 1024 * 1024) + 64 * 1024;
}

/** A NUL character (%00) in the path or query names nothing that can exist: 400 before any store sees it. */
function refuseNulInAddress(req: { url: string }, res: { status(code: number): { json(body: unknown): void } }, next: () => void): void {
  if (/%00/.test(req.url) || req.url.includes('\u0000')) {
    res.status(400).json({ statusCode: 400, error: 'Bad Request', message: 'The address contains a NUL character (%00), which no identifier or search may hold; remove it.' });
    return;
  }
  next();
}
