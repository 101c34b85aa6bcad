import type { Request } from 'express';
import { requestLocale } from '../http/request-locale';

const req = (query: Record<string, string>, headers: Record<string, string> = {}) => ({ query, headers }) as unknown as Request;

describe('requestLocale (plain HTTP downloads and sheets)', () => {
  it('takes ?lang= first, then X-Lang, then the first supported Accept-Language, else null', () => {
    expect(requestLocale(req({ lang: 'kk' }, { 'x-lang': 'ru', 'accept-language': 'en' }))).toBe('kk');
    expect(requestLocale(req({}, { 'x-lang': 'ru', 'accept-language': 'en' }))).toBe('ru');
    expect(requestLocale(req({}, { 'accept-language': 'de-DE,ky-KG;q=0.8,ru;q=0.5' }))).toBe('ky');
    expect(requestLocale(req({ lang: 'xx' }, { 'x-lang': 'zz', 'accept-language': 'fr' }))).toBeNull();
    expect(requestLocale(req({}))).toBeNull();
  });
});
