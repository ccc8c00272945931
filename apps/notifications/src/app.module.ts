import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@nangsuat/service-runtime';
import { NotificationsModule } from './notifications/notifications.module';

@Module({
  imports: [ServiceRuntimeModule.forRoot('notifications', { eventSourced: true }), NotificationsModule],
})
export class AppModule {}
