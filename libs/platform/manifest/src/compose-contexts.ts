import type { OperationPolicy } from '@ashar/auth';
import type { JobDefinition, JobSchedule, QueueDeclaration } from '@ashar/queue';
import type { DynamicModule, Type } from '@nestjs/common';
import type { ContextManifest, MigrationClass, SeedDataSource, SeedSummary } from './context-manifest';

/** The timestamp of a migration: the 13 digits that end its name (instance `name`, else class name), as TypeORM reads it. */
export function migrationTimestamp(m: MigrationClass): number {
  const name = migrationName(m);
  const match = /(\d{13})$/.exec(name);
  if (!match) throw new Error(`Migration ${name} has no 13-digit timestamp at the end of its name`);
  return Number(match[1]);
}

export function migrationName(m: MigrationClass): string {
  return new m().name ?? m.name;
}

/**
 * Every context's migrations as one history, oldest first. Moving a migration between libraries
 * changes neither its name nor its place: order comes from the timestamp only, never from the list.
 */
export function orderedMigrations(manifests: ReadonlyArray<ContextManifest>): MigrationClass[] {
  const seen = new Map<number, string>();
  const all: Array<{ m: MigrationClass; ts: number; name: string }> = [];
  for (const ctx of manifests) {
    for (const m of ctx.migrations ?? []) {
      const ts = migrationTimestamp(m);
      const name = migrationName(m);
      const other = seen.get(ts);
      if (other !== undefined) throw new Error(`Migrations ${other} and ${name} (${ctx.name}) share the timestamp ${ts}: the order would be undefined`);
      seen.set(ts, name);
      all.push({ m, ts, name });
    }
  }
  return all.sort((a, b) => a.ts - b.ts).map((x) => x.m);
}

export interface ComposedContexts {
  readonly names: string[];
  readonly entities: Function[];
  readonly migrations: MigrationClass[];
  readonly queues: QueueDeclaration[];
  readonly jobs: JobDefinition<object>[];
  readonly schedules: JobSchedule<object>[];
  readonly apiModules: Array<Type<unknown> | DynamicModule>;
  readonly workerModules: Array<Type<unknown> | DynamicModule>;
  readonly operationPolicies: OperationPolicy[];
  /** Every context's `seed`, in list order. */
  seed(ds: SeedDataSource): Promise<SeedSummary>;
  /** Every context's `seed`, then every `seedDemo`, in list order. */
  seedDemo(ds: SeedDataSource): Promise<SeedSummary>;
}

/**
 * The manifest list read once: what the api, the worker, the cli and the test harness take from it.
 * Inconsistencies fail here, at boot, with the names in the message.
 */
export function composeContexts(manifests: ReadonlyArray<ContextManifest>): ComposedContexts {
  const names = manifests.map((m) => m.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`Context "${dup}" is listed twice`);

  const queueOwner = new Map<string, string>();
  for (const ctx of manifests) {
    for (const q of ctx.queues ?? []) {
      const owner = queueOwner.get(q.name);
      if (owner) throw new Error(`Queue "${q.name}" is declared by ${owner} and ${ctx.name}: a queue belongs to one context`);
      queueOwner.set(q.name, ctx.name);
    }
  }
  const jobOwner = new Map<string, string>();
  for (const ctx of manifests) {
    for (const j of ctx.jobs ?? []) {
      const owner = jobOwner.get(j.name);
      if (owner) throw new Error(`Job "${j.name}" is declared by ${owner} and ${ctx.name}: a job name is unique`);
      if (queueOwner.get(j.queue) !== ctx.name) throw new Error(`Job "${j.name}" of ${ctx.name} runs on queue "${j.queue}", which ${ctx.name} does not declare`);
      jobOwner.set(j.name, ctx.name);
    }
  }
  const entities = unique(manifests.flatMap((m) => m.entities ?? []));

  const runSeeds = async (ds: SeedDataSource, kinds: Array<'seed' | 'seedDemo'>) => {
    let summary: SeedSummary = {};
    for (const kind of kinds) {
      for (const ctx of manifests) {
        const fn = ctx[kind];
        if (fn) summary = { ...summary, ...(await fn(ds, summary)) };
      }
    }
    return summary;
  };

  return {
    names,
    entities,
    migrations: orderedMigrations(manifests),
    queues: manifests.flatMap((m) => m.queues ?? []),
    jobs: manifests.flatMap((m) => m.jobs ?? []),
    schedules: manifests.flatMap((m) => m.schedules ?? []),
    apiModules: manifests.flatMap((m) => (m.apiModule ? [m.apiModule] : [])),
    workerModules: manifests.flatMap((m) => (m.workerModule ? [m.workerModule] : [])),
    operationPolicies: manifests.flatMap((m) => m.operationPolicies ?? []),
    seed: (ds) => runSeeds(ds, ['seed']),
    seedDemo: (ds) => runSeeds(ds, ['seed', 'seedDemo']),
  };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
