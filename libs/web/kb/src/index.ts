export * from './api';
export * from './query-keys';
export * from './hooks';
