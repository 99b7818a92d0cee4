import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // eval/suite holds the starting files of other projects' repositories (some with bugs on purpose).
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/results.json', 'eval/suite/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-control-regex': 'off'
    }
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly'
      }
    }
  }
);
