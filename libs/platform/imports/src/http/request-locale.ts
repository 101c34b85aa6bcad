import { isLocale, Locale } from '@ashar/i18n';
import type { Request } from 'express';

/**
 * The language a plain HTTP request asks for (a download link, a printable sheet): `?lang=`, else `X-Lang`, else
 * the first supported language of Accept-Language; null when it names none (the caller picks its default).
 */
export function requestLocale(req: Request): Locale | null {
  const explicit = [req.query?.lang, req.headers['x-lang']].find((v) => isLocale(v));
  if (explicit) return explicit as Locale;
  for (const part of String(req.headers['accept-language'] ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase().slice(0, 2);
    if (isLocale(tag)) return tag;
  }
  return null;
}
