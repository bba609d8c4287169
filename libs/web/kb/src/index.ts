export * from './api';
export * from './query-keys';
export * from './hooks';
export * from './kb-attachments';
export * from './kb-inline-images';
export * from './kb-highlight';
