import { AUDIT_ENTITIES } from '@ashar/audit';
import { RateLimitCounter } from '@ashar/auth';
import { IDENTITY_ENTITIES } from '@ashar/identity';
import { NOTIFICATIONS_ENTITIES } from '@ashar/notifications';
import { OutboxMessage } from '@ashar/queue';
import { TERRITORY_ENTITIES } from '@ashar/territory';
import { THREADS_ENTITIES } from '@ashar/threads';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { getMetadataArgsStorage } from 'typeorm';
import { BUDGETS_ENTITIES } from '../../libs/budgets/src/entities';
import { COMPETITIONS_ENTITIES } from '../../libs/competitions/src/entities';
import { PARTICIPATION_ENTITIES } from '../../libs/participation/src/entities';
import { COUNCILS_ENTITIES } from '../../libs/councils/src/entities';
import { SURVEYS_ENTITIES } from '../../libs/surveys/src/entities';
import { MUNICIPAL_INDICATORS_ENTITIES } from '../../libs/municipal-indicators/src/entities';

/**
 * "No table of another context in a context's SQL" (issue 8): every repository file (and every
 * *.queries.ts read model) of a context may name only the tables of that context's entities. Another
 * context's data comes through its exported services; platform tables (outbox, rate limits, audit
 * events) through OutboxService, RateLimiter and AuditService, never in a context's SQL.
 */
const ROOT = join(__dirname, '..', '..');

type EntityClass = Function;

interface Context {
  name: string;
  root: string;
  entities: readonly EntityClass[];
}

/** Every library that has repositories, with the entities (tables) it owns. A new context adds one line. */
const CONTEXTS: Context[] = [
  { name: 'budgets', root: 'libs/budgets', entities: BUDGETS_ENTITIES },
  { name: 'participation', root: 'libs/participation', entities: PARTICIPATION_ENTITIES },
  { name: 'councils', root: 'libs/councils', entities: COUNCILS_ENTITIES },
  { name: 'competitions', root: 'libs/competitions', entities: COMPETITIONS_ENTITIES },
  { name: 'surveys', root: 'libs/surveys', entities: SURVEYS_ENTITIES },
  { name: 'municipal-indicators', root: 'libs/municipal-indicators', entities: MUNICIPAL_INDICATORS_ENTITIES },
  { name: 'territory', root: 'libs/territory', entities: TERRITORY_ENTITIES },
  { name: 'identity', root: 'libs/identity', entities: IDENTITY_ENTITIES },
  { name: 'threads', root: 'libs/threads', entities: THREADS_ENTITIES },
  { name: 'notifications', root: 'libs/notifications', entities: NOTIFICATIONS_ENTITIES },
  { name: 'audit', root: 'libs/audit', entities: AUDIT_ENTITIES },
  { name: 'platform/auth', root: 'libs/platform/auth', entities: [RateLimitCounter] },
  { name: 'platform/queue', root: 'libs/platform/queue', entities: [OutboxMessage] },
  // The generic import store names no table: the context's own import table is passed in (budgets: budget_imports).
  { name: 'platform/imports', root: 'libs/platform/imports', entities: [] },
];

interface Owned {
  table: string;
  className: string;
  context: string;
}

function ownership(contexts: readonly Context[]): Owned[] {
  const tables = getMetadataArgsStorage().tables;
  return contexts.flatMap((c) =>
    c.entities.map((e) => {
      const t = tables.find((x) => x.target === e);
      if (!t?.name) throw new Error(`${c.name}: entity ${e.name} needs an explicit table name (@Entity('...'))`);
      return { table: t.name, className: e.name, context: c.name };
    }),
  );
}

/** Code without comments (a comment saying "from territory" is no SQL). URLs (`http://`) survive. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\w])\/\/.*$/gm, '$1');
}

const SQL_TABLE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE)\s+(?:ONLY\s+)?"?([A-Za-z_][A-Za-z0-9_]*)"?/gi;

/** The tables a file names: in SQL text (FROM/JOIN/INTO/UPDATE/TABLE) and through entity classes (getRepository(X), find(X), into(X), imports). */
export function tablesNamedIn(text: string, owned: readonly Owned[]): Set<string> {
  const code = stripComments(text);
  const known = new Set(owned.map((o) => o.table));
  const found = new Set<string>();
  for (const m of code.matchAll(SQL_TABLE)) if (known.has(m[1].toLowerCase())) found.add(m[1].toLowerCase());
  for (const o of owned) if (new RegExp(`\\b${o.className}\\b`).test(code)) found.add(o.table);
  return found;
}

