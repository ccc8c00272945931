import { startTelemetry } from '@nangsuat/telemetry';

startTelemetry('training');

// Nest, kafkajs and mongoose are loaded only after telemetry has started, so that it can patch them.
void (async () => {
  const { runService } = await import('@nangsuat/service-runtime');
  const { AppModule } = await import('./app.module');
  await runService({
    service: 'training',
    title: 'Năng Suất — Training and experts API',
    description: 'Courses, registrations, attendance and completion (person-times, lượt người), productivity-expert certification.',
    rootModule: AppModule,
  });
})();
