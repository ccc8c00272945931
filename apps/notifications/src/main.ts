import { startTelemetry } from '@nangsuat/telemetry';

startTelemetry('notifications');

// Nest, kafkajs and mongoose are loaded only after telemetry has started, so that it can patch them.
void (async () => {
  const { runService } = await import('@nangsuat/service-runtime');
  const { AppModule } = await import('./app.module');
  await runService({
    service: 'notifications',
    title: 'Năng Suất — Notifications API',
    description: 'Each person\'s inbox (unread count, mark read, link to the record), email by SMTP with per-kind opt-out, and scheduled reminders, from the other contexts\' events.',
    rootModule: AppModule,
  });
})();
