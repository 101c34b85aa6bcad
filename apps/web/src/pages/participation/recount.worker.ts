/**
 * Counts a ballot set off the page's thread: a Warsaw-sized file (62,000 ballots) takes seconds on a
 * cheap phone, and the page stays responsive meanwhile (it shows that the count runs).
 */
import type { TallyOptions } from '@ashar/tally';
import { recount } from './recount-engine';

export type RecountRequest = { pb: string; options: TallyOptions };
export type RecountReply = { ok: true; result: ReturnType<typeof recount> } | { ok: false; message: string };

// The worker's global, typed by hand: the app's TypeScript lib is the DOM's, not the WebWorker one.
const scope = self as unknown as { onmessage: ((e: MessageEvent<RecountRequest>) => void) | null; postMessage(message: RecountReply): void };

scope.onmessage = (event) => {
  let reply: RecountReply;
  try {
    reply = { ok: true, result: recount(event.data.pb, event.data.options) };
  } catch (e) {
    reply = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage(reply);
};
