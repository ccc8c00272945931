export * from './sample-files';
