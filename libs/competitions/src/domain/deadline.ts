/**
 * Deadlines to the minute in a stated IANA time zone. Stored as the UTC instant plus the zone; the
 * organiser writes the local wall time. A submission is on time strictly before the instant: at the
 * deadline's exact second it is late (the call text says "until 18:00").
 */
export function isValidTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/.test(zone) && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Wall-clock parts of an instant in a zone. */
function partsIn(instant: Date, zone: string) {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
  return { y: +p.year, mo: +p.month, d: +p.day, h: +p.hour, mi: +p.minute, s: +p.second };
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: Date, zone: string): number {
  const p = partsIn(instant, zone);
  return Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * `2027-03-01T18:00` in `Asia/Bishkek` → the UTC instant; null for a malformed or non-existent
 * local time (a gap at a clock change).
 */
export function localToInstant(local: string, zone: string): Date | null {
  const m = LOCAL.exec(local);
  if (!m || !isValidTimeZone(zone)) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset across a clock change.
  let t = asUtc - offsetAt(new Date(asUtc), zone);
  t = asUtc - offsetAt(new Date(t), zone);
  const back = partsIn(new Date(t), zone);
  if (back.y !== y || back.mo !== mo || back.d !== d || back.h !== h || back.mi !== mi) return null;
  return new Date(t);
}

/** `2027-03-01 18:00 (Asia/Bishkek, UTC+06:00)`: the local time with the zone named, for messages and the API. */
export function formatInZone(instant: Date, zone: string): string {
  const p = partsIn(instant, zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  const off = Math.round(offsetAt(instant, zone) / 60000);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)} (${zone}, UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)})`;
}

export function isOnTime(now: Date, deadline: Date): boolean {
  return now.getTime() < deadline.getTime();
}
