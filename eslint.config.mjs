// Lint: TypeScript rules plus Nx module boundaries, which keep the layering honest:
// apps compose libraries; pure libraries (kind:pure) import nothing from NestJS, the database,
// the queue or React; contexts depend one way only.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import { contextDepConstraints } from './eslint.contexts.mjs';

// Where SQL lives (issue 8): only repositories (one file per aggregate, or *.queries.ts for a read
// model), the database platform, migrations, tests and benches, and the CLI's composition root may
// hold TypeORM's DataSource/EntityManager/Repository or ask for one. Everything else gets a
// repository injected and passes the opaque `Transaction` from TransactionRunner along.
const SQL_HOME =
  'SQL belongs in a repository: put statements, query builders and getRepository calls in <context>/src/repositories/ (*.repository.ts, or *.queries.ts for a read model), inject that repository, and open transactions with TransactionRunner (services pass the opaque Transaction on).';
const dataAccessOutsideRepositories = {
  files: ['apps/**/*.ts', 'apps/**/*.tsx', 'libs/**/*.ts', 'libs/**/*.tsx'],
  ignores: ['**/repositories/**', 'libs/platform/database/**', '**/migrations/**', '**/__tests__/**', '**/*.spec.ts', '**/*.spec.tsx', 'apps/cli/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          { name: 'typeorm', importNames: ['DataSource', 'EntityManager', 'Repository', 'QueryRunner', 'getRepository'], message: SQL_HOME },
          { name: '@nestjs/typeorm', importNames: ['InjectDataSource', 'InjectEntityManager', 'InjectRepository', 'getRepositoryToken'], message: SQL_HOME },
        ],
      },
    ],
    'no-restricted-syntax': [
      'error',
      { selector: 'CallExpression[callee.property.name=/^(getRepository|createQueryBuilder|createQueryRunner)$/]', message: SQL_HOME },
      { selector: 'Decorator[expression.callee.name=/^(InjectDataSource|InjectEntityManager|InjectRepository)$/]', message: SQL_HOME },
    ],
  },
};

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
            // The manifest list (libs/contexts): only apps (and tests) may import it.
            { sourceTag: 'kind:composition', onlyDependOnLibsWithTags: ['kind:pure', 'kind:platform', 'kind:server'] },
            { sourceTag: 'kind:app', onlyDependOnLibsWithTags: ['kind:pure', 'kind:platform', 'kind:server', 'kind:composition'] },
            { sourceTag: 'context:web', onlyDependOnLibsWithTags: ['kind:pure'], bannedExternalImports: serverOnly },
            // context:<name> → its `uses:<context>` tags (eslint.contexts.mjs).
            ...contextDepConstraints(import.meta.dirname),
          ],
        },
      ],
    },
  },
  dataAccessOutsideRepositories,
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/__tests__/**', 'test/**', 'bench/**'],
    rules: { '@nx/enforce-module-boundaries': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
];
