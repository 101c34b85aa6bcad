import { formatInZone, isOnTime, isValidTimeZone, localToInstant } from './deadline';
import { diffAnswers } from './answers-diff';

describe('deadlines in a stated zone', () => {
  it('reads local wall time in the zone as a UTC instant', () => {
    expect(localToInstant('2027-03-01T18:00', 'Asia/Bishkek')!.toISOString()).toBe('2027-03-01T12:00:00.000Z');
    expect(localToInstant('2027-03-01T18:00', 'Asia/Almaty')!.toISOString()).toBe('2027-03-01T13:00:00.000Z');
    expect(localToInstant('2027-03-01T18:00', 'UTC')!.toISOString()).toBe('2027-03-01T18:00:00.000Z');
    // A time skipped by a clock change does not exist.
    expect(localToInstant('2027-03-28T02:30', 'Europe/Berlin')).toBeNull();
    expect(localToInstant('2027-02-30T10:00', 'Asia/Bishkek')).toBeNull();
    expect(localToInstant('2027-03-01T18:00', 'Mars/Olympus')).toBeNull();
  });

  it('formats the instant in the zone with the zone named', () => {
    expect(formatInZone(new Date('2027-03-01T12:00:00Z'), 'Asia/Bishkek')).toBe('2027-03-01 18:00 (Asia/Bishkek, UTC+06:00)');
    expect(formatInZone(new Date('2027-03-01T12:00:00Z'), 'Asia/Almaty')).toBe('2027-03-01 17:00 (Asia/Almaty, UTC+05:00)');
  });

  it('is on time strictly before the deadline: at and after it is late', () => {
    const d = new Date('2027-03-01T12:00:00Z');
    expect(isOnTime(new Date(d.getTime() - 1000), d)).toBe(true);
    expect(isOnTime(d, d)).toBe(false);
    expect(isOnTime(new Date(d.getTime() + 1000), d)).toBe(false);
  });

  it('knows real zones only', () => {
    expect(isValidTimeZone('Asia/Bishkek')).toBe(true);
    expect(isValidTimeZone('Asia/Nowhere')).toBe(false);
    expect(isValidTimeZone("'; DROP")).toBe(false);
  });
});

describe('diff of answers', () => {
  it('lists added, removed and changed fields; key order is no change', () => {
    expect(diffAnswers({ a: 'x', b: { p: 1, q: 2 }, c: 1 }, { a: 'y', b: { q: 2, p: 1 }, d: 2 })).toEqual([
      { field: 'a', change: 'CHANGED', before: 'x', after: 'y' },
      { field: 'c', change: 'REMOVED', before: 1, after: null },
      { field: 'd', change: 'ADDED', before: null, after: 2 },
    ]);
  });
});
