// ESLint: typescript-eslint's type-aware recommended + strict sets over src/ and test/ (tsconfig.eslint.json
// adds test/ to the build's program); the .mjs scripts get the plain JavaScript set. Formatting is Prettier's
// job (eslint-config-prettier turns off the rules that would fight it). `npm run lint` allows no warning.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.bench/', 'test-artifacts/', 'test/fixtures/', '**/*.generated.ts'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked, tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { project: './tsconfig.eslint.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Line and column numbers go into messages everywhere; numbers print the same in any locale.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Off on purpose: tsconfig.json turns on noUncheckedIndexedAccess, so an index the code has just
      // bounds-checked (or a Map key it has just set) still types as possibly undefined; `!` is how the code
      // states that invariant, at some 550 sites. Turning the rule on would trade each for a runtime check or
      // a cast that says less.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `(x) => set.add(x)` style callbacks: the arrow's value is ignored by its caller either way.
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true },
      ],
      // Source (files, a git revision, memory) is async by interface; an implementation with nothing to await
      // stays async so that its errors reject the promise the callers await instead of throwing past it.
      '@typescript-eslint/require-await': 'off',
      // A leading underscore marks a binding left unused on purpose (`_args`, `{ kubernetes: _, ...rest }`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests feed and look for control characters on purpose (escaping, trojan source, file names).
      'no-control-regex': 'off',
      // Tests read the CLI's JSON output (JSON.parse gives any) and compare with vitest's asymmetric matchers
      // (expect.any, expect.stringMatching: typed any); the assertions themselves check those shapes.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    // Node's globals these scripts use (the `globals` package would be one more dependency for a short list).
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'Buffer', 'URL', 'setTimeout', 'clearTimeout', 'performance', 'structuredClone'].map(
          (name) => [name, 'readonly'],
        ),
      ),
    },
  },
  prettier,
);
