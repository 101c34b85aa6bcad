import { executionByLine, executionTotals } from '../execution';
import { VersionStatus } from '../types';
import { flaggedVersionOf, isPublicStatus, openVersionOf, publicVersionOf, visibleVersions } from '../workflow';

const v = (number: number, status: VersionStatus) => ({ number, status });

describe('which version is public (one rule for every server place)', () => {
  it('is the latest published or approved version; a superseded one is readable but never current', () => {
    expect(publicVersionOf([v(1, 'SUPERSEDED'), v(2, 'APPROVED'), v(3, 'DRAFT')])).toEqual(v(2, 'APPROVED'));
    expect(publicVersionOf([v(1, 'APPROVED'), v(2, 'PUBLISHED')])).toEqual(v(2, 'PUBLISHED'));
    expect(publicVersionOf([v(1, 'SUPERSEDED')])).toBeNull();
    expect(publicVersionOf([v(1, 'DRAFT'), v(2, 'SUBMITTED')])).toBeNull();
    expect(publicVersionOf([])).toBeNull();
    expect(isPublicStatus('SUPERSEDED')).toBe(true);
    expect(isPublicStatus('SUBMITTED')).toBe(false);
  });

  it('lists drafts and submitted versions only to the budget group', () => {
    const all = [v(1, 'APPROVED'), v(2, 'SUPERSEDED'), v(3, 'SUBMITTED')];
    expect(visibleVersions(all, true)).toEqual(all);
    expect(visibleVersions(all, false)).toEqual([v(1, 'APPROVED'), v(2, 'SUPERSEDED')]);
    expect(openVersionOf(all)).toEqual(v(3, 'SUBMITTED'));
    expect(openVersionOf([v(1, 'APPROVED')])).toBeNull();
  });

  it('flags the public version, else the newest one', () => {
    expect(flaggedVersionOf([v(1, 'APPROVED'), v(2, 'DRAFT')])).toEqual(v(1, 'APPROVED'));
    expect(flaggedVersionOf([v(1, 'DRAFT')])).toEqual(v(1, 'DRAFT'));
    expect(flaggedVersionOf([])).toBeNull();
  });
});

describe('execution totals (pure arithmetic, off the database service)', () => {
  it('sums plan and actual per side, with percentages and per-resident figures', () => {
    const lines = [
      { lineKey: 'r', direction: 'REVENUE' as const, amount: 100_00n },
      { lineKey: 'e', direction: 'EXPENDITURE' as const, amount: 80_00n },
    ];
    const exec = executionByLine(lines, [{ lineKey: 'r', month: 1, amount: 50_00n }, { lineKey: 'e', month: 2, amount: 20_00n }, { lineKey: 'e', month: 3, amount: 20_00n }]);
    expect(exec.get('e')!.actual).toBe(40_00n);
    expect(executionTotals(lines, exec, 3)).toEqual({
      revenue: 100_00n,
      expenditure: 80_00n,
      balance: 20_00n,
      revenueActual: 50_00n,
      expenditureActual: 40_00n,
      revenuePercent: 50,
      expenditurePercent: 50,
      revenuePerResident: 3333n,
      expenditurePerResident: 2667n,
    });
    expect(executionTotals(lines, new Map(), null)).toMatchObject({ revenueActual: 0n, revenuePercent: 0, revenuePerResident: null });
  });
});
