import type { Locale } from '@ashar/i18n/core';
import { PHASES } from './labels';
import type { ProcessPhase } from './participation.operations';

/**
 * Phase dates in the community's zone (`Process.timeZone`), whatever the device's zone: a datetime-local
 * value is read as wall time in that zone and sent as RFC 3339 with its offset; a planned instant is shown
 * and prefilled as wall time there. Pure (Intl only), so the offsets are tested without a browser.
 */

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The zone's offset from UTC at that instant, in minutes (Asia/Bishkek: 360). */
export function zoneOffsetMinutes(timeZone: string, instantMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(instantMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wallAsUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((wallAsUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/** "2027-03-01T09:00" in Asia/Bishkek → "2027-03-01T09:00:00+06:00"; null for anything else. */
export function wallToRfc3339(wall: string, timeZone: string): string | null {
  const m = WALL.exec(wall);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(asUtc).getUTCDate() !== d) return null;
  // The offset at the guessed instant, then again at the corrected one (a change of offset in between).
  let offset = zoneOffsetMinutes(timeZone, asUtc);
  offset = zoneOffsetMinutes(timeZone, asUtc - offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** An instant as the datetime-local value of its wall time in the zone (to prefill the plan). */
export function instantToWall(iso: string, timeZone: string): string {
  const ms = new Date(iso).getTime();
  const local = new Date(ms + zoneOffsetMinutes(timeZone, ms) * 60_000);
  return local.toISOString().slice(0, 16);
}

/** The phases after the current one: the ones a plan may name. */
export function laterPhases(phase: ProcessPhase): ProcessPhase[] {
  return PHASES.slice(PHASES.indexOf(phase) + 1);
}

export type PlanProblem = { phase: ProcessPhase; key: 'errors.participation.scheduleOrder' | 'errors.participation.scheduleInPast' | 'errors.validation.invalid' };

/** The filled starts in phase order, or the first problem the server would also refuse (order, past). */
export function readPlan(draft: Partial<Record<ProcessPhase, string>>, phases: ProcessPhase[], timeZone: string, now = Date.now()): { ok: true; phases: Array<{ phase: ProcessPhase; startsAt: string }> } | { ok: false; problem: PlanProblem } {
  const out: Array<{ phase: ProcessPhase; startsAt: string }> = [];
  let previous = -Infinity;
  for (const phase of phases) {
    const wall = draft[phase]?.trim();
    if (!wall) continue;
    const startsAt = wallToRfc3339(wall, timeZone);
    if (!startsAt) return { ok: false, problem: { phase, key: 'errors.validation.invalid' } };
    const at = new Date(startsAt).getTime();
    if (at < now) return { ok: false, problem: { phase, key: 'errors.participation.scheduleInPast' } };
    if (at <= previous) return { ok: false, problem: { phase, key: 'errors.participation.scheduleOrder' } };
    previous = at;
    out.push({ phase, startsAt });
  }
  return { ok: true, phases: out };
}

/** A planned start as people read it, in the zone (dd.mm.yyyy hh:mm where the browser lacks the language). */
export function formatInZone(iso: string, timeZone: string, locale: Locale): string {
  const tag = (locale === 'ru' || locale === 'en') && Intl.DateTimeFormat.supportedLocalesOf([locale]).length ? locale : 'ru';
  return new Intl.DateTimeFormat(tag, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** The zone as shown: its IANA name and today's offset, "Asia/Bishkek (UTC+06:00)" (browsers lack Kyrgyz zone names). */
export function zoneLabel(timeZone: string, now = Date.now()): string {
  const offset = zoneOffsetMinutes(timeZone, now);
  const abs = Math.abs(offset);
  return `${timeZone} (UTC${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')})`;
}
