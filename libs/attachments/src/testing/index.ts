export * from './sample-files';
export * from './upload-form';
