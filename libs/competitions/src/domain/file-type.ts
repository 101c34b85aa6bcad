/**
 * What an uploaded file is, from its bytes (the declared type and the name are not trusted): PDF,
 * JPEG, PNG, and the Office Open XML documents (a ZIP whose parts name Word or Excel). Null: none of these.
 */
export const SNIFFABLE_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export type SniffedType = (typeof SNIFFABLE_TYPES)[number];

export function sniffFileType(content: Uint8Array): SniffedType | null {
  const b = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    // Part names are stored in plain text in a ZIP's headers.
    const text = b.toString('latin1');
    if (text.includes('[Content_Types].xml')) {
      if (text.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      if (text.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    }
  }
  return null;
}
