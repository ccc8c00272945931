// Sample files of each accepted (and refused) kind, for tests of uploads.
export * from '@nangsuat/contracts/attachments/testing';
