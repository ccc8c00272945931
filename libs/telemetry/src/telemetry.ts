import { NodeSDK } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { MongooseInstrumentation } from '@opentelemetry/instrumentation-mongoose';

/**
 * Starts OpenTelemetry for one service. Must run before Nest, kafkajs or mongoose are loaded,
 * because instrumentation patches modules as they are required (see each app's main.ts).
 *
 * Configured only by the standard OTEL_* variables (OTEL_EXPORTER_OTLP_ENDPOINT,
 * OTEL_TRACES_EXPORTER, OTEL_SDK_DISABLED, OTEL_RESOURCE_ATTRIBUTES…); the service name defaults
 * to `nangsuat-<service>` unless OTEL_SERVICE_NAME is set.
 */
export function startTelemetry(service: string): { shutdown(): Promise<void> } {
  if (process.env.OTEL_SDK_DISABLED === 'true') return { shutdown: async () => undefined };
  process.env.OTEL_SERVICE_NAME ??= `nangsuat-${service}`;
  const sdk = new NodeSDK({
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => req.url === '/health' || (req.url ?? '').startsWith('/health/') }),
      new ExpressInstrumentation(),
      new NestInstrumentation(),
      new KafkaJsInstrumentation(),
      new MongoDBInstrumentation(),
      new MongooseInstrumentation(),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
