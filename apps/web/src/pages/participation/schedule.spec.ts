import { formatInZone, instantToWall, laterPhases, readPlan, wallToRfc3339, zoneLabel, zoneOffsetMinutes } from './schedule';

describe('phase dates in the community zone', () => {
  it('reads a datetime-local value as wall time in the zone, with its offset', () => {
    expect(zoneOffsetMinutes('Asia/Bishkek', Date.UTC(2027, 2, 1))).toBe(360);
    expect(wallToRfc3339('2027-03-01T09:00', 'Asia/Bishkek')).toBe('2027-03-01T09:00:00+06:00');
    expect(wallToRfc3339('2027-03-01T09:00', 'Asia/Almaty')).toBe('2027-03-01T09:00:00+05:00');
    // A zone with summer time takes the offset of that date, not of today.
    expect(wallToRfc3339('2027-07-01T09:00', 'Europe/Berlin')).toBe('2027-07-01T09:00:00+02:00');
    expect(wallToRfc3339('2027-01-15T09:00', 'Europe/Berlin')).toBe('2027-01-15T09:00:00+01:00');
    expect(wallToRfc3339('2027-02-30T09:00', 'Asia/Bishkek')).toBeNull();
    expect(wallToRfc3339('tomorrow', 'Asia/Bishkek')).toBeNull();
  });

  it('shows and prefills a planned instant as the zone wall time', () => {
    expect(instantToWall('2027-03-01T03:00:00.000Z', 'Asia/Bishkek')).toBe('2027-03-01T09:00');
    expect(formatInZone('2027-03-01T03:00:00.000Z', 'Asia/Bishkek', 'ky')).toBe('01.03.2027, 09:00');
    expect(zoneLabel('Asia/Bishkek')).toBe('Asia/Bishkek (UTC+06:00)');
    expect(zoneLabel('America/St_Johns', Date.UTC(2027, 0, 15))).toBe('America/St_Johns (UTC-03:30)');
  });

  it('plans only later phases, in order and in the future', () => {
    expect(laterPhases('IDEAS')).toEqual(['REVIEW', 'VOTING', 'RESULTS', 'IMPLEMENTATION']);
    const now = Date.UTC(2027, 0, 1);
    expect(readPlan({ REVIEW: '2027-03-01T09:00', VOTING: '' , RESULTS: '2027-03-10T18:00' }, laterPhases('IDEAS'), 'Asia/Bishkek', now)).toEqual({
      ok: true,
      phases: [
        { phase: 'REVIEW', startsAt: '2027-03-01T09:00:00+06:00' },
        { phase: 'RESULTS', startsAt: '2027-03-10T18:00:00+06:00' },
      ],
    });
    expect(readPlan({ REVIEW: '2027-03-05T09:00', VOTING: '2027-03-01T09:00' }, laterPhases('IDEAS'), 'Asia/Bishkek', now)).toEqual({ ok: false, problem: { phase: 'VOTING', key: 'errors.participation.scheduleOrder' } });
    expect(readPlan({ REVIEW: '2026-03-05T09:00' }, laterPhases('IDEAS'), 'Asia/Bishkek', now)).toEqual({ ok: false, problem: { phase: 'REVIEW', key: 'errors.participation.scheduleInPast' } });
  });
});
