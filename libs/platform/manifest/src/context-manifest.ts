import type { OperationPolicy } from '@ashar/auth';
import type { JobDefinition, JobSchedule, QueueDeclaration } from '@ashar/queue';
import type { DynamicModule, Type } from '@nestjs/common';
import type { MigrationInterface } from 'typeorm';

/** A migration class; its timestamp is the 13 digits that end its `name` (TypeORM's own rule). */
export type MigrationClass = new () => MigrationInterface;

/**
 * The connection a seed is given (the cli's own, or the test harness's). A type only: the manifest
 * passes it through to each context's seed, which hands it to its repositories.
 */
export type SeedDataSource = import('typeorm').DataSource;

/**
 * What seed functions return, merged in list order into one summary (what `cli seed-demo` prints).
 * A later context may read what an earlier one returned (identity reads territory's `communities`).
 */
export type SeedSummary = Record<string, unknown>;
export type SeedFunction = (ds: SeedDataSource, seededSoFar: Readonly<SeedSummary>) => Promise<SeedSummary>;

/**
 * Everything a context contributes to the apps, in one place (`libs/<context>/src/<context>.manifest.ts`).
 * The apps, the cli and the test harness read the list of manifests (`@ashar/contexts`) and nothing
 * else: adding a context is its library plus one line in that list.
 */
export interface ContextManifest {
  /** Lower-case, unique in the list. */
  readonly name: string;
  /** Nest module of the API side (resolvers, controllers, services). */
  readonly apiModule?: Type<unknown> | DynamicModule;
  /** Nest module of the worker side: provides the context's `@HandlesJob` classes. */
  readonly workerModule?: Type<unknown> | DynamicModule;
  /** TypeORM entities whose tables the context's migrations create (the schema drift check compares them). */
  readonly entities?: ReadonlyArray<Function>;
  /** The context's migrations, in any order: the list sorts every context's migrations by timestamp. */
  readonly migrations?: ReadonlyArray<MigrationClass>;
  /** Queues the context owns (a queue belongs to one context). */
  readonly queues?: ReadonlyArray<QueueDeclaration>;
  /** Every job the context enqueues; each runs on one of the context's queues. */
  readonly jobs?: ReadonlyArray<JobDefinition<object>>;
  /** Jobs of the context the worker runs on a timer (`defineSchedule`); each job is one of `jobs`. */
  readonly schedules?: ReadonlyArray<JobSchedule<object>>;
  /** Reference data every deployment needs (idempotent; `cli seed`, and every test database). */
  readonly seed?: SeedFunction;
  /** Demo data for `npm start` (idempotent; `cli seed-demo`, after every context's `seed`). */
  readonly seedDemo?: SeedFunction;
  /** Who may call each operation of the context (the hardening suite checks every route against these). */
  readonly operationPolicies?: ReadonlyArray<OperationPolicy>;
}

export function defineContext<M extends ContextManifest>(manifest: M): M {
  if (!/^[a-z][a-z0-9-]*$/.test(manifest.name)) throw new Error(`Context name must be lower-case letters, digits and '-' (${manifest.name})`);
  for (const job of manifest.jobs ?? []) {
    if (!(manifest.queues ?? []).some((q) => q.name === job.queue)) {
      throw new Error(`Context ${manifest.name}: job "${job.name}" runs on queue "${job.queue}", which the context does not declare`);
    }
  }
  for (const s of manifest.schedules ?? []) {
    if (!(manifest.jobs ?? []).includes(s.job)) throw new Error(`Context ${manifest.name}: schedule "${s.id}" runs job "${s.job.name}", which the context does not list in its jobs`);
  }
  return manifest;
}
