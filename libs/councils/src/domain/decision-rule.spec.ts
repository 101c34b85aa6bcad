import { decide, DecisionRules, quorumMet, RollCallVote, VoteChoice } from './decision-rule';

const SIMPLE_PRESENT: DecisionRules = { quorum: { numerator: 1, denominator: 2 }, majority: 'SIMPLE', qualified: { numerator: 2, denominator: 3 }, base: 'PRESENT', tie: 'FAILS' };
/** Votes in order; the first member is the chair. */
const roll = (...choices: VoteChoice[]): RollCallVote[] => choices.map((choice, i) => ({ memberId: `m${i}`, choice, isChair: i === 0 }));

describe('quorum', () => {
  it('is a fraction of the current members, reached exactly at the threshold', () => {
    expect(quorumMet(3, 6, { numerator: 1, denominator: 2 })).toBe(true);
    expect(quorumMet(2, 6, { numerator: 1, denominator: 2 })).toBe(false);
    expect(quorumMet(4, 6, { numerator: 2, denominator: 3 })).toBe(true);
    expect(quorumMet(3, 5, { numerator: 2, denominator: 3 })).toBe(false); // 3/5 < 2/3
    expect(quorumMet(0, 0, { numerator: 1, denominator: 2 })).toBe(false); // a body without members never has a quorum
  });

  it('counts abstentions as present and absent members as not', () => {
    const d = decide(SIMPLE_PRESENT, roll('FOR', 'ABSTAIN', 'ABSENT', 'ABSENT', 'ABSENT'));
    expect(d).toMatchObject({ outcome: 'NO_QUORUM', present: 2, members: 5, quorumNeeded: 3, absent: 3 });
    expect(decide(SIMPLE_PRESENT, roll('FOR', 'ABSTAIN', 'ABSTAIN', 'ABSENT', 'ABSENT')).outcome).not.toBe('NO_QUORUM');
  });
});

describe('simple majority of those present', () => {
  it('adopts with more FOR than half of those present', () => {
    expect(decide(SIMPLE_PRESENT, roll('FOR', 'FOR', 'AGAINST', 'ABSENT'))).toMatchObject({ outcome: 'ADOPTED', votesFor: 2, votesAgainst: 1, base: 3, forNeeded: 2 });
  });
  it('counts an abstention against (it is part of the base)', () => {
    expect(decide(SIMPLE_PRESENT, roll('FOR', 'FOR', 'AGAINST', 'ABSTAIN', 'ABSTAIN')).outcome).toBe('REJECTED');
  });
  it('ties (FOR exactly half) fail under FAILS', () => {
    expect(decide(SIMPLE_PRESENT, roll('FOR', 'FOR', 'AGAINST', 'AGAINST'))).toMatchObject({ outcome: 'REJECTED', tie: true, tieSettledBy: 'FAILS' });
  });
  it('a tie with an abstention present also counts as a tie', () => {
    expect(decide(SIMPLE_PRESENT, roll('FOR', 'AGAINST', 'ABSTAIN', 'FOR'))).toMatchObject({ tie: true, outcome: 'REJECTED', base: 4 });
  });
  it('ties go to the chair under CHAIR_DECIDES', () => {
    const rules: DecisionRules = { ...SIMPLE_PRESENT, tie: 'CHAIR_DECIDES' };
    expect(decide(rules, roll('FOR', 'FOR', 'AGAINST', 'AGAINST'))).toMatchObject({ outcome: 'ADOPTED', tie: true, tieSettledBy: 'CHAIR_FOR' });
    expect(decide(rules, roll('AGAINST', 'FOR', 'FOR', 'AGAINST'))).toMatchObject({ outcome: 'REJECTED', tieSettledBy: 'CHAIR_NOT_FOR' });
    // FOR = AGAINST while the chair abstains is no tie (the abstention is in the base): it fails, the chair decides nothing.
    expect(decide(rules, roll('ABSTAIN', 'FOR', 'AGAINST', 'ABSENT'))).toMatchObject({ outcome: 'REJECTED', tie: false });
    expect(decide(rules, roll('ABSTAIN', 'FOR', 'FOR', 'AGAINST', 'AGAINST', 'ABSTAIN'))).toMatchObject({ outcome: 'REJECTED', tie: false });
    // The chair absent: nobody can break the tie.
    expect(decide(rules, roll('ABSENT', 'FOR', 'AGAINST', 'FOR', 'AGAINST'))).toMatchObject({ outcome: 'REJECTED', tie: true, tieSettledBy: 'CHAIR_NOT_FOR' });
  });
});

