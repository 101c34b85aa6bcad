/**
 * A recommendation's follow-up. SENT and OVERDUE wait for the addressee's answer (a late answer is
 * still recorded); an answer is then assessed (ACCEPTED / PARTLY_ACCEPTED / REJECTED); accepted ones
 * (fully or partly) can be IMPLEMENTED.
 */
export type RecommendationStatus = 'SENT' | 'OVERDUE' | 'ANSWERED' | 'ACCEPTED' | 'PARTLY_ACCEPTED' | 'REJECTED' | 'IMPLEMENTED';

const NEXT: Record<RecommendationStatus, readonly RecommendationStatus[]> = {
  SENT: ['ANSWERED', 'OVERDUE'],
  OVERDUE: ['ANSWERED'],
  ANSWERED: ['ACCEPTED', 'PARTLY_ACCEPTED', 'REJECTED'],
  ACCEPTED: ['IMPLEMENTED'],
  PARTLY_ACCEPTED: ['IMPLEMENTED'],
  REJECTED: [],
  IMPLEMENTED: [],
};

export function canMove(from: RecommendationStatus, to: RecommendationStatus): boolean {
  return NEXT[from].includes(to);
}

/** Overdue on the day after its deadline while still unanswered. */
export function isOverdue(status: RecommendationStatus, deadline: string, today: string): boolean {
  return status === 'SENT' && deadline < today;
}

export interface TrackerCounts {
  total: number;
  accepted: number;
  partlyAccepted: number;
  rejected: number;
  implemented: number;
  /** No answer yet (SENT or OVERDUE). */
  ignored: number;
  overdue: number;
  /** Answered, not assessed yet. */
  answered: number;
}

export function trackerCounts(statuses: readonly RecommendationStatus[]): TrackerCounts {
  const n = (s: RecommendationStatus) => statuses.filter((x) => x === s).length;
  return {
    total: statuses.length,
    accepted: n('ACCEPTED'),
    partlyAccepted: n('PARTLY_ACCEPTED'),
    rejected: n('REJECTED'),
    implemented: n('IMPLEMENTED'),
    ignored: n('SENT') + n('OVERDUE'),
    overdue: n('OVERDUE'),
    answered: n('ANSWERED'),
  };
}
