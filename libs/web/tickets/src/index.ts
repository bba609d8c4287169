export * from './api';
export * from './query-keys';
export * from './hooks';
export * from './idempotency-key';
export * from './file-drop-zone';
export * from './save-blob';
export * from './live-invalidation';
export * from './watchers';