export function violations(files: ReadonlyArray<{ path: string; context: string; text: string }>, owned: readonly Owned[]): string[] {
  const owner = new Map(owned.map((o) => [o.table, o.context]));
  const out: string[] = [];
  for (const f of files) {
    for (const table of [...tablesNamedIn(f.text, owned)].sort()) {
      if (owner.get(table) !== f.context) out.push(`${f.path}: ${f.context} names table "${table}" of ${owner.get(table)}`);
    }
  }
  return out;
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** The data-access files of a library: everything under a repositories/ folder, and *.queries.ts anywhere; tests excluded. */
function dataAccessFiles(root: string): string[] {
  return walk(join(ROOT, root, 'src'))
    .filter((f) => f.endsWith('.ts') && !f.includes('/__tests__/') && !f.endsWith('.spec.ts'))
    .filter((f) => f.includes('/repositories/') || f.endsWith('.queries.ts'));
}

describe('table ownership: a context names only its own tables in its SQL', () => {
  const owned = ownership(CONTEXTS);

  it('knows the owner of every table once', () => {
    const tables = owned.map((o) => o.table);
    expect(tables.length).toBeGreaterThan(20);
    expect(new Set(tables).size).toBe(tables.length);
  });

  it('finds tables in SQL and in entity-based queries, and names the file and the table of another context', () => {
    const planted = `
      import { Community } from '@ashar/territory';
      // a comment that says FROM accounts is not SQL
      export const sql = \`WITH me AS (SELECT u.parent_id FROM communities c JOIN territorial_units u ON u.id = c.unit_id WHERE c.id = $1)
        SELECT b.id FROM budgets b JOIN budget_versions v ON v.budget_id = b.id\`;
      export const q = (m: any) => m.getRepository(Community).createQueryBuilder('c').getMany();
      export const o = 'INSERT INTO outbox_messages (queue) VALUES ($1)';`;
    expect([...tablesNamedIn(planted, owned)].sort()).toEqual(['budget_versions', 'budgets', 'communities', 'outbox_messages', 'territorial_units']);
    expect(violations([{ path: 'libs/budgets/src/repositories/planted.repository.ts', context: 'budgets', text: planted }], owned)).toEqual([
      'libs/budgets/src/repositories/planted.repository.ts: budgets names table "communities" of territory',
      'libs/budgets/src/repositories/planted.repository.ts: budgets names table "outbox_messages" of platform/queue',
      'libs/budgets/src/repositories/planted.repository.ts: budgets names table "territorial_units" of territory',
    ]);
  });

  it('every library with repositories is registered here with its entities', () => {
    const registered = new Set(CONTEXTS.map((c) => c.root));
    const libs = walk(join(ROOT, 'libs'))
      .filter((f) => f.endsWith('.ts') && (f.includes('/repositories/') || f.endsWith('.queries.ts')) && !f.includes('/__tests__/'))
      .map((f) => relative(ROOT, f));
    const unregistered = libs.filter((f) => ![...registered].some((r) => f.startsWith(`${r}/`)) && !f.startsWith('libs/platform/database/'));
    expect(unregistered).toEqual([]);
  });

  it.each(CONTEXTS.map((c) => [c.name, c] as const))('%s', (_name, context) => {
    const files = dataAccessFiles(context.root).map((f) => ({ path: relative(ROOT, f), context: context.name, text: readFileSync(f, 'utf8') }));
    expect(violations(files, owned)).toEqual([]);
  });

  it('is not vacuous: budgets, territory and audit repositories exist and name their own tables', () => {
    for (const name of ['budgets', 'territory', 'audit']) {
      const c = CONTEXTS.find((x) => x.name === name)!;
      const files = dataAccessFiles(c.root);
      expect(files.length).toBeGreaterThan(0);
      const named = new Set(files.flatMap((f) => [...tablesNamedIn(readFileSync(f, 'utf8'), owned)]));
      expect(named.size).toBeGreaterThan(0);
    }
  });
});
