/** Terms are calendar dates (YYYY-MM-DD), both ends inclusive; an open term has no end. */
export type MemberRole = 'CHAIR' | 'DEPUTY' | 'SECRETARY' | 'MEMBER';

export interface Term {
  termFrom: string;
  termTo: string | null;
}

export function isCurrentOn(term: Term, date: string): boolean {
  return term.termFrom <= date && (term.termTo === null || term.termTo >= date);
}

/** Two terms share at least one day. */
export function overlaps(a: Term, b: Term): boolean {
  return (a.termTo === null || a.termTo >= b.termFrom) && (b.termTo === null || b.termTo >= a.termFrom);
}
