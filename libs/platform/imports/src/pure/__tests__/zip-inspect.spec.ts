import { checkZipLimits, readZipDirectory, ZipLimits } from '../zip-inspect';
import { buildZip } from './zip-fixture';

const LIMITS: ZipLimits = { maxEntries: 10, maxTotalBytes: 10_000_000, maxSheetBytes: 5_000_000, maxRatio: 100, ratioFloorBytes: 100_000 };

describe('ZIP central directory (XLSX refused before any spreadsheet library inflates it)', () => {
  it('lists each entry with its sizes', () => {
    const zip = buildZip([{ name: 'a.xml', data: Buffer.from('hello hello hello') }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1000, 65) }]);
    const entries = readZipDirectory(zip)!;
    expect(entries.map((e) => [e.name, e.uncompressedSize, e.method])).toEqual([['a.xml', 17, 8], ['xl/worksheets/sheet1.xml', 1000, 8]]);
    expect(entries[1].compressedSize).toBeLessThan(100);
    expect(checkZipLimits(zip, LIMITS).ok).toBe(true);
  });

  it('is not fooled by bytes that are not a ZIP', () => {
    expect(readZipDirectory(Buffer.from('date,amount\n2025-01-01,1\n'))).toBeNull();
    expect(checkZipLimits(Buffer.from('PK not really'), LIMITS)).toEqual({ ok: false, reason: 'notZip' });
  });

  it('refuses a sheet that claims a huge uncompressed size, a total over the limit, a ratio bomb and too many entries', () => {
    expect(checkZipLimits(buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), claimedSize: 3_000_000_000 }]), LIMITS)).toMatchObject({ ok: false, reason: 'sheetTooLarge', limit: 5_000_000 });
    const parts = Array.from({ length: 3 }, (_, i) => ({ name: `xl/media/p${i}.bin`, data: Buffer.from('x'), claimedSize: 4_000_000 }));
    expect(checkZipLimits(buildZip(parts), { ...LIMITS, maxRatio: 1e9 })).toMatchObject({ ok: false, reason: 'tooLargeUncompressed', entry: 'xl/media/p2.bin' });
    expect(checkZipLimits(buildZip([{ name: 'xl/styles.xml', data: Buffer.alloc(2_000_000, 0) }]), LIMITS)).toMatchObject({ ok: false, reason: 'compressionRatio', limit: 100, entry: 'xl/styles.xml' });
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') }));
    expect(checkZipLimits(buildZip(many), LIMITS)).toEqual({ ok: false, reason: 'tooManyEntries', limit: 10 });
  });
});
