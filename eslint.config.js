// ESLint flat config: typescript-eslint's recommended rules over the TypeScript sources, the
// browser globals for the page's one script; formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'eval-out/',
      'bench-out/',
      'test/generated/',
      'test/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // The architecture, enforced: one façade per outside library, a pure core.
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: [
      'src/core/text/nlp.ts',
      'src/log.ts',
      'src/metrics.ts',
      'src/core/summarize/highs-runtime.ts',
      'src/store/arrow-columns.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'highs',
              message: 'Solve through src/core/summarize/exact.ts (the one HiGHS façade).',
            },
            {
              name: 'wink-nlp',
              message: 'Read text through src/core/text (the one wink-nlp façade).',
            },
            {
              name: 'wink-eng-lite-web-model',
              message: 'Read text through src/core/text (the one wink-nlp façade).',
            },
            {
              name: 'pino',
              message: 'Log through the Logger of src/log.ts (the one pino façade).',
            },
            {
              name: 'apache-arrow',
              message: 'Read and write Arrow through src/store/arrow-columns.ts (the one façade).',
            },
            {
              name: 'prom-client',
              message: 'Count through the Metrics of src/metrics.ts (the one prom-client façade).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: [
      'src/core/text/nlp.ts',
      'src/core/corpus/load-corpus.ts',
      'src/core/summarize/highs-runtime.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'highs',
              message: 'Solve through src/core/summarize/exact.ts (the one HiGHS façade).',
            },
            ...['wink-nlp', 'wink-eng-lite-web-model'].map((name) => ({
              name,
              message: 'Read text through src/core/text (the one wink-nlp façade).',
            })),
            { name: 'pino', message: 'The core does not log: it returns data.' },
          ],
          patterns: [
            {
              group: ['node:fs', 'node:fs/*', 'fs', 'fs/*'],
              message: 'Only the loader reads the disk.',
            },
            { group: ['hono', 'hono/*', '@hono/*'], message: 'The core knows nothing of HTTP.' },
            { group: ['**/http/*', '**/http/**'], message: 'The core knows nothing of HTTP.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/http/page/client/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['tools/**', 'scripts/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
);
