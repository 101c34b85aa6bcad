import { dateFormatter, numberFormatter } from '../i18n/intl-format';
import { readStoredLocale, storeLocale } from '../i18n/locale.store';
import { groupMemberships } from '../api/memberships.util';
import type { MembershipView } from '../api/territory.operations';

const day = new Date('2021-01-01T00:00:00Z');

describe('dates and numbers', () => {
  test('Kyrgyz and Kazakh dates are dd.mm.yyyy, as written in both countries', () => {
    expect(dateFormatter('ky').format(day)).toBe('01.01.2021');
    expect(dateFormatter('kk').format(day)).toBe('01.01.2021');
  });

  test('Russian and English get the month spelled out', () => {
    expect(dateFormatter('ru').format(day)).toBe('1 января 2021 г.');
    expect(dateFormatter('en').format(day)).toBe('January 1, 2021');
  });

  test('a locale the browser lacks groups digits the regional way, not the English way', () => {
    expect(numberFormatter('ky', () => []).format(1855)).toBe('1\u00a0855');
    expect(numberFormatter('en').format(1855)).toBe('1,855');
  });
});

describe('locale store', () => {
  test('keeps a valid choice and ignores junk or broken storage', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    expect(readStoredLocale(storage)).toBeNull();
    storeLocale('kk', storage);
    expect(readStoredLocale(storage)).toBe('kk');
    data.set('ashar.locale', 'de');
    expect(readStoredLocale(storage)).toBeNull();
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    expect(readStoredLocale(broken)).toBeNull();
    expect(() => storeLocale('ru', broken)).not.toThrow();
  });
});

describe('groupMemberships', () => {
  test('one row per community with every role once', () => {
    const community = { id: 'c1', kind: 'BUDGET_GROUP' as const, names: { ky: null, ru: 'БГ', en: null, kk: null }, unit: { code: '1', level: 'VILLAGE' as const, names: { ky: null, ru: 'Ак-Дебе', en: null, kk: null } } };
    const ms: MembershipView[] = [
      { id: 'm1', role: 'CITIZEN', community },
      { id: 'm2', role: 'BUDGET_GROUP_MEMBER', community },
      { id: 'm3', role: 'CITIZEN', community },
      { id: 'm4', role: 'CITIZEN', community: { ...community, id: 'c2' } },
    ];
    expect(groupMemberships(ms).map((g) => [g.community.id, g.roles])).toEqual([
      ['c1', ['CITIZEN', 'BUDGET_GROUP_MEMBER']],
      ['c2', ['CITIZEN']],
    ]);
  });
});
