/**
 * Reads a ZIP's central directory (no decompression) so that an XLSX can be refused before any
 * spreadsheet library inflates it: the directory states every entry's compressed and uncompressed size.
 * Pure: only Buffer arithmetic. See https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT (4.3.12, 4.3.16).
 */
export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

export interface ZipLimits {
  maxEntries: number;
  /** Sum of every entry's uncompressed size. */
  maxTotalBytes: number;
  /** Any one worksheet (xl/worksheets/*.xml) or the shared strings part. */
  maxSheetBytes: number;
  /** uncompressed / compressed, checked on entries above `ratioFloorBytes` (tiny parts compress oddly). */
  maxRatio: number;
  ratioFloorBytes: number;
}

export type ZipRefusal =
  | { ok: true; entries: ZipEntryInfo[] }
  | { ok: false; reason: 'notZip' | 'tooManyEntries' | 'tooLargeUncompressed' | 'sheetTooLarge' | 'compressionRatio'; limit?: number; entry?: string };

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;

/** The entries listed in the central directory, or null when the buffer is not a readable ZIP. */
export function readZipDirectory(buf: Buffer): ZipEntryInfo[] | null {
  if (buf.length < 22) return null;
  // The end record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = buf.readUInt16LE(eocd + 10);
  let dirSize = buf.readUInt32LE(eocd + 12);
  let dirOffset = buf.readUInt32LE(eocd + 16);
  if ((count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === EOCD64_LOCATOR) {
    const at = safeNumber(buf.readBigUInt64LE(eocd - 20 + 8));
    if (at === null || at + 56 > buf.length || buf.readUInt32LE(at) !== EOCD64) return null;
    const c = safeNumber(buf.readBigUInt64LE(at + 32));
    const s = safeNumber(buf.readBigUInt64LE(at + 40));
    const o = safeNumber(buf.readBigUInt64LE(at + 48));
    if (c === null || s === null || o === null) return null;
    count = c;
    dirSize = s;
    dirOffset = o;
  }
  if (dirOffset + dirSize > buf.length) return null;
  const entries: ZipEntryInfo[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return null;
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen + extraLen > buf.length) return null;
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    // ZIP64 extra field (id 1): the 64-bit values, in this order, for those that are 0xFFFFFFFF above.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = buf.readUInt16LE(e);
      const size = buf.readUInt16LE(e + 2);
      if (id === 1) {
        let q = e + 4;
        const next = () => {
          if (q + 8 > e + 4 + size) return null;
          const v = safeNumber(buf.readBigUInt64LE(q));
          q += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next() ?? Number.MAX_SAFE_INTEGER;
        if (compressedSize === 0xffffffff) compressedSize = next() ?? Number.MAX_SAFE_INTEGER;
        if (localOffset === 0xffffffff) localOffset = next() ?? Number.MAX_SAFE_INTEGER;
      }
      e += 4 + size;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localOffset });
    p = extraEnd + commentLen;
  }
  return entries;
}

function safeNumber(v: bigint): number | null {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : null;
}

const isSheetPart = (name: string) => /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i.test(name);

/** Checks the directory against the limits; the first limit broken is the answer. */
export function checkZipLimits(buf: Buffer, limits: ZipLimits): ZipRefusal {
  const entries = readZipDirectory(buf);
  if (!entries) return { ok: false, reason: 'notZip' };
  if (entries.length > limits.maxEntries) return { ok: false, reason: 'tooManyEntries', limit: limits.maxEntries };
  let total = 0;
  for (const e of entries) {
    if (isSheetPart(e.name) && e.uncompressedSize > limits.maxSheetBytes) return { ok: false, reason: 'sheetTooLarge', limit: limits.maxSheetBytes, entry: e.name };
    total += e.uncompressedSize;
    if (total > limits.maxTotalBytes) return { ok: false, reason: 'tooLargeUncompressed', limit: limits.maxTotalBytes, entry: e.name };
    if (e.uncompressedSize > limits.ratioFloorBytes && e.uncompressedSize > limits.maxRatio * Math.max(1, e.compressedSize)) {
      return { ok: false, reason: 'compressionRatio', limit: limits.maxRatio, entry: e.name };
    }
  }
  return { ok: true, entries };
}
