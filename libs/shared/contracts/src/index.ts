export * from './roles.js';
export * from './permissions.js';
export * from './tickets.js';
export * from './locales.js';
export * from './problems.js';
export * from './workflow.js';
export * from './custom-fields.js';
