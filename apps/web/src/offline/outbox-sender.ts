/**
 * Sends the outbox when the connection returns: on the `online` event, on page load, and with a growing
 * wait (2 s doubling to 5 min) while sends fail for lack of connection. Items go in the order they were
 * made; an answer that needs the person (CONFLICT, or a refusal such as a bad amount) stays in the queue
 * with its reason until they discard it or keep it as a new entry: nothing is dropped without a word.
 */
import { ApiError, errorMessageKey } from '../api/graphql-errors';
import type { Operation } from '../api/operation';
import { Outbox, OutboxItem } from './outbox';

/** Codes that mean "try again later", not "this write is wrong". */
const TRANSIENT = new Set(['NETWORK', 'SERVICE_UNAVAILABLE', 'TOO_MANY_REQUESTS', 'INTERNAL_SERVER_ERROR', 'UNAUTHENTICATED']);
const FIRST_WAIT_MS = 2_000;
const MAX_WAIT_MS = 300_000;

export interface SenderDeps {
  outbox: Outbox;
  /** The signed-in person's id, or null: nothing is sent without a session. */
  scope: () => string | null;
  /** Sends one operation (the GraphQL client, with its session refresh). */
  send: (query: string, variables: Record<string, unknown>) => Promise<unknown>;
  /** Makes sure a session token exists (after an offline start there is none yet). */
  ensureSession?: () => Promise<boolean>;
  isOnline?: () => boolean;
  schedule?: (fn: () => void, ms: number) => unknown;
}

export type FlushResult = { sent: OutboxItem[]; stuck: OutboxItem[]; waiting: boolean };

export class OutboxSender {
  private running: Promise<FlushResult> | null = null;
  private wait = FIRST_WAIT_MS;
  private timer: unknown = null;
  private sentListeners = new Set<(items: OutboxItem[]) => void>();

  constructor(private readonly deps: SenderDeps) {}

  /** Called after items were stored by the server (pages reload what they show). */
  onSent(listener: (items: OutboxItem[]) => void): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }

  /** One pass over the queue; concurrent calls share it. */
  flush(): Promise<FlushResult> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<FlushResult> {
    const result: FlushResult = { sent: [], stuck: [], waiting: false };
    const scope = this.deps.scope();
    if (!scope) return result;
    const pending = (await this.deps.outbox.list(scope)).filter((i) => i.state === 'pending');
    if (!pending.length) return result;
    if (this.deps.isOnline && !this.deps.isOnline()) return { ...result, waiting: true };
    if (this.deps.ensureSession && !(await this.deps.ensureSession().catch(() => false))) {
      this.retryLater();
      return { ...result, waiting: true };
    }
    for (const item of pending) {
      try {
        await this.deps.send(item.query, item.variables);
        await this.deps.outbox.remove(item.id);
        result.sent.push(item);
      } catch (e) {
        const code = e instanceof ApiError ? e.code : 'NETWORK';
        if (!(e instanceof ApiError) || e.network || TRANSIENT.has(code)) {
          // The rest waits too: sending later ones first would change their order.
          await this.deps.outbox.update({ ...item, attempts: item.attempts + 1 });
          this.retryLater();
          result.waiting = true;
          break;
        }
        const first = e.errors[0];
        const stuck: OutboxItem = {
          ...item,
          attempts: item.attempts + 1,
          state: code === 'CONFLICT' ? 'conflict' : 'refused',
          error: { key: errorMessageKey(first), params: (first?.extensions?.params as Record<string, string | number> | undefined) ?? {} },
        };
        await this.deps.outbox.update(stuck);
        result.stuck.push(stuck);
      }
    }
    if (!result.waiting) this.wait = FIRST_WAIT_MS;
    if (result.sent.length) this.sentListeners.forEach((l) => l(result.sent));
    return result;
  }

  private retryLater() {
    if (this.timer) return;
    const schedule = this.deps.schedule ?? ((fn, ms) => setTimeout(fn, ms));
    this.timer = schedule(() => {
      this.timer = null;
      void this.flush();
    }, this.wait);
    this.wait = Math.min(this.wait * 2, MAX_WAIT_MS);
  }
}

/** The write is sent now when it can be; without a connection it is queued (resolved as `queued`). */
export async function sendOrQueue<T, V extends object>(
  deps: { outbox: Outbox; sender: OutboxSender; scope: string | null; send: (q: Operation<T, V>, v: V) => Promise<T>; newId: () => string; isOnline?: () => boolean },
  query: Operation<T, V>,
  variables: V,
  summary: OutboxItem['summary'],
  /** false for a write that takes no client id because sending it again changes nothing (a list of paper voters). */
  idInInput = true,
): Promise<{ queued: false; data: T } | { queued: true; item: OutboxItem }> {
  const id = deps.newId();
  const input = (variables as { input?: object }).input;
  const withId = (idInInput ? { ...variables, input: { ...input, clientRequestId: id } } : variables) as V;
  const queue = async () => {
    const item = await deps.outbox.add({ id, operation: /^\s*mutation\s+(\w+)/.exec(query)?.[1] ?? 'unknown', query, variables: withId as Record<string, unknown>, scope: deps.scope!, summary });
    return { queued: true as const, item };
  };
  if (deps.scope && deps.isOnline && !deps.isOnline()) return queue();
  try {
    return { queued: false, data: await deps.send(query, withId) };
  } catch (e) {
    // Only a write that never reached an answer is queued; the API's own refusals go to the form.
    if (deps.scope && e instanceof ApiError && e.network) return queue();
    throw e;
  }
}
