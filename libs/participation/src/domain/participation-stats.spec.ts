import { ageGroup, participationStats, VoterFacts } from './participation-stats';

const voter = (village: string | null, gender: VoterFacts['gender'], birthYear: number | null): VoterFacts => ({ villageUnitId: village, gender, birthYear });
const many = (n: number, f: () => VoterFacts) => Array.from({ length: n }, f);

describe('participation statistics', () => {
  it('counts voters per village, gender and age group', () => {
    const s = participationStats([...many(12, () => voter('v1', 'FEMALE', 1990)), ...many(8, () => voter('v2', 'MALE', 1960))], 2027);
    expect(s.voters).toBe(20);
    expect(s.byVillage).toEqual([{ key: 'v1', count: 12 }, { key: 'v2', count: 8 }]);
    expect(s.byGender).toEqual([{ key: 'FEMALE', count: 12 }, { key: 'MALE', count: 8 }]);
    expect(s.byAgeGroup).toEqual([{ key: '30-44', count: 12 }, { key: '60+', count: 8 }]);
  });

  it('hides cells under 5 people, and one more when a single hidden cell could be had by subtraction', () => {
    const s = participationStats([...many(20, () => voter('v1', 'FEMALE', 1990)), ...many(9, () => voter('v2', 'MALE', 1990)), ...many(3, () => voter('v3', 'MALE', 1990))], 2027);
    // v3 (3 people) hidden; v2, the next smallest, hidden too: 32 − 20 would otherwise give v3 away.
    expect(s.byVillage).toEqual([{ key: 'v1', count: 20 }, { key: 'v2', count: null }, { key: 'v3', count: null }]);
    const two = participationStats([...many(20, () => voter('v1', null, null)), ...many(2, () => voter('v2', null, null)), ...many(3, () => voter('v3', null, null))], 2027);
    expect(two.byVillage).toEqual([{ key: 'v1', count: 20 }, { key: 'v2', count: null }, { key: 'v3', count: null }]);
    expect(two.byGender).toEqual([{ key: 'UNKNOWN', count: 25 }]);
  });

  it('puts a missing or impossible birth year under UNKNOWN', () => {
    expect(ageGroup(null, 2027)).toBe('UNKNOWN');
    expect(ageGroup(2020, 2027)).toBe('UNKNOWN');
    expect(ageGroup(2010, 2027)).toBe('14-17');
    expect(ageGroup(1967, 2027)).toBe('60+');
  });
});
