/** The app's one outbox and sender, wired to the GraphQL client and the browser's online events. */
import { graphql } from '../api/graphql.client';
import type { Operation } from '../api/operation';
import { IndexedDbOutboxStore, MemoryOutboxStore, Outbox, OutboxItem } from './outbox';
import { OutboxSender, sendOrQueue } from './outbox-sender';

const store = typeof indexedDB === 'undefined' ? new MemoryOutboxStore() : new IndexedDbOutboxStore();
export const outbox = new Outbox(store);

const online = () => typeof navigator === 'undefined' || navigator.onLine !== false;

export const outboxSender = new OutboxSender({
  outbox,
  scope: () => graphql.accountId,
  send: (query, variables) => graphql.request(query as Operation<unknown, Record<string, unknown>>, variables),
  ensureSession: async () => graphql.hasSession || !!(await graphql.refresh()),
  isOnline: online,
});

/** A v4 UUID made on the phone; randomUUID needs a secure context, getRandomValues does not (a LAN address over http). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

let started = false;
/** Sends what is queued now (page load), whenever the connection returns, and when someone signs in. */
export function startOutbox(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('online', () => void outboxSender.flush());
  graphql.onSessionChange((payload) => payload && void outboxSender.flush());
  void outboxSender.flush();
}

/** A write of a form: sent now, or queued on this phone when there is no connection. */
export function sendOrQueueWrite<T, V extends { input: object }>(query: Operation<T, V>, variables: V, summary: OutboxItem['summary']) {
  return queueWrite(query, variables, summary, true);
}

/** The same for a write that sending twice cannot double (no client id in it): a list of paper voters. */
export function sendOrQueueIdempotent<T, V extends object>(query: Operation<T, V>, variables: V, summary: OutboxItem['summary']) {
  return queueWrite(query, variables, summary, false);
}

/**
 * The same under an id the page made (a survey answer set's instance id): the outbox item, the write's
 * clientRequestId and the page's own key are one id, so the page can find its item in the queue.
 */
export function sendOrQueueWriteWithId<T, V extends { input: object }>(query: Operation<T, V>, variables: V, summary: OutboxItem['summary'], id: string) {
  return queueWrite(query, variables, summary, true, () => id);
}

function queueWrite<T, V extends object>(query: Operation<T, V>, variables: V, summary: OutboxItem['summary'], idInInput: boolean, newId: () => string = newClientId) {
  return sendOrQueue(
    { outbox, sender: outboxSender, scope: graphql.accountId, send: (q, v) => graphql.request(q, v), newId, isOnline: online },
    query,
    variables,
    summary,
    idInInput,
  ).then((r) => {
    if (r.queued) void keepStorage();
    return r;
  });
}

/** Asks the browser not to evict this site's storage while writes wait in it (granted or not, silently). */
async function keepStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

/** Writes of the signed-in person still on this phone: waiting to be sent, or for their decision on a conflict. */
export async function unsentCount(): Promise<number> {
  const scope = graphql.accountId;
  if (!scope) return 0;
  return (await outbox.list(scope)).filter((i) => i.state !== 'refused').length;
}
