/**
 * Pure rules of municipality indicators (issue 14): which units are municipalities, the fixed list of
 * e-services, what an observation holds, its score and an area's totals. No Nest, no database: the
 * server, the survey seam and the web read the same definitions.
 */

/** E-services a municipality may offer online; OTHER carries a free text. Codes are stable (stored, exported). */
export const E_SERVICES = ['CERTIFICATES', 'HOUSEHOLD_BOOK', 'CITIZEN_APPEALS', 'APPOINTMENTS', 'LAND_AND_PROPERTY', 'LOCAL_FEES_PAYMENT', 'SOCIAL_SUPPORT', 'PERMITS', 'OTHER'] as const;
export type EServiceCode = (typeof E_SERVICES)[number];

export const SOCIAL_PLATFORMS = ['FACEBOOK', 'INSTAGRAM', 'TELEGRAM', 'WHATSAPP', 'YOUTUBE', 'TIKTOK', 'ODNOKLASSNIKI', 'OTHER'] as const;
export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number];

export const TUNDUK_STATUSES = ['YES', 'NO', 'IN_PROGRESS'] as const;
export type TundukStatus = (typeof TUNDUK_STATUSES)[number];

export const OBSERVATION_SOURCES = ['MANUAL', 'SURVEY'] as const;
export type ObservationSource = (typeof OBSERVATION_SOURCES)[number];

export const LIMITS = { socialAccounts: 10, url: 500, otherText: 300, answerSetId: 100, postsPer30Days: 10000 } as const;

/** Days a social account counts as active after its last post (and the window of "posts in the last 30 days"). */
export const ACTIVE_DAYS = 30;

/**
 * A municipality is a unit with its own local self-government: an aiyl aimak / rural okrug (level AIMAK),
 * a town below district level, a city of oblast significance (DISTRICT level) or of republican significance
 * (REGION level). City districts, settlements and villages are not.
 */
export function isMunicipality(level: string, kind: string): boolean {
  if (level === 'AIMAK') return true;
  if (level === 'CITY') return kind === 'town';
  if (level === 'DISTRICT') return kind === 'city_oblast';
  if (level === 'REGION') return kind === 'city_republican';
  return false;
}

/** An area a comparison runs over: a raion (district) or an oblast (region); cities of either rank are municipalities, not areas. */
export function isComparisonArea(level: string, kind: string): boolean {
  return (level === 'DISTRICT' || level === 'REGION') && !isMunicipality(level, kind);
}

export interface SocialAccount {
  platform: SocialPlatform;
  url: string;
  lastPostOn: string | null;
  postsLast30Days: number | null;
}

/** What one observation says (the stored row minus ids and bookkeeping). */
export interface Indicators {
  observedOn: string;
  websiteUrl: string | null;
  websiteAnswered: boolean | null;
  socialAccounts: SocialAccount[];
  eServices: EServiceCode[];
  eServicesOther: string | null;
  tunduk: TundukStatus;
  tundukSince: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  contactAnswered: boolean | null;
  contactCheckedOn: string | null;
}

const DAY = 86_400_000;
const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);

/** Active: a post within ACTIVE_DAYS before the observation, or a positive count of posts in that window. */
export function isActiveAccount(a: SocialAccount, observedOn: string): boolean {
  if ((a.postsLast30Days ?? 0) > 0) return true;
  if (!a.lastPostOn) return false;
  const age = dayNumber(observedOn) - dayNumber(a.lastPostOn);
  return age >= 0 && age < ACTIVE_DAYS;
}

export interface ScoreParts {
  eServices: number;
  website: boolean;
  tunduk: boolean;
  activeSocial: boolean;
  contactAnswers: boolean;
}

/**
 * The score: one point per e-service offered (OTHER counts once), plus one each for a website that
 * answered when checked, a Tunduk connection (YES; IN_PROGRESS is not yet), a social account active in
 * the 30 days before the observation and a contact that answered the test call or message.
 */
export function scoreParts(i: Indicators): ScoreParts {
  return {
    eServices: new Set(i.eServices).size,
    website: !!i.websiteUrl && i.websiteAnswered === true,
    tunduk: i.tunduk === 'YES',
    activeSocial: i.socialAccounts.some((a) => isActiveAccount(a, i.observedOn)),
    contactAnswers: i.contactAnswered === true,
  };
}

export function scoreOf(p: ScoreParts): number {
  return p.eServices + [p.website, p.tunduk, p.activeSocial, p.contactAnswers].filter(Boolean).length;
}

/** The highest score there is: every e-service and every yes. */
export const MAX_SCORE = E_SERVICES.length + 4;

export interface AreaTotals {
  municipalities: number;
  observed: number;
  withWebsite: number;
  withTunduk: number;
  withActiveSocial: number;
  withContactAnswering: number;
  eServicesOffered: number;
  /** Shares over the observed municipalities (0 when none is observed), rounded to 4 places. */
  websiteShare: number;
  tundukShare: number;
  activeSocialShare: number;
  contactShare: number;
  averageEServices: number;
  averageScore: number;
}

const share = (n: number, d: number) => (d ? Math.round((n / d) * 10000) / 10000 : 0);

/** Totals of an area from its municipalities' current parts (null = no observation yet). */
export function areaTotals(rows: ReadonlyArray<ScoreParts | null>): AreaTotals {
  const seen = rows.filter((r): r is ScoreParts => r !== null);
  const count = (f: (p: ScoreParts) => boolean) => seen.filter(f).length;
  const eServicesOffered = seen.reduce((s, p) => s + p.eServices, 0);
  const scores = seen.reduce((s, p) => s + scoreOf(p), 0);
  const t = { withWebsite: count((p) => p.website), withTunduk: count((p) => p.tunduk), withActiveSocial: count((p) => p.activeSocial), withContactAnswering: count((p) => p.contactAnswers) };
  return {
    municipalities: rows.length,
    observed: seen.length,
    ...t,
    eServicesOffered,
    websiteShare: share(t.withWebsite, seen.length),
    tundukShare: share(t.withTunduk, seen.length),
    activeSocialShare: share(t.withActiveSocial, seen.length),
    contactShare: share(t.withContactAnswering, seen.length),
    averageEServices: share(eServicesOffered, seen.length),
    averageScore: share(scores, seen.length),
  };
}

/** http(s) only, with a host: what the inputs and the database both insist on. */
export function isWebUrl(value: string): boolean {
  if (value.length > LIMITS.url || /\s/.test(value)) return false;
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname && /^https?:\/\//i.test(value);
  } catch {
    return false;
  }
}

/** Today in Bishkek (UTC+6, no daylight saving): the calendar the "no future date" rule uses. */
export function todayInBishkek(now: Date = new Date()): string {
  return new Date(now.getTime() + 6 * 3600_000).toISOString().slice(0, 10);
}
