// @ts-check
import { builtinModules } from 'node:module';
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Headroom's layering, enforced here (docs/architecture.md "Layers"):
 * - packages/core is pure: no Node built-ins, no electron, no DOM, no clock, no other workspace.
 * - packages/contract is shared by the service and the renderer: no Node built-ins, no electron.
 * - only apps/desktop/src/main imports electron.
 * - the renderer imports only contract and core among the workspaces, and nothing from Node.
 */
const nodeBuiltins = [...new Set(builtinModules.map((name) => name.replace(/^node:/, '')))];
const nodeBuiltinPatterns = [
  {
    group: ['node:*', ...nodeBuiltins, ...nodeBuiltins.map((n) => `${n}/*`)],
    message: 'This layer does no I/O: Node built-ins belong in packages/host or packages/service.',
  },
];
const electronPath = {
  name: 'electron',
  message:
    'Only apps/desktop/src/main imports electron; the service runs unchanged under the CLI, the demo and the tests.',
};
const workspace = (/** @type {string[]} */ ...names) =>
  names.map((name) => ({
    name: `@headroom/${name}`,
    message: `This layer may not depend on @headroom/${name}.`,
  }));
const sourceFiles = ['**/*.{ts,tsx}'];
const testFiles = ['**/*.test.{ts,tsx}', '**/testdata/**', '**/testing/**', 'e2e/**'];

/** Per-area import rules; later entries replace earlier ones for the files they match, so each lists all it bans. */
const layering = [
  {
    name: 'layering/everywhere: electron only in the main process',
    files: sourceFiles,
    rules: { 'no-restricted-imports': ['error', { paths: [electronPath] }] },
  },
  {
    name: 'layering/core: pure, no I/O',
    files: ['packages/core/src/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronPath,
            { name: 'react', message: 'core has no UI.' },
            ...workspace('host', 'service', 'contract', 'simulator', 'desktop', 'cli'),
          ],
          patterns: nodeBuiltinPatterns,
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'process',
          'Buffer',
          'require',
          '__dirname',
          '__filename',
          'window',
          'document',
          'navigator',
          'localStorage',
          'fetch',
          'setTimeout',
          'setInterval',
          'performance',
        ].map((name) => ({ name, message: 'core is pure: pass what it needs in as an argument.' })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core takes the time from an injected clock.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'core takes the time from an injected clock.',
        },
      ],
    },
  },
  {
    name: 'layering/contract: shared by service and renderer',
    files: ['packages/contract/src/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronPath, ...workspace('host', 'service', 'simulator', 'desktop', 'cli')],
          patterns: nodeBuiltinPatterns,
        },
      ],
    },
  },
  {
    name: 'layering/node packages: no UI, no electron',
    files: ['packages/{host,service,simulator}/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronPath,
            { name: 'react', message: 'Packages have no UI.' },
            ...workspace('desktop', 'cli'),
          ],
        },
      ],
    },
  },
  {
    name: 'layering/renderer: contract and core only',
    files: ['apps/desktop/src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronPath, ...workspace('host', 'service', 'simulator', 'cli', 'desktop')],
          patterns: nodeBuiltinPatterns,
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require'].map((name) => ({
          name,
          message: 'The renderer has no Node; ask the service through the contract.',
        })),
      ],
    },
  },
  {
    name: 'layering/preload: the contract over an injected IPC, nothing else',
    files: ['apps/desktop/src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronPath, ...workspace('host', 'service', 'simulator', 'cli', 'desktop')],
          patterns: nodeBuiltinPatterns,
        },
      ],
    },
  },
  {
    name: 'layering/main: the Electron glue',
    files: ['apps/desktop/src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'react', message: 'The main process has no React.' }] },
      ],
    },
  },
];

export default defineConfig(
  { ignores: ['**/node_modules/**', '**/dist/**', 'apps/desktop/release/**', '**/testdata/**'] },
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.ts'], defaultProject: 'tsconfig.base.json' },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['apps/desktop/src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['eslint.config.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  ...layering,
);
