import type { Locale } from '@ashar/i18n/core';
import type {
  ActionItemStatus,
  ApportionmentBasis,
  ApportionmentMethod,
  CouncilMajorityBase,
  CouncilMajorityKind,
  CouncilMinutesStatus,
  CouncilQuestionStatus,
  CouncilTieRule,
  RecommendationAssessment,
  CouncilBodyKind,
  CouncilDecisionOutcome, CouncilMeetingAccess, CouncilMeetingStatus, CouncilMemberRole, CouncilVoteChoice, RecommendationStatus } from './councils.operations';

export const BODY_KINDS: readonly CouncilBodyKind[] = ['PUBLIC_COUNCIL', 'SMALL_PUBLIC_COUNCIL', 'BUDGET_GROUP', 'INITIATIVE_GROUP', 'WORKING_GROUP', 'ADVISORY_GROUP', 'CUSTOM'];
export const VOTE_CHOICES: readonly CouncilVoteChoice[] = ['FOR', 'AGAINST', 'ABSTAIN', 'ABSENT'];

/** Typed maps (not `${prefix}${value}` keys): the compiler wants every enum value, labels.spec.ts checks the catalogues. */
export const KIND_KEY: Record<CouncilBodyKind, string> = {
  PUBLIC_COUNCIL: 'councils.web.kind.PUBLIC_COUNCIL',
  SMALL_PUBLIC_COUNCIL: 'councils.web.kind.SMALL_PUBLIC_COUNCIL',
  BUDGET_GROUP: 'councils.web.kind.BUDGET_GROUP',
  INITIATIVE_GROUP: 'councils.web.kind.INITIATIVE_GROUP',
  WORKING_GROUP: 'councils.web.kind.WORKING_GROUP',
  ADVISORY_GROUP: 'councils.web.kind.ADVISORY_GROUP',
  CUSTOM: 'councils.web.kind.CUSTOM',
};
export const ROLE_KEY: Record<CouncilMemberRole, string> = {
  CHAIR: 'councils.web.role.CHAIR',
  DEPUTY: 'councils.web.role.DEPUTY',
  SECRETARY: 'councils.web.role.SECRETARY',
  MEMBER: 'councils.web.role.MEMBER',
};
export const VOTE_KEY: Record<CouncilVoteChoice, string> = {
  FOR: 'councils.web.vote.FOR',
  AGAINST: 'councils.web.vote.AGAINST',
  ABSTAIN: 'councils.web.vote.ABSTAIN',
  ABSENT: 'councils.web.vote.ABSENT',
};
export const OUTCOME_KEY: Record<CouncilDecisionOutcome, string> = {
  ADOPTED: 'councils.web.outcome.ADOPTED',
  REJECTED: 'councils.web.outcome.REJECTED',
};
export const RECOMMENDATION_KEY: Record<RecommendationStatus, string> = {
  SENT: 'councils.web.recommendation.SENT',
  OVERDUE: 'councils.web.recommendation.OVERDUE',
  ANSWERED: 'councils.web.recommendation.ANSWERED',
  ACCEPTED: 'councils.web.recommendation.ACCEPTED',
  PARTLY_ACCEPTED: 'councils.web.recommendation.PARTLY_ACCEPTED',
  REJECTED: 'councils.web.recommendation.REJECTED',
  IMPLEMENTED: 'councils.web.recommendation.IMPLEMENTED',
};
export const MEETING_STATUS_KEY: Record<CouncilMeetingStatus, string> = {
  SCHEDULED: 'councils.web.meeting.status.SCHEDULED',
  HELD: 'councils.web.meeting.status.HELD',
};
export const ACCESS_KEY: Record<CouncilMeetingAccess, string> = {
  OPEN: 'councils.web.access.OPEN',
  CLOSED: 'councils.web.access.CLOSED',
};
export const TRACKER_COLUMNS = {
  accepted: 'councils.web.tracker.accepted',
  partlyAccepted: 'councils.web.tracker.partlyAccepted',
  rejected: 'councils.web.tracker.rejected',
  implemented: 'councils.web.tracker.implemented',
  answered: 'councils.web.tracker.answered',
  ignored: 'councils.web.tracker.ignored',
  overdue: 'councils.web.tracker.overdue',
} as const;
export const ITEM_STATUSES: readonly ActionItemStatus[] = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'];
export const ITEM_STATUS_KEY: Record<ActionItemStatus, string> = {
  PLANNED: 'councils.web.itemStatus.PLANNED',
  IN_PROGRESS: 'councils.web.itemStatus.IN_PROGRESS',
  DONE: 'councils.web.itemStatus.DONE',
  CANCELLED: 'councils.web.itemStatus.CANCELLED',
};
export const BASIS_KEY: Record<ApportionmentBasis, string> = {
  POPULATION: 'councils.web.basis.POPULATION',
  VOTERS: 'councils.web.basis.VOTERS',
  REVENUE: 'councils.web.basis.REVENUE',
};
export const METHOD_KEY: Record<ApportionmentMethod, string> = {
  DHONDT: 'councils.web.method.DHONDT',
  SAINTE_LAGUE: 'councils.web.method.SAINTE_LAGUE',
  LARGEST_REMAINDER: 'councils.web.method.LARGEST_REMAINDER',
};
export const MAJORITY_KEY: Record<CouncilMajorityKind, string> = {
  SIMPLE: 'councils.web.rules.majority.SIMPLE',
  QUALIFIED: 'councils.web.rules.majority.QUALIFIED',
};
export const BASE_KEY: Record<CouncilMajorityBase, string> = {
  PRESENT: 'councils.web.rules.base.PRESENT',
  ALL_MEMBERS: 'councils.web.rules.base.ALL_MEMBERS',
};
export const TIE_KEY: Record<CouncilTieRule, string> = {
  FAILS: 'councils.web.rules.tie.FAILS',
  CHAIR_DECIDES: 'councils.web.rules.tie.CHAIR_DECIDES',
};
export const MINUTES_KEY: Record<CouncilMinutesStatus, string> = {
  NONE: 'councils.web.minutes.NONE',
  DRAFT: 'councils.web.minutes.DRAFT',
  APPROVED: 'councils.web.minutes.APPROVED',
};
export const QUESTION_KEY: Record<CouncilQuestionStatus, string> = {
  OPEN: 'councils.web.question.OPEN',
  ANSWERED: 'councils.web.question.ANSWERED',
  ON_AGENDA: 'councils.web.question.ON_AGENDA',
};
export const ASSESSMENT_KEY: Record<RecommendationAssessment, string> = {
  ACCEPTED: 'councils.web.recommendation.ACCEPTED',
  PARTLY_ACCEPTED: 'councils.web.recommendation.PARTLY_ACCEPTED',
  REJECTED: 'councils.web.recommendation.REJECTED',
};
export const ALL_LABEL_MAPS = [KIND_KEY, ROLE_KEY, VOTE_KEY, OUTCOME_KEY, RECOMMENDATION_KEY, MEETING_STATUS_KEY, ACCESS_KEY, TRACKER_COLUMNS, ITEM_STATUS_KEY, BASIS_KEY, METHOD_KEY, MAJORITY_KEY, BASE_KEY, TIE_KEY, MINUTES_KEY, QUESTION_KEY, ASSESSMENT_KEY];

/** Today's date (UTC) as yyyy-mm-dd, the default of date boxes the secretary fills. */
export const todayIso = () => new Date().toISOString().slice(0, 10);

/** The engine's explanation (JSON) as lines a resident can follow: each seat's quotient, or quota and remainders. */
export interface SeatExplanation {
  quota?: number;
  totalWeight: number;
  awards?: Array<{ seat: number; party: string; quotientExact: string; quotient: number; tieBreak?: string }>;
  rows?: Array<{ party: string; idealExact: string; automaticSeats: number; remainder: number; extraSeat: boolean }>;
}
export function readExplanation(json: string): SeatExplanation | null {
  try {
    const x = JSON.parse(json) as SeatExplanation;
    return typeof x.totalWeight === 'number' ? x : null;
  } catch {
    return null;
  }
}

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
