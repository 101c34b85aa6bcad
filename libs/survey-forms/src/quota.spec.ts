import { ageGroupOf, cellState, overlappingAgeGroups } from './quota';

const groups = [{ key: '15-29', min: 15, max: 29 }, { key: '30-49', min: 30, max: 49 }];
const quotas = [{ villageKey: 'ak', gender: 'FEMALE' as const, ageGroup: '15-29', target: 2 }];

describe('quota arithmetic', () => {
  it('an age falls in one group; overlapping groups are detected', () => {
    expect(ageGroupOf(groups, 29)?.key).toBe('15-29');
    expect(ageGroupOf(groups, 30)?.key).toBe('30-49');
    expect(ageGroupOf(groups, 50)).toBeNull();
    expect(overlappingAgeGroups(groups)).toBe(false);
    expect(overlappingAgeGroups([...groups, { key: 'x', min: 49, max: 60 }])).toBe(true);
  });

  it('a cell is full at its target, counting what the phone still holds; a cell without quota has no limit', () => {
    const cell = { villageKey: 'ak', gender: 'FEMALE', ageGroup: '15-29' };
    expect(cellState(quotas, [], cell)).toEqual({ limited: true, target: 2, done: 0, remaining: 2, full: false });
    expect(cellState(quotas, [{ ...cell, gender: 'FEMALE', done: 1 }], cell, 0)).toMatchObject({ remaining: 1, full: false });
    expect(cellState(quotas, [{ ...cell, gender: 'FEMALE', done: 1 }], cell, 1)).toMatchObject({ remaining: 0, full: true });
    expect(cellState(quotas, [], { ...cell, gender: 'MALE' })).toEqual({ limited: false });
  });
});
