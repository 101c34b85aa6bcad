/**
 * How a body decides: quorum and majority. Pure, integer-exact (fractions as numerator/denominator).
 *
 * - present = members who voted FOR, AGAINST or ABSTAIN (an ABSENT or missing vote is not presence);
 * - quorum: present × qDen ≥ members × qNum (members = current members on the meeting date);
 * - base: PRESENT (those present, abstentions included: abstaining counts against) or ALL_MEMBERS;
 * - SIMPLE: FOR × 2 > base adopts; FOR × 2 = base is a tie, settled by the tie rule
 *   (FAILS, or CHAIR_DECIDES: adopted only if the chair voted FOR);
 * - QUALIFIED (num/den, e.g. 2/3): FOR × den ≥ base × num adopts; reaching the threshold exactly is
 *   not a tie, so the tie rule does not apply.
 */
export type VoteChoice = 'FOR' | 'AGAINST' | 'ABSTAIN' | 'ABSENT';
export type MajorityKind = 'SIMPLE' | 'QUALIFIED';
export type MajorityBase = 'PRESENT' | 'ALL_MEMBERS';
export type TieRule = 'FAILS' | 'CHAIR_DECIDES';
export type DecisionOutcome = 'ADOPTED' | 'REJECTED' | 'NO_QUORUM';

export interface Fraction {
  numerator: number;
  denominator: number;
}

export interface DecisionRules {
  quorum: Fraction;
  majority: MajorityKind;
  /** Used by QUALIFIED only. */
  qualified: Fraction;
  base: MajorityBase;
  tie: TieRule;
}

export interface RollCallVote {
  memberId: string;
  choice: VoteChoice;
  isChair: boolean;
}

export interface DecisionCount {
  outcome: DecisionOutcome;
  members: number;
  present: number;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  absent: number;
  /** Present members needed for a quorum. */
  quorumNeeded: number;
  /** FOR votes needed to adopt (without the tie rule). */
  forNeeded: number;
  base: number;
  tie: boolean;
  /** Set when the tie rule decided: what it did. */
  tieSettledBy: 'FAILS' | 'CHAIR_FOR' | 'CHAIR_NOT_FOR' | null;
}

export function isValidFraction(f: Fraction): boolean {
  return Number.isInteger(f.numerator) && Number.isInteger(f.denominator) && f.denominator > 0 && f.numerator > 0 && f.numerator <= f.denominator;
}

function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}

export function quorumMet(present: number, members: number, quorum: Fraction): boolean {
  return members > 0 && present * quorum.denominator >= members * quorum.numerator;
}

/**
 * The outcome of one roll call. `votes` lists every current member once (a member without a vote is
 * passed as ABSENT by the caller); `members` is their number.
 */
export function decide(rules: DecisionRules, votes: readonly RollCallVote[]): DecisionCount {
  const members = votes.length;
  const n = (c: VoteChoice) => votes.filter((v) => v.choice === c).length;
  const votesFor = n('FOR');
  const votesAgainst = n('AGAINST');
  const abstentions = n('ABSTAIN');
  const absent = n('ABSENT');
  const present = votesFor + votesAgainst + abstentions;
  const base = rules.base === 'PRESENT' ? present : members;
  const quorumNeeded = members > 0 ? ceilDiv(members * rules.quorum.numerator, rules.quorum.denominator) : 1;
  const forNeeded = rules.majority === 'SIMPLE' ? Math.floor(base / 2) + 1 : Math.max(1, ceilDiv(base * rules.qualified.numerator, rules.qualified.denominator));
  const common = { members, present, votesFor, votesAgainst, abstentions, absent, quorumNeeded, forNeeded, base };
  if (!quorumMet(present, members, rules.quorum)) return { ...common, outcome: 'NO_QUORUM', tie: false, tieSettledBy: null };
  if (rules.majority === 'QUALIFIED') {
    const adopted = votesFor > 0 && votesFor * rules.qualified.denominator >= base * rules.qualified.numerator;
    return { ...common, outcome: adopted ? 'ADOPTED' : 'REJECTED', tie: false, tieSettledBy: null };
  }
  if (votesFor * 2 > base) return { ...common, outcome: 'ADOPTED', tie: false, tieSettledBy: null };
  if (votesFor * 2 < base || base === 0) return { ...common, outcome: 'REJECTED', tie: false, tieSettledBy: null };
  if (rules.tie === 'FAILS') return { ...common, outcome: 'REJECTED', tie: true, tieSettledBy: 'FAILS' };
  const chairFor = votes.some((v) => v.isChair && v.choice === 'FOR');
  return { ...common, outcome: chairFor ? 'ADOPTED' : 'REJECTED', tie: true, tieSettledBy: chairFor ? 'CHAIR_FOR' : 'CHAIR_NOT_FOR' };
}
