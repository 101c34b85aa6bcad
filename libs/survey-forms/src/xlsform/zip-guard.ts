import { inflateRawSync } from 'zlib';

/**
 * Size guard run before exceljs sees a workbook: an XLSX is a ZIP, and a small ZIP can inflate to
 * gigabytes. The central directory is read (entry count, declared sizes) and then every entry is
 * inflated with its declared size as a hard cap, so a directory that lies about sizes is caught too.
 * Nothing inflated is kept.
 */
export interface ZipLimits {
  /** The file itself. */
  bytes: number;
  /** All entries inflated. */
  uncompressed: number;
  entries: number;
}

export type ZipVerdict = { ok: true } | { ok: false; reason: 'notZip' | 'tooLarge' | 'suspicious'; limit?: number };

export function checkZip(buf: Uint8Array, limits: ZipLimits): ZipVerdict {
  if (buf.length > limits.bytes) return { ok: false, reason: 'tooLarge', limit: limits.bytes };
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.length);
  if (b.length < 22 || b.readUInt32LE(0) !== 0x04034b50) return { ok: false, reason: 'notZip' };
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'notZip' };
  const count = b.readUInt16LE(eocd + 10);
  const dirOffset = b.readUInt32LE(eocd + 16);
  if (count > limits.entries) return { ok: false, reason: 'suspicious', limit: limits.entries };
  let at = dirOffset;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) return { ok: false, reason: 'notZip' };
    const method = b.readUInt16LE(at + 10);
    const compressed = b.readUInt32LE(at + 20);
    const size = b.readUInt32LE(at + 24);
    const local = b.readUInt32LE(at + 42);
    // ZIP64 markers: no form needs entries of 4 GB.
    if (size === 0xffffffff || compressed === 0xffffffff || local === 0xffffffff) return { ok: false, reason: 'suspicious' };
    total += size;
    if (total > limits.uncompressed) return { ok: false, reason: 'tooLarge', limit: limits.uncompressed };
    if (local + 30 > b.length || b.readUInt32LE(local) !== 0x04034b50) return { ok: false, reason: 'notZip' };
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    if (start + compressed > b.length) return { ok: false, reason: 'notZip' };
    if (method === 8) {
      try {
        // maxOutputLength makes zlib stop (and throw) past the declared size instead of allocating more.
        const out = inflateRawSync(b.subarray(start, start + compressed), { maxOutputLength: Math.max(1, size) });
        if (out.length !== size) return { ok: false, reason: 'suspicious' };
      } catch {
        return { ok: false, reason: 'suspicious' };
      }
    } else if (method !== 0 || compressed !== size) return { ok: false, reason: 'suspicious' };
    at += 46 + b.readUInt16LE(at + 28) + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return { ok: true };
}
