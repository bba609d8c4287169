import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jest from 'eslint-plugin-jest';
import relaydesk from './scripts/lint/module-doors.mjs';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/*.cjs',
      'jest.preset.js',
      '**/node_modules/**',
      '.nx/**',
      '.data/**',
      'coverage/**',
      'bench/results/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          // Build tooling shared by both Vite configs lives with the other scripts.
          allow: ['../../scripts/lib/vite-precompress.mjs', '../../scripts/lib/vite-pwa.mjs'],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:api'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'] },
          ],
        },
      ],
    },
  },
  {
    // API modules talk through their doors (modules/<m>/index.ts); see scripts/lint/module-doors.mjs.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/**/*.spec.ts'],
    plugins: { relaydesk },
    rules: { 'relaydesk/module-doors': 'error' },
  },
  {
    files: [
      'apps/agent/**/*.tsx',
      'apps/portal/**/*.tsx',
      'libs/web/**/*.tsx',
      'apps/agent/**/*.ts',
      'apps/portal/**/*.ts',
      'libs/web/**/*.ts',
    ],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', 'apps/e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Tests that cannot hide: a stray .only or .skip (or x/f prefixes) fails lint, and so do
    // expectations that are never awaited or checked.
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'apps/e2e/**/*.e2e.ts'],
    plugins: { jest },
    rules: {
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/no-identical-title': 'error',
      'jest/valid-expect': 'error',
    },
  },
);
