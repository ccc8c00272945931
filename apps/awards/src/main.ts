import { startTelemetry } from '@nangsuat/telemetry';

startTelemetry('awards');

// Nest, kafkajs and mongoose are loaded only after telemetry has started, so that it can patch them.
void (async () => {
  const { runService } = await import('@nangsuat/service-runtime');
  const { AppModule } = await import('./app.module');
  await runService({
    service: 'awards',
    title: 'Năng Suất — Awards API',
    description: 'Award categories, nominations, evaluation by the award council, decisions (tôn vinh, khen thưởng).',
    rootModule: AppModule,
  });
})();
