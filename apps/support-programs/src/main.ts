import { startTelemetry } from '@nangsuat/telemetry';

startTelemetry('support-programs');

// Nest, kafkajs and mongoose are loaded only after telemetry has started, so that it can patch them.
void (async () => {
  const { runService } = await import('@nangsuat/service-runtime');
  const { AppModule } = await import('./app.module');
  await runService({
    service: 'support-programs',
    title: 'Năng Suất — Support programmes API',
    description: 'Enterprise support programmes, enterprises and their registrations for pilot productivity models (mô hình điểm).',
    rootModule: AppModule,
  });
})();
