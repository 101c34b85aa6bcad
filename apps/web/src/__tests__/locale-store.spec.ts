import { browserLocale, initialLocale, LOCALE_COOKIE, storeLocale } from '../i18n/locale.store';

const store = (value: string | null) => ({ getItem: () => value });

describe('first-visit language', () => {
  test('follows the first browser language we have, by its language part', () => {
    expect(browserLocale(['ru-RU', 'en-US'])).toBe('ru');
    expect(browserLocale(['de-DE', 'kk-KZ', 'ru'])).toBe('kk');
    expect(browserLocale(['EN_gb'])).toBe('en');
    expect(browserLocale(['fr', 'de'])).toBeNull();
    expect(browserLocale([])).toBeNull();
  });

  test('a saved choice wins over the browser; Kyrgyz when nothing matches', () => {
    expect(initialLocale(store('ky'), ['ru-RU'])).toBe('ky');
    expect(initialLocale(store(null), ['ru-RU'])).toBe('ru');
    expect(initialLocale(store('xx'), ['kk'])).toBe('kk');
    expect(initialLocale(store(null), ['tr-TR'])).toBe('ky');
    expect(initialLocale(undefined, undefined)).toBe('ky');
  });
});

describe('saving the choice', () => {
  test('also as a year-long cookie, so the server renders public pages in it; blocked cookies are no failure', () => {
    const saved: string[] = [];
    const doc = { cookie: '' };
    storeLocale('kk', { setItem: (_k: string, v: string) => void saved.push(v) }, doc);
    expect(saved).toEqual(['kk']);
    expect(doc.cookie).toBe(`${LOCALE_COOKIE}=kk; path=/; max-age=31536000; samesite=lax`);
    const blocked = Object.defineProperty({}, 'cookie', { set: () => { throw new Error('SecurityError'); } }) as { cookie: string };
    expect(() => storeLocale('ru', undefined, blocked)).not.toThrow();
  });
});
