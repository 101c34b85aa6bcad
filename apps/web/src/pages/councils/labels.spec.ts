import { CATALOGUES } from '@ashar/i18n';
import { ALL_LABEL_MAPS, matchesText, meetingTime, zonedToUtc } from './labels';

describe('councils labels', () => {
  it('reads a wall-clock time in the meeting zone as the right instant', () => {
    expect(zonedToUtc('2026-12-10T15:00', 'Asia/Bishkek')).toBe('2026-12-10T09:00:00.000Z');
    expect(zonedToUtc('2026-12-10T15:00', 'Asia/Almaty')).toBe('2026-12-10T10:00:00.000Z');
    expect(zonedToUtc('10.12.2026 15:00', 'Asia/Bishkek')).toBeNull();
  });

  it('shows a late-evening Bishkek meeting on its own day', () => {
    expect(meetingTime('2026-12-10T17:30:00.000Z', 'Asia/Bishkek', 'ky')).toContain('10.12.2026');
    expect(meetingTime('2026-12-10T17:30:00.000Z', 'Asia/Bishkek', 'ky')).toContain('23:30');
  });

  it('needs every word of the directory filter', () => {
    expect(matchesText('Общественный совет Минфина', 'совет минфин')).toBe(true);
    expect(matchesText('Общественный совет Минфина', 'совет акимат')).toBe(false);
    expect(matchesText('anything', '  ')).toBe(true);
  });

  it('every label key of the enum maps is in all four catalogues', () => {
    const missing = ALL_LABEL_MAPS.flatMap((m) => Object.values(m)).flatMap((k) => (['ky', 'ru', 'en', 'kk'] as const).filter((l) => !(k in CATALOGUES[l])).map((l) => `${l}: ${k}`));
    expect(missing).toEqual([]);
  });
});
