// Shared Jest settings for every project in the workspace (CommonJS: the root package is not ESM).
process.env.TZ = 'UTC';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // NestJS 12 and a few of its dependencies ship ESM only: let the transform turn them into CJS.
  // sanitize-html's htmlparser2 family is ESM too and sits in sanitize-html/node_modules, hence the
  // optional nested segment (a match on the outer node_modules would otherwise skip it).
  transformIgnorePatterns: [
    '/node_modules/(?!(?:[^/]+/node_modules/)?(@nestjs|file-type|strtok3|token-types|peek-readable|@tokenizer|uint8array-extras|@borewit|load-esm|htmlparser2|domhandler|domutils|dom-serializer|domelementtype|entities)/)',
  ],
  moduleNameMapper: {
    '^@relaydesk/contracts$': '<rootDir>/../../libs/shared/contracts/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
};
