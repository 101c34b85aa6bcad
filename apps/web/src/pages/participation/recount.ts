/**
 * The recount of a published ballot set, the page's side (pure): the rule, the comparison with what was
 * published, and the file's SHA-256. The count itself is in recount-engine.ts (the Web Worker's code, so
 * the engine is not in the page's chunk).
 * The rule is the process's, told the way the count job tells it to the engine
 * (libs/participation/src/domain/election.ts `tallyOptionsOf`, which the web may not import: a server
 * library): ranked ballots by Borda score, MES completed by add-one, greedy otherwise.
 */
import type { TallyOptions } from '@ashar/tally';
import type { BallotKind, CountingRule } from '../../api/generated/graphql';

export function recountOptions(ballotKind: BallotKind, countingRule: CountingRule): TallyOptions {
  if (ballotKind === 'RANKING') return { rule: 'greedy-borda' };
  if (countingRule === 'MES') return { rule: 'mes', completion: 'add1' };
  return { rule: 'greedy' };
}

export interface PublishedResult {
  selected: readonly string[];
  ballotSetSha256: string;
}

export interface Verdict {
  /** null: this browser cannot compute SHA-256 (no WebCrypto outside a secure context). */
  sameFile: boolean | null;
  sameWinners: boolean;
  /** In the recount, not published; published, not in the recount. */
  onlyRecounted: string[];
  onlyPublished: string[];
  agrees: boolean;
}

/** The winners must be the same projects in the same order (the order is the rule's, and published). */
export function compare(published: PublishedResult, recounted: { selected: readonly string[] }, sha256: string | null): Verdict {
  const sameFile = sha256 === null ? null : sha256.toLowerCase() === published.ballotSetSha256.toLowerCase();
  const sameWinners = recounted.selected.length === published.selected.length && recounted.selected.every((id, i) => id === published.selected[i]);
  const onlyRecounted = recounted.selected.filter((id) => !published.selected.includes(id));
  const onlyPublished = published.selected.filter((id) => !recounted.selected.includes(id));
  return { sameFile, sameWinners, onlyRecounted, onlyPublished, agrees: sameWinners && sameFile !== false };
}

/** SHA-256 of the text's UTF-8 bytes, hex, by WebCrypto; null where the browser has none (plain http on a LAN address). */
export async function sha256Hex(text: string | ArrayBuffer): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : new Uint8Array(text);
  const digest = await subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
