import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Imports point one way: ui -> state -> worker -> engine; scenario is shared (DESIGN.md).
const upward = (layers, why) => ({
  patterns: layers.map((layer) => ({ group: [`**/${layer}/*`, `**/${layer}`], message: why })),
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'The engine runs in Node and in a worker: no DOM.' },
        { name: 'document', message: 'The engine runs in Node and in a worker: no DOM.' },
        { name: 'self', message: 'The engine has no worker APIs; src/worker is the bridge.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Simulated time only: use the engine clock (now()).' },
        { object: 'Math', property: 'random', message: 'Use the seeded RNG (src/engine/util/rng.ts).' },
      ],
    },
  },
  // src/engine is the bottom layer. Relative imports are written per folder depth, because
  // the engine has its own scenario.ts, which must not be confused with src/scenario.
  ...[1, 2, 3, 4].map((depth) => ({
    files: [`src/engine/${'*/'.repeat(depth - 1)}*.ts`],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['scenario', 'worker', 'state', 'ui'].map((layer) => ({
            group: [`${'../'.repeat(depth)}${layer}`, `${'../'.repeat(depth)}${layer}/*`],
            message: 'src/engine is the bottom layer: it imports nothing above it (DESIGN.md).',
          })),
        },
      ],
    },
  })),
  {
    files: ['src/scenario/**/*.ts'],
    ignores: ['src/scenario/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        upward(['worker', 'state', 'ui'], 'src/scenario depends only on src/engine and small parsers.'),
      ],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        upward(['state', 'ui'], 'src/worker is below the state and UI layers.'),
      ],
    },
  },
  {
    files: ['src/state/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', upward(['ui'], 'src/state is below the UI layer.')],
    },
  },
);
