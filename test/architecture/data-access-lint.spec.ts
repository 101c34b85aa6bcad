import { spawnSync } from 'child_process';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');

interface Message {
  ruleId: string | null;
  message: string;
  line: number;
}

/** The messages ESLint (the repository's config) gives for each code placed at its file path: one ESLint process for all. */
function lintAll(items: Array<{ filePath: string; code: string }>): Message[][] {
  const r = spawnSync(process.execPath, [join(__dirname, 'lint-text.mjs')], { cwd: ROOT, input: JSON.stringify(items), encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } });
  if (r.status !== 0) throw new Error(`eslint failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const dataAccess = (messages: Message[]) => messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax');

// A service that holds the pool and issues SQL itself: what issue 8 forbids.
const PLANTED = `import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class PlantedService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  count(): Promise<unknown> {
    return this.db.query('SELECT count(*) FROM budgets');
  }
}
`;

const MANAGER_IN_RESOLVER = `import type { EntityManager } from 'typeorm';
import { Budget } from '../entities/budget.entity';

export function budgets(m: EntityManager) {
  return m.getRepository(Budget).createQueryBuilder('b').getMany();
}
`;

const ENTITY = `import { Column, Entity, In } from 'typeorm';\nimport { TypeOrmModule } from '@nestjs/typeorm';\nexport const ops = [In, TypeOrmModule];\n@Entity('x')\nexport class X {\n  @Column()\n  a: string;\n}\n`;

const CASES: Record<string, { filePath: string; code: string }> = {
  service: { filePath: 'libs/budgets/src/services/planted.service.ts', code: PLANTED },
  resolver: { filePath: 'libs/budgets/src/resolvers/planted.resolver.ts', code: MANAGER_IN_RESOLVER },
  territoryService: { filePath: 'libs/territory/src/services/planted.service.ts', code: PLANTED },
  apiController: { filePath: 'apps/api/src/planted.controller.ts', code: PLANTED },
  repository: { filePath: 'libs/budgets/src/repositories/planted.repository.ts', code: PLANTED },
  queries: { filePath: 'libs/budgets/src/repositories/planted.queries.ts', code: MANAGER_IN_RESOLVER },
  databasePlatform: { filePath: 'libs/platform/database/src/planted.ts', code: PLANTED },
  test: { filePath: 'libs/budgets/src/__tests__/planted.int.spec.ts', code: PLANTED },
  migration: { filePath: 'libs/platform/database/src/migrations/1-planted.migration.ts', code: PLANTED },
  cli: { filePath: 'apps/cli/src/commands/planted.ts', code: PLANTED },
  entity: { filePath: 'libs/budgets/src/entities/x.entity.ts', code: ENTITY },
};

describe('the data-access lint rule (SQL only in repositories)', () => {
  const found: Record<string, Message[]> = {};
  const lint = (name: string) => found[name];

  beforeAll(() => {
    const names = Object.keys(CASES);
    lintAll(names.map((n) => CASES[n])).forEach((messages, i) => (found[names[i]] = dataAccess(messages)));
  });

  it('fails a DataSource planted in a service, naming where SQL belongs', () => {
    expect(lint('service').map((m) => m.line).sort()).toEqual([2, 3, 7]);
    for (const m of lint('service')) expect(m.message).toMatch(/SQL belongs in a repository.*repositories\//);
  });

  it('fails an EntityManager, getRepository and a query builder in a resolver', () => {
    expect(lint('resolver').map((m) => m.line)).toEqual([1, 5, 5]);
  });

  it('fails the same in another context and in an app (not only budgets)', () => {
    expect(lint('territoryService')).toHaveLength(3);
    expect(lint('apiController')).toHaveLength(3);
  });

  it('passes the same code in a repository, a *.queries.ts read model under repositories/, and the database platform', () => {
    expect(lint('repository')).toEqual([]);
    expect(lint('queries')).toEqual([]);
    expect(lint('databasePlatform')).toEqual([]);
  });

  it('passes tests, migrations and the CLI composition root', () => {
    expect(lint('test')).toEqual([]);
    expect(lint('migration')).toEqual([]);
    expect(lint('cli')).toEqual([]);
  });

  it('leaves TypeORM decorators and find operators alone (entities, modules)', () => {
    expect(lint('entity')).toEqual([]);
  });
});
