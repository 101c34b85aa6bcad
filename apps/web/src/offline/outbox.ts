/**
 * The durable outbox: writes made without a connection, kept in IndexedDB (across reloads and restarts)
 * until the API has them. Generic: an item is an operation of an `*.operations.ts` module with its
 * variables, so spending records, monitoring notes and later proposals, paper ballots and survey answers
 * all queue the same way. Each item's id is made on the phone and sent as the write's `clientRequestId`,
 * so a re-send after a lost answer is stored once by the server.
 */

export type OutboxState = 'pending' | 'conflict' | 'refused';

export interface OutboxMessage {
  key: string;
  params?: Record<string, string | number>;
}

export interface OutboxItem {
  /** Made on the phone (crypto.randomUUID); also the write's clientRequestId. */
  id: string;
  /** GraphQL operation name, e.g. "RecordBudgetTransaction". */
  operation: string;
  /** The operation text (one of the allow-listed operations the build shipped). */
  query: string;
  variables: Record<string, unknown>;
  /** ISO time it was made on the phone. */
  createdAt: string;
  /** Whose write it is (account id): never sent under another person's session. */
  scope: string;
  state: OutboxState;
  attempts: number;
  /** Why it is stuck (conflict or refusal), a catalogue key. */
  error?: OutboxMessage;
  /** What to show in the queue (a catalogue key with its params). */
  summary: OutboxMessage;
}

/** Where items are kept: IndexedDB in the browser, memory in tests. */
export interface OutboxStore {
  all(): Promise<OutboxItem[]>;
  put(item: OutboxItem): Promise<void>;
  delete(id: string): Promise<void>;
}

const DB = 'ashar-offline';
const STORE = 'outbox';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export class IndexedDbOutboxStore implements OutboxStore {
  private db: Promise<IDBDatabase> | null = null;

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const r = indexedDB.open(DB, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'id' });
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    return this.db;
  }

  private async run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const tx = (await this.open()).transaction(STORE, mode);
    const result = request(fn(tx.objectStore(STORE)));
    // Resolve only once the transaction is durable, not merely when the request succeeded.
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
    return result;
  }

  all = () => this.run('readonly', (s) => s.getAll() as IDBRequest<OutboxItem[]>);
  put = async (item: OutboxItem) => void (await this.run('readwrite', (s) => s.put(item)));
  delete = async (id: string) => void (await this.run('readwrite', (s) => s.delete(id)));
}

export class MemoryOutboxStore implements OutboxStore {
  private items = new Map<string, OutboxItem>();
  all = async () => [...this.items.values()].map((i) => structuredClone(i));
  put = async (item: OutboxItem) => void this.items.set(item.id, structuredClone(item));
  delete = async (id: string) => void this.items.delete(id);
}

type Listener = () => void;

/** The queue over a store, oldest first, with change notifications for the indicator and the pages. */
export class Outbox {
  private listeners = new Set<Listener>();

  constructor(private readonly store: OutboxStore) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed() {
    this.listeners.forEach((l) => l());
  }

  /** Items of one person, oldest first (the order they are sent in). */
  async list(scope: string): Promise<OutboxItem[]> {
    const all = await this.store.all().catch(() => [] as OutboxItem[]);
    return all.filter((i) => i.scope === scope).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async add(item: Omit<OutboxItem, 'state' | 'attempts' | 'createdAt'> & { createdAt?: string }): Promise<OutboxItem> {
    const full: OutboxItem = { ...item, createdAt: item.createdAt ?? new Date().toISOString(), state: 'pending', attempts: 0 };
    await this.store.put(full);
    this.changed();
    return full;
  }

  async update(item: OutboxItem): Promise<void> {
    await this.store.put(item);
    this.changed();
  }

  async remove(id: string): Promise<void> {
    await this.store.delete(id);
    this.changed();
  }

  /**
   * "Keep mine": a conflicting item goes again under a new id (so it is stored as a new entry),
   * in its old place in the queue.
   */
  async keepAsNew(item: OutboxItem, newId: string): Promise<OutboxItem> {
    const variables = withClientRequestId(item.variables, newId);
    const again: OutboxItem = { ...item, id: newId, variables, state: 'pending', attempts: 0, error: undefined };
    await this.store.put(again);
    await this.store.delete(item.id);
    this.changed();
    return again;
  }
}

/** Puts the id into `input.clientRequestId` (every queued write takes its input that way). */
export function withClientRequestId(variables: Record<string, unknown>, id: string): Record<string, unknown> {
  const input = (variables.input ?? {}) as Record<string, unknown>;
  return { ...variables, input: { ...input, clientRequestId: id } };
}

/** The operation name of a GraphQL document ("mutation RecordBudgetTransaction(…)" → "RecordBudgetTransaction"). */
export function operationName(query: string): string {
  return /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'unknown';
}
