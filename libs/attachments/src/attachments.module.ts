import { Global, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { OBJECT_STORAGE_CONFIG, ObjectStorage, objectStorageConfigFromEnv } from './object-storage';

/** Object storage for a service's attachments, configured from the environment (S3_*, ATTACHMENT_*). */
@Global()
@Module({
  providers: [
    { provide: OBJECT_STORAGE_CONFIG, useFactory: () => objectStorageConfigFromEnv() },
    { provide: ObjectStorage, useFactory: (config) => new ObjectStorage(config), inject: [OBJECT_STORAGE_CONFIG] },
  ],
  exports: [ObjectStorage, OBJECT_STORAGE_CONFIG],
})
export class AttachmentsModule implements OnModuleDestroy {
  constructor(@Inject(ObjectStorage) private readonly storage: ObjectStorage) {}

  onModuleDestroy(): void {
    this.storage.destroy();
  }
}
