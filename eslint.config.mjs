// ESLint flat config (`npm run lint`, part of `npm test`): typescript-eslint's recommended rules
// over the sources, tests and scripts. Lines are at most 140 characters, except a line that is
// one literal (a lexicon phrase, a pattern's source); in tests and scripts a long string (a
// note's text, a message) may run on, as clinical text does.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_GLOBALS = Object.fromEntries(
  [
    'console',
    'process',
    'require',
    'module',
    '__dirname',
    'Buffer',
    'URL',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
  ].map((g) => [g, 'readonly']),
);
/** A line that is one string literal and nothing else (a lexicon phrase, a regular expression's source). */
const LONE_LITERAL = "^\\s*(const \\w+ = )?(String\\.raw)?(['`]).*\\3[,;]?$";
const maxLen = (strings) => [
  'error',
  {
    code: 140,
    ignoreUrls: true,
    ignoreRegExpLiterals: true,
    ignorePattern: LONE_LITERAL,
    ignoreStrings: strings,
    ignoreTemplateLiterals: strings,
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/', 'test/fixtures/', 'test/e2e/workspace/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: NODE_GLOBALS },
    rules: {
      'max-len': maxLen(false),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The engine is one facade: outside it, import engine/index.ts, never a module inside.
    files: ['server/src/**', 'client/src/**'],
    ignores: ['server/src/engine/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/engine/*'], message: 'Import the engine through engine/index.ts.' }] }],
    },
  },
  { files: ['test/**', 'scripts/**'], rules: { 'max-len': maxLen(true) } },
  { files: ['bin/*.js'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
