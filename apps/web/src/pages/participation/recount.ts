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
  /** null: no fingerprint to compare (kept for a caller without one). */
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

/**
 * SHA-256 of the text's UTF-8 bytes, hex: WebCrypto where the browser offers it (a secure context), else
 * the plain implementation below (a village server reached over http on a LAN address has no WebCrypto).
 */
export async function sha256Hex(text: string | ArrayBuffer): Promise<string> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : new Uint8Array(text);
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    const digest = await subtle.digest('SHA-256', bytes);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
  return sha256Plain(bytes);
}

// The round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4).
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** FIPS 180-4 SHA-256 over bytes, hex (exported for its test against Node's). */
export function sha256Plain(data: Uint8Array): string {
  // Padding: a 1 bit, zeros, and the length in bits as a 64-bit big-endian number, to a multiple of 64 bytes.
  const blocks = Math.ceil((data.length + 9) / 64);
  const buf = new Uint8Array(blocks * 64);
  buf.set(data);
  buf[data.length] = 0x80;
  const view = new DataView(buf.buffer);
  const bits = data.length * 8;
  view.setUint32(buf.length - 8, Math.floor(bits / 0x100000000));
  view.setUint32(buf.length - 4, bits >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < buf.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  return [...h].map((x) => x.toString(16).padStart(8, '0')).join('');
}
