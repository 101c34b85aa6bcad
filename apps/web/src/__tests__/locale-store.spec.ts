import { browserLocale, initialLocale } from '../i18n/locale.store';

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
