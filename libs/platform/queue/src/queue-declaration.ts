/**
 * A queue as a context declares it (in its manifest): the platform registers what the manifests
 * declare and knows no queue itself. `concurrency` is how many jobs of this queue one worker process
 * runs at once (heavy imports want few, light notifications many).
 */
export interface QueueDeclaration {
  readonly name: string;
  readonly concurrency?: number;
}

export function defineQueue(name: string, opts: { concurrency?: number } = {}): QueueDeclaration {
  // BullMQ uses ':' as its key separator; a queue name with one would collide with another's keys.
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`Queue name must be lower-case letters, digits and '-' (${name})`);
  if (opts.concurrency !== undefined && (!Number.isInteger(opts.concurrency) || opts.concurrency < 1)) {
    throw new Error(`Queue ${name}: concurrency must be a positive integer (${opts.concurrency})`);
  }
  return { name, ...opts };
}

/** Defaults for every job: retries with backoff; finished jobs kept a day so jobId de-duplication holds. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** The queues of several manifests as one list; one queue belongs to one context, so a name declared twice fails at boot. */
export function mergeQueueDeclarations(lists: ReadonlyArray<ReadonlyArray<QueueDeclaration>>): QueueDeclaration[] {
  const byName = new Map<string, QueueDeclaration>();
  for (const q of lists.flat()) {
    if (byName.has(q.name)) throw new Error(`Queue "${q.name}" is declared twice: a queue belongs to one context`);
    byName.set(q.name, q);
  }
  return [...byName.values()];
}
