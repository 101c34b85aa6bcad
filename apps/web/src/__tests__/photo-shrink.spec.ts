import { exifDateTaken, isPhoto } from '../api/photo-shrink';

/** A JPEG start with an APP1 Exif segment: IFD0 points to the Exif IFD, which holds DateTimeOriginal. */
function jpegWithExif(date: string, littleEndian: boolean): ArrayBuffer {
  const tiff = new DataView(new ArrayBuffer(8 + 2 + 12 + 4 + 2 + 12 + 4 + 20));
  const le = littleEndian;
  tiff.setUint16(0, le ? 0x4949 : 0x4d4d);
  tiff.setUint16(2, 42, le);
  tiff.setUint32(4, 8, le);
  // IFD0: one entry, ExifIFDPointer (0x8769, LONG) → 26.
  tiff.setUint16(8, 1, le);
  tiff.setUint16(10, 0x8769, le);
  tiff.setUint16(12, 4, le);
  tiff.setUint32(14, 1, le);
  tiff.setUint32(18, 26, le);
  tiff.setUint32(22, 0, le);
  // Exif IFD at 26: DateTimeOriginal (0x9003, ASCII, 20 bytes) at 44.
  tiff.setUint16(26, 1, le);
  tiff.setUint16(28, 0x9003, le);
  tiff.setUint16(30, 2, le);
  tiff.setUint32(32, 20, le);
  tiff.setUint32(36, 44, le);
  tiff.setUint32(40, 0, le);
  for (let i = 0; i < date.length; i++) tiff.setUint8(44 + i, date.charCodeAt(i));
  const exif = new Uint8Array([0x45, 0x78, 0x69, 0x66, 0, 0, ...new Uint8Array(tiff.buffer)]);
  const out = new Uint8Array(2 + 4 + exif.length + 4);
  out.set([0xff, 0xd8, 0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff], 0);
  out.set(exif, 6);
  out.set([0xff, 0xda, 0, 2], 6 + exif.length);
  return out.buffer;
}

describe('exifDateTaken', () => {
  it.each([true, false])('reads DateTimeOriginal (little endian: %s)', (le) => {
    expect(exifDateTaken(jpegWithExif('2024:05:17 14:03:21', le))).toBe('2024-05-17T14:03:21');
  });

  it('answers null for a JPEG without Exif, an unset date, a PNG and truncated bytes', () => {
    expect(exifDateTaken(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]).buffer)).toBeNull();
    expect(exifDateTaken(jpegWithExif('0000:00:00 00:00:00', true))).toBeNull();
    expect(exifDateTaken(new Uint8Array([0x89, 0x50, 0x4e, 0x47]).buffer)).toBeNull();
    expect(exifDateTaken(jpegWithExif('2024:05:17 14:03:21', true).slice(0, 30))).toBeNull();
  });
});

describe('isPhoto', () => {
  it('takes JPEG, PNG, HEIC and WebP; not PDF', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/heic', 'image/heif', 'image/webp']) expect(isPhoto(new Blob([], { type }))).toBe(true);
    expect(isPhoto(new Blob([], { type: 'application/pdf' }))).toBe(false);
  });
});
