/**
 * Phone photos of receipts are 5–12 MB; on slow 3G that is minutes, and the server keeps 5 MB at most.
 * Before upload a photo is decoded, scaled so its longest side is at most 1600 px and re-encoded as JPEG
 * (quality 0.8): a few hundred KB, still readable. The date the photo was taken is kept: from the EXIF
 * DateTimeOriginal of a JPEG (a tiny parser below), else the file's lastModified.
 */

export const PHOTO_MAX_SIDE = 1600;
export const PHOTO_QUALITY = 0.8;
/** Below this size and within PHOTO_MAX_SIDE a JPEG/PNG goes up as it is. */
const SMALL_ENOUGH = 400 * 1024;

export interface PreparedFile {
  blob: Blob;
  contentType: string;
  fileName: string;
  /** When the photo was taken (EXIF, local time as written by the camera) or the file was last changed; ISO 8601. */
  takenAt: string | null;
  /** Whether it was re-encoded. */
  shrunk: boolean;
}

/** Whether the file is a photo this browser might decode (HEIC only where the browser reads it). */
export function isPhoto(file: Blob): boolean {
  return /^image\/(jpeg|png|heic|heif|webp)$/i.test(file.type);
}

/**
 * EXIF DateTimeOriginal (else DateTime) of a JPEG as "YYYY-MM-DDTHH:MM:SS", or null. Reads only the
 * APP1 segment: SOI, then segments until the Exif one; TIFF header (II/MM), IFD0, the Exif sub-IFD.
 */
export function exifDateTaken(buffer: ArrayBuffer): string | null {
  const v = new DataView(buffer);
  if (v.byteLength < 4 || v.getUint16(0) !== 0xffd8) return null;
  let at = 2;
  while (at + 4 <= v.byteLength) {
    const marker = v.getUint16(at);
    const length = v.getUint16(at + 2);
    if ((marker & 0xff00) !== 0xff00 || marker === 0xffda) return null;
    if (marker === 0xffe1 && at + 10 <= v.byteLength && v.getUint32(at + 4) === 0x45786966) return tiffDate(v, at + 10, Math.min(v.byteLength, at + 2 + length));
    at += 2 + length;
  }
  return null;
}

function tiffDate(v: DataView, tiff: number, end: number): string | null {
  if (tiff + 8 > end) return null;
  const order = v.getUint16(tiff);
  if (order !== 0x4949 && order !== 0x4d4d) return null;
  const le = order === 0x4949;
  const u16 = (o: number) => (o + 2 <= end ? v.getUint16(o, le) : 0);
  const u32 = (o: number) => (o + 4 <= end ? v.getUint32(o, le) : 0);
  const entries = (ifd: number) => {
    const out = new Map<number, number>();
    const base = tiff + ifd;
    const n = u16(base);
    for (let i = 0; i < n && i < 512; i++) {
      const e = base + 2 + i * 12;
      if (e + 12 > end) break;
      out.set(u16(e), e);
    }
    return out;
  };
  const ascii = (entry: number | undefined) => {
    if (entry === undefined || u16(entry + 2) !== 2) return null;
    const count = u32(entry + 4);
    const start = count > 4 ? tiff + u32(entry + 8) : entry + 8;
    if (start + count > end) return null;
    let s = '';
    for (let i = 0; i < count; i++) {
      const c = v.getUint8(start + i);
      if (c === 0) break;
      s += String.fromCharCode(c);
    }
    const m = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(s);
    return m && m[1] !== '0000' ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}` : null;
  };
  const ifd0 = entries(u32(tiff + 4));
  const exifPointer = ifd0.get(0x8769);
  const exif = exifPointer !== undefined ? entries(u32(exifPointer + 8)) : new Map<number, number>();
  return ascii(exif.get(0x9003)) ?? ascii(exif.get(0x9004)) ?? ascii(ifd0.get(0x0132));
}

function jpegName(name: string): string {
  return `${name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`;
}

async function encode(bitmap: ImageBitmap, width: number, height: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d context');
    g.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: PHOTO_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2d context');
  g.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/jpeg', PHOTO_QUALITY));
}

/**
 * A photo made small for upload; anything else (a PDF) as it is. A photo the browser cannot decode (HEIC
 * on most browsers) is returned unchanged: the server then says what it accepts.
 */
export async function prepareForUpload(file: File): Promise<PreparedFile> {
  const lastModified = file.lastModified ? new Date(file.lastModified).toISOString() : null;
  const asIs: PreparedFile = { blob: file, contentType: file.type || 'application/octet-stream', fileName: file.name, takenAt: lastModified, shrunk: false };
  if (!isPhoto(file)) return asIs;
  let takenAt = lastModified;
  if (/jpeg/i.test(file.type)) {
    try {
      takenAt = exifDateTaken(await file.slice(0, 256 * 1024).arrayBuffer()) ?? lastModified;
    } catch {
      // No readable EXIF: the file date stands.
    }
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return { ...asIs, takenAt };
  }
  try {
    const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.size <= SMALL_ENOUGH && /jpeg|png/i.test(file.type)) return { ...asIs, takenAt };
    const blob = await encode(bitmap, Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
    // Re-encoding a small, already compressed photo can make it bigger: keep the smaller one.
    if (blob.size >= file.size && /jpeg|png/i.test(file.type)) return { ...asIs, takenAt };
    return { blob, contentType: 'image/jpeg', fileName: jpegName(file.name), takenAt, shrunk: true };
  } catch {
    return { ...asIs, takenAt };
  } finally {
    bitmap.close();
  }
}
