import { isQuiet, quietHoursDelayMs } from '../quiet-hours';

describe('quiet hours in the community’s time zone', () => {
  // Bishkek is UTC+6 all year; Almaty UTC+5 since March 2024.
  test('daytime sends at once, in Bishkek and in Almaty', () => {
    expect(quietHoursDelayMs(new Date('2026-12-03T03:00:00Z'), 'Asia/Bishkek')).toBe(0); // 09:00
    expect(quietHoursDelayMs(new Date('2026-12-03T14:59:59Z'), 'Asia/Bishkek')).toBe(0); // 20:59:59
    expect(quietHoursDelayMs(new Date('2026-12-03T15:59:00Z'), 'Asia/Almaty')).toBe(0); // 20:59
  });

  test('at night the message waits until 08:00 local, evening and small hours alike', () => {
    // 21:00 in Bishkek: 11 hours.
    expect(quietHoursDelayMs(new Date('2026-12-03T15:00:00Z'), 'Asia/Bishkek')).toBe(11 * 3600_000);
    // 03:30 in Bishkek: 4 h 30 min.
    expect(quietHoursDelayMs(new Date('2026-12-02T21:30:00Z'), 'Asia/Bishkek')).toBe(4.5 * 3600_000);
    // 07:59:59.500 in Bishkek: half a second.
    expect(quietHoursDelayMs(new Date('2026-12-03T01:59:59.500Z'), 'Asia/Bishkek')).toBe(500);
    // 21:00 UTC is 02:00 in Almaty (quiet) but 03:00 in Bishkek: each zone its own.
    expect(quietHoursDelayMs(new Date('2026-12-02T21:00:00Z'), 'Asia/Almaty')).toBe(6 * 3600_000);
    expect(isQuiet(new Date('2026-12-03T02:30:00Z'), 'Asia/Bishkek')).toBe(false); // 08:30
    expect(isQuiet(new Date('2026-12-03T02:30:00Z'), 'Asia/Almaty')).toBe(true); // 07:30
  });

  test('a window that does not cross midnight', () => {
    expect(isQuiet(new Date('2026-12-03T07:00:00Z'), 'Asia/Bishkek', { from: 12, to: 14 })).toBe(true); // 13:00
    expect(quietHoursDelayMs(new Date('2026-12-03T07:00:00Z'), 'Asia/Bishkek', { from: 12, to: 14 })).toBe(3600_000);
  });
});
