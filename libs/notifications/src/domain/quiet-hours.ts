/**
 * Quiet hours (pure): no SMS to a community at night. Between `from` o'clock and `to` o'clock local time
 * (default 21:00–08:00) a message waits until `to`; it is delayed, never dropped. Local time comes from the
 * IANA zone (Asia/Bishkek, Asia/Almaty), so a daylight-saving change elsewhere cannot shift it.
 */
export interface QuietHours {
  /** Local hour (0–23) the quiet starts. */
  from: number;
  /** Local hour (0–23) it ends: the first hour messages go again. */
  to: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { from: 21, to: 8 };

/** Local wall-clock parts of `at` in `timeZone`. */
function localParts(at: Date, timeZone: string): { hour: number; minute: number; second: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { hour: n('hour'), minute: n('minute'), second: n('second') };
}

export function isQuiet(at: Date, timeZone: string, q: QuietHours = DEFAULT_QUIET_HOURS): boolean {
  const { hour } = localParts(at, timeZone);
  return q.from > q.to ? hour >= q.from || hour < q.to : hour >= q.from && hour < q.to;
}

/** Milliseconds to wait before sending at `at` (0 outside quiet hours): until `to` o'clock local time. */
export function quietHoursDelayMs(at: Date, timeZone: string, q: QuietHours = DEFAULT_QUIET_HOURS): number {
  if (!isQuiet(at, timeZone, q)) return 0;
  const { hour, minute, second } = localParts(at, timeZone);
  const sinceMidnight = hour * 3600 + minute * 60 + second;
  let wait = q.to * 3600 - sinceMidnight;
  if (wait <= 0) wait += 24 * 3600;
  return wait * 1000 - at.getUTCMilliseconds();
}
