import type { Locale } from '@ashar/i18n/core';
import type { CouncilBodyKind, CouncilVoteChoice } from './councils.operations';

export const BODY_KINDS: readonly CouncilBodyKind[] = ['PUBLIC_COUNCIL', 'SMALL_PUBLIC_COUNCIL', 'BUDGET_GROUP', 'INITIATIVE_GROUP', 'WORKING_GROUP', 'ADVISORY_GROUP', 'CUSTOM'];
export const VOTE_CHOICES: readonly CouncilVoteChoice[] = ['FOR', 'AGAINST', 'ABSTAIN', 'ABSENT'];

export const kindKey = (k: string) => `councils.web.kind.${k}`;
export const roleKey = (r: string) => `councils.web.role.${r}`;
export const voteKey = (c: string) => `councils.web.vote.${c}`;
export const outcomeKey = (o: string) => `councils.web.outcome.${o}`;
export const recommendationKey = (s: string) => `councils.web.recommendation.${s}`;

/** A meeting's time in its own zone (a Bishkek evening meeting stays on its day); Kyrgyz/Kazakh use the shared dd.mm.yyyy form. */
export function meetingTime(iso: string, timeZone: string, locale: Locale): string {
  const tag = locale === 'ru' || locale === 'en' ? locale : 'ru';
  try {
    return new Intl.DateTimeFormat(tag, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
  } catch {
    return iso;
  }
}

/** Text filter of the directory: every word must occur, case-insensitive. */
export function matchesText(haystack: string, query: string): boolean {
  const h = haystack.toLocaleLowerCase();
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => h.includes(w));
}

/** "2026-12-10T15:00" on the wall clock of `timeZone` → the instant (ISO, UTC). Null when unreadable. */
export function zonedToUtc(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // The zone's offset at that moment, read back from Intl (two passes settle a DST edge).
  const offset = (t: number) => {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
        .formatToParts(new Date(t))
        .map((x) => [x.type, x.value]),
    );
    return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute) - t;
  };
  let t = asUtc - offset(asUtc);
  t = asUtc - offset(t);
  return new Date(t).toISOString();
}
