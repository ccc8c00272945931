export * from './attachments';
export * from './attachments.module';
export * from './content-type';
export * from './object-storage';
export * from './upload';
export * from './upload.interceptor';
export * from './views';
export * from './record-attachments';