describe('simple majority of all members', () => {
  const rules: DecisionRules = { ...SIMPLE_PRESENT, base: 'ALL_MEMBERS' };
  it('needs more than half of all members, so absent members count against', () => {
    // 3 FOR of 4 present would pass of the present, but 7 members need 4.
    expect(decide(rules, roll('FOR', 'FOR', 'FOR', 'AGAINST', 'ABSENT', 'ABSENT', 'ABSENT'))).toMatchObject({ outcome: 'REJECTED', base: 7, forNeeded: 4 });
    expect(decide(SIMPLE_PRESENT, roll('FOR', 'FOR', 'FOR', 'AGAINST', 'ABSENT', 'ABSENT', 'ABSENT')).outcome).toBe('ADOPTED');
    expect(decide(rules, roll('FOR', 'FOR', 'FOR', 'FOR', 'ABSENT', 'ABSENT', 'ABSENT')).outcome).toBe('ADOPTED');
  });
  it('a tie of all members', () => {
    expect(decide(rules, roll('FOR', 'FOR', 'FOR', 'ABSENT', 'ABSENT', 'AGAINST'))).toMatchObject({ tie: true, outcome: 'REJECTED' });
  });
});

describe('qualified majority', () => {
  const twoThirds: DecisionRules = { ...SIMPLE_PRESENT, majority: 'QUALIFIED', qualified: { numerator: 2, denominator: 3 } };
  it('adopts at exactly the fraction, without a tie', () => {
    expect(decide(twoThirds, roll('FOR', 'FOR', 'AGAINST'))).toMatchObject({ outcome: 'ADOPTED', tie: false, forNeeded: 2 });
    expect(decide(twoThirds, roll('FOR', 'FOR', 'FOR', 'AGAINST', 'AGAINST'))).toMatchObject({ outcome: 'REJECTED', forNeeded: 4 }); // 3/5 < 2/3
  });
  it('of all members', () => {
    const all: DecisionRules = { ...twoThirds, base: 'ALL_MEMBERS' };
    expect(decide(all, roll('FOR', 'FOR', 'FOR', 'FOR', 'ABSENT', 'ABSENT'))).toMatchObject({ outcome: 'ADOPTED', forNeeded: 4 });
    expect(decide(all, roll('FOR', 'FOR', 'FOR', 'ABSTAIN', 'ABSENT', 'ABSENT'))).toMatchObject({ outcome: 'REJECTED', forNeeded: 4 });
  });
  it('three quarters ignore the tie rule', () => {
    const q: DecisionRules = { ...twoThirds, qualified: { numerator: 3, denominator: 4 }, tie: 'CHAIR_DECIDES' };
    expect(decide(q, roll('FOR', 'FOR', 'AGAINST', 'AGAINST')).outcome).toBe('REJECTED');
    expect(decide(q, roll('FOR', 'FOR', 'FOR', 'AGAINST')).outcome).toBe('ADOPTED');
  });
});

it('every combination of four members: the outcome follows the counts', () => {
  const choices: VoteChoice[] = ['FOR', 'AGAINST', 'ABSTAIN', 'ABSENT'];
  for (let code = 0; code < 256; code++) {
    const votes = roll(...[0, 1, 2, 3].map((i) => choices[(code >> (2 * i)) & 3]));
    const d = decide(SIMPLE_PRESENT, votes);
    expect(d.votesFor + d.votesAgainst + d.abstentions + d.absent).toBe(4);
    if (d.present < 2) expect(d.outcome).toBe('NO_QUORUM');
    else expect(d.outcome).toBe(d.votesFor * 2 > d.present ? 'ADOPTED' : 'REJECTED');
  }
});
