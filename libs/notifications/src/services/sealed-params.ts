import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'crypto';
import type { NotificationParams } from '../entities/notification-delivery.entity';

const PREFIX = 'sealed:v1:';

/** The sealing key: derived from the server's secret (JWT_SECRET), never stored. */
function keyOf(secret: string): Buffer {
  return createHash('sha256').update(`ashar:notifications:seal:v1:${secret}`).digest();
}

/**
 * A one-time secret a message carries (a phone code, an unlock link) is kept encrypted (AES-256-GCM) in
 * the delivery record: someone who reads the database or a backup without the server's secret cannot use
 * it. Only the worker opens it, to write the message.
 */
export function sealParam(value: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const ct = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64url');
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** The params with every sealed value opened (a value sealed under another key fails loudly). */
export function unsealParams(params: NotificationParams, secret: string): NotificationParams {
  const out: NotificationParams = { ...params };
  for (const [k, v] of Object.entries(params)) {
    if (!isSealed(v)) continue;
    const raw = Buffer.from(v.slice(PREFIX.length), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    out[k] = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
  return out;
}
