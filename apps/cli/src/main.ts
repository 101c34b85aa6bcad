import 'reflect-metadata';
import { CONTEXTS } from '@ashar/contexts';
import { buildDataSourceOptions } from '@ashar/database';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { DataSource } from 'typeorm';
import { auditVerify } from './commands/audit-verify';
import { migrate } from './commands/migrate';
import { seed, seedDemo } from './commands/seed-demo';
import { pendingSchemaChanges } from './commands/schema-drift';
import { ALL_ENTITIES } from './all-entities';

const USAGE = `Usage: npm run cli -- <command>
  migrate                 apply pending migrations of every context (as MIGRATION_DATABASE_URL, default DATABASE_URL)
  seed                    every context's reference data: territory classifiers (idempotent)
  seed-demo               that, then every context's demo data: communities, accounts, budgets
  audit-verify [--anchor SEQ:HASH]... [--anchor-file FILE]...
                          check the audit hash chain, and that every published anchor (chain head) is
                          still in it; exit 1 naming the first broken row
  migration-generate CONTEXT NAME
                          write a migration for entity changes into that context's migrations/
Needs DATABASE_URL.`;

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('DATABASE_URL is required\n');
    process.exit(78);
  }
  return url;
}

/** Migrations run as the schema owner; the application's own login (DATABASE_URL) owns nothing. */
function migrationDatabaseUrl(): string {
  return process.env.MIGRATION_DATABASE_URL || databaseUrl();
}

async function openDataSource(url = databaseUrl()): Promise<DataSource> {
  const ds = new DataSource(buildDataSourceOptions(url, ALL_ENTITIES));
  await ds.initialize();
  return ds;
}

async function withDataSource<T>(fn: (ds: DataSource) => Promise<T>, url = databaseUrl()): Promise<T> {
  const ds = await openDataSource(url);
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

/** Where a context's migrations live: `libs/<context>/src/migrations`, the platform's in libs/platform/database. */
function migrationsDirOf(context: string): string | null {
  if (!CONTEXTS.some((c) => c.name === context)) return null;
  const root = join(__dirname, '../../../libs');
  const dir = context === 'platform' ? join(root, 'platform/database/src/migrations') : join(root, context, 'src/migrations');
  if (!existsSync(join(dir, '..'))) return null;
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'migrate': {
      const done = await migrate(migrationDatabaseUrl());
      process.stdout.write(`migrations applied: ${done.length}\n`);
      return 0;
    }
    case 'seed': {
      const summary = await withDataSource((ds) => seed(ds));
      process.stdout.write(JSON.stringify(summary) + '\n');
      return 0;
    }
    case 'seed-demo': {
      const summary = await withDataSource((ds) => seedDemo(ds));
      process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
      return 0;
    }
    case 'audit-verify':
      return auditVerify(() => openDataSource(), rest, (s) => process.stdout.write(s), process.env.AUDIT_ANCHOR_KEY || null);
    case 'migration-generate': {
      const [context, name] = rest;
      const dir = context ? migrationsDirOf(context) : null;
      if (!dir) {
        process.stderr.write(`migration-generate needs a context of the list (${CONTEXTS.map((c) => c.name).join(', ')}) whose library has src/migrations/\n`);
        return 2;
      }
      if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
        process.stderr.write('migration-generate needs a PascalCase name\n');
        return 2;
      }
      const { up, down } = await pendingSchemaChanges(databaseUrl());
      if (!up.length) {
        process.stdout.write('no schema changes\n');
        return 0;
      }
      const ts = Date.now();
      const file = join(dir, `${ts}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.migration.ts`);
      const q = (s: string) => '    await queryRunner.query(`' + s.replace(/`/g, '\\`') + '`);';
      writeFileSync(
        file,
        `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${ts} implements MigrationInterface {\n  name = '${name}${ts}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up.map(q).join('\n')}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down.reverse().map(q).join('\n')}\n  }\n}\n`,
      );
      process.stdout.write(`wrote ${file}\nadd it to ${join(dir, 'index.ts')}, the list the context's manifest gives as \`migrations\`\n`);
      return 0;
    }
    default:
      process.stderr.write(USAGE + '\n');
      return command ? 2 : 0;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`ashar cli: ${err?.message ?? err}\n`);
      process.exit(1);
    },
  );
}
