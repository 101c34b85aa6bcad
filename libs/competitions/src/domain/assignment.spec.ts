import { assignReviewers, conflictKey } from './assignment';

const apps = (n: number, direction = 'youth') => Array.from({ length: n }, (_, i) => ({ id: `a${String(i).padStart(2, '0')}`, direction }));

describe('assignment of reviewers', () => {
  it('balances load within one when every expert may review everything', () => {
    const experts = ['e1', 'e2', 'e3', 'e4'].map((id) => ({ id, directions: null }));
    const r = assignReviewers(apps(10), experts, new Set(), 3);
    expect(r.pairs).toHaveLength(30);
    expect(r.short).toEqual([]);
    const loads = Object.values(r.load);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    for (const a of apps(10)) expect(new Set(r.pairs.filter((p) => p.applicationId === a.id).map((p) => p.expertId)).size).toBe(3);
  });

  it('never assigns a conflicted expert, and keeps balance among the rest', () => {
    const experts = ['e1', 'e2', 'e3'].map((id) => ({ id, directions: null }));
    const conflicts = new Set([conflictKey('a00', 'e1'), conflictKey('a01', 'e1')]);
    const r = assignReviewers(apps(6), experts, conflicts, 2);
    expect(r.pairs.some((p) => conflicts.has(conflictKey(p.applicationId, p.expertId)))).toBe(false);
    expect(r.pairs).toHaveLength(12);
    expect(r.load).toEqual({ e1: 4, e2: 4, e3: 4 });
  });

  it('respects directions and reports applications left short', () => {
    const experts = [
      { id: 'eco', directions: ['ecology'] },
      { id: 'youth1', directions: ['youth'] },
      { id: 'any', directions: [] },
    ];
    const r = assignReviewers([...apps(2, 'youth'), { id: 'b0', direction: 'ecology' }, { id: 'c0', direction: 'health' }], experts, new Set(), 2);
    expect(r.pairs.filter((p) => p.expertId === 'eco').map((p) => p.applicationId)).toEqual(['b0']);
    expect(r.pairs.filter((p) => p.expertId === 'youth1').map((p) => p.applicationId).sort()).toEqual(['a00', 'a01']);
    expect(r.short).toEqual([{ applicationId: 'c0', missing: 1 }]);
  });

  it('keeps existing pairs and counts them in the load', () => {
    const experts = ['e1', 'e2'].map((id) => ({ id, directions: null }));
    const r = assignReviewers(apps(2), experts, new Set(), 1, [{ applicationId: 'a00', expertId: 'e1' }]);
    expect(r.pairs).toEqual([{ applicationId: 'a01', expertId: 'e2' }]);
    expect(r.load).toEqual({ e1: 1, e2: 1 });
  });
});
