/**
 * `Content-Disposition: attachment` for a name a user gave: control characters, quotes, backslashes,
 * path separators, characters Windows refuses and bidirectional overrides (which make "gpj.exe" look
 * like "exe.jpg") are removed; non-ASCII names travel in RFC 5987 `filename*`, with an ASCII fallback.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f"\\/:*?<>|\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function safeDownloadName(name: string | null | undefined, fallback = 'document'): string {
  const clean = (name ?? '').normalize('NFC').replace(UNSAFE, '').replace(/^[.\s]+/, '').trim().slice(0, 150);
  return clean || fallback;
}

export function attachmentDisposition(name: string | null | undefined, fallback = 'document'): string {
  const clean = safeDownloadName(name, fallback);
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_').replace(/[%;]/g, '_');
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
