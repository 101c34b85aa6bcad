// Lint: TypeScript rules plus Nx module boundaries, which keep the layering honest:
// apps compose libraries; pure libraries (kind:pure) import nothing from NestJS, the database,
// the queue or React; contexts depend one way only.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const serverOnly = ['@nestjs/*', 'typeorm', 'pg', 'bullmq', 'ioredis', 'argon2', 'express', '@apollo/*'];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', 'tmp/**', '.data/**', 'test-artifacts/**', '**/*.js', '**/*.mjs', '**/*.cjs', '**/vite.config.ts'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'kind:pure', onlyDependOnLibsWithTags: ['kind:pure'], bannedExternalImports: [...serverOnly, 'react', 'react-dom'] },
            { sourceTag: 'kind:platform', onlyDependOnLibsWithTags: ['kind:pure', 'kind:platform'] },
            { sourceTag: 'kind:server', onlyDependOnLibsWithTags: ['kind:pure', 'kind:platform', 'kind:server'] },
            { sourceTag: 'kind:app', onlyDependOnLibsWithTags: ['kind:pure', 'kind:platform', 'kind:server'] },
            { sourceTag: 'context:web', onlyDependOnLibsWithTags: ['kind:pure'], bannedExternalImports: serverOnly },
            { sourceTag: 'context:audit', onlyDependOnLibsWithTags: ['context:shared', 'context:platform'] },
            { sourceTag: 'context:territory', onlyDependOnLibsWithTags: ['context:shared', 'context:platform', 'context:audit'] },
            { sourceTag: 'context:identity', onlyDependOnLibsWithTags: ['context:shared', 'context:platform', 'context:audit', 'context:territory'] },
            // Threads: a shared facility (comments, replies, moderation) that knows no context; contexts plug in a policy.
            { sourceTag: 'context:threads', onlyDependOnLibsWithTags: ['context:shared', 'context:platform', 'context:audit'] },
            { sourceTag: 'context:budgets', onlyDependOnLibsWithTags: ['context:shared', 'context:platform', 'context:audit', 'context:territory', 'context:identity', 'context:threads'] },
            { sourceTag: 'context:tally', onlyDependOnLibsWithTags: ['context:shared'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/__tests__/**', 'test/**', 'bench/**'],
    rules: { '@nx/enforce-module-boundaries': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
];
