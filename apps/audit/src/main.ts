import { startTelemetry } from '@nangsuat/telemetry';

startTelemetry('audit');

// Nest, kafkajs and mongoose are loaded only after telemetry has started, so that it can patch them.
void (async () => {
  const { runService } = await import('@nangsuat/service-runtime');
  const { AppModule } = await import('./app.module');
  await runService({
    service: 'audit',
    title: 'Năng Suất — Audit API',
    description: 'Cross-service verifiable ledger: timelines, state as of a date, diffs, integrity checkpoints, exports.',
    rootModule: AppModule,
  });
})();
