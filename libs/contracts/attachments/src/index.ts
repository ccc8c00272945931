export * from './attachments';
export * from './content-type';
