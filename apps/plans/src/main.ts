import { startTelemetry } from '@nangsuat/telemetry';

startTelemetry('plans');

// Nest, kafkajs and mongoose are loaded only after telemetry has started, so that it can patch them.
void (async () => {
  const { runService } = await import('@nangsuat/service-runtime');
  const { AppModule } = await import('./app.module');
  await runService({
    service: 'plans',
    title: 'Năng Suất — Plans API',
    description: 'Administrative units, plans (Kế hoạch) with versioned targets, progress rolled up the administrative tree, annual reports.',
    rootModule: AppModule,
  });
})();
