import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JOB_WORKER_OPTIONS, JobDispatcher, JobWorkerOptions } from './job-dispatcher';

/**
 * Imported by the worker app only (next to QueueModule.forRoot): runs the jobs of every `@HandlesJob`
 * provider the app's modules register, and the legacy @Processor classes until they are converted.
 */
@Module({})
export class JobWorkerModule {
  static forRoot(options: JobWorkerOptions): DynamicModule {
    return {
      module: JobWorkerModule,
      imports: [DiscoveryModule],
      providers: [JobDispatcher, { provide: JOB_WORKER_OPTIONS, useValue: options }],
      exports: [JobDispatcher],
    };
  }
}

/** `imports=4,notifications=20` (WORKER_CONCURRENCY) → per-queue concurrency; a bad entry fails at boot. */
export function parseConcurrency(spec: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (spec ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z][a-z0-9-]*)=(\d+)$/.exec(part);
    if (!m || Number(m[2]) < 1) throw new Error(`WORKER_CONCURRENCY: "${part}" is not queue=positive-integer`);
    out[m[1]] = Number(m[2]);
  }
  return out;
}
