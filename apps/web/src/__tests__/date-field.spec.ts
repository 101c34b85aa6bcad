import { isoToDisplayDate, readDisplayDate } from '../ui/date-field.component';

describe('our own date box reads dd.mm.yyyy', () => {
  test.each([
    ['15.03.2026', '2026-03-15'],
    ['5.3.2026', '2026-03-05'],
    ['15/03/2026', '2026-03-15'],
    [' 2026-03-15 ', '2026-03-15'],
    ['29.02.2028', '2028-02-29'],
  ])('%j → %s', (text, iso) => expect(readDisplayDate(text)).toBe(iso));
  test.each([['31.04.2026'], ['29.02.2026'], ['03/15/2026'], ['15.03.26'], ['завтра'], ['']])('%j is not a date', (text) => expect(readDisplayDate(text)).toBeNull());
  test('shows ISO the local way', () => expect(isoToDisplayDate('2026-03-15')).toBe('15.03.2026'));
});
