// The attachment events, decider and accepted content: the contract every context's records share.
export * from '@nangsuat/contracts/attachments';
export * from './attachments.module';
export * from './object-storage';
export * from './upload';
export * from './upload.interceptor';
export * from './views';
export * from './record-attachments';
export * from './record-attachment-routes';
export * from './attached-file-fields';
