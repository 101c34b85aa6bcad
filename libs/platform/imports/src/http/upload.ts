import { DomainError } from '@ashar/kernel';
import type { Request } from 'express';

/** The answer to an upload over the limit: 400 BAD_USER_INPUT with the limit in MB. */
export function uploadTooLarge(max: number, messageKey: string): DomainError {
  return new DomainError('BAD_USER_INPUT', messageKey, 'File too large', { field: 'file', params: { max: Math.round(max / 1024 / 1024) } });
}

/**
 * Reads an upload's raw body up to `max` bytes. A declared length over the limit is refused before one
 * byte is read; past the limit while reading, the rest is counted and dropped (never kept), so that the
 * client gets the 400 answer instead of a reset connection. Callers authenticate and authorise first:
 * nothing of an upload is read for a caller who may not make it.
 */
export function readUploadBody(req: Request, max: number, tooLargeKey: string): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > max) return Promise.reject(uploadTooLarge(max, tooLargeKey));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= max) chunks.push(c);
    });
    req.on('end', () => (size > max ? reject(uploadTooLarge(max, tooLargeKey)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/**
 * The rest of a refused upload, after the answer has been sent: read and dropped (never kept), so that
 * clients see the answer rather than a reset connection; past `max` bytes the connection is closed.
 */
export function discardUpload(req: Request, max: number): void {
  if (req.readableEnded || req.destroyed) return;
  let seen = 0;
  req.removeAllListeners('data');
  req.on('data', (c: Buffer) => {
    seen += c.length;
    if (seen > max) req.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}
