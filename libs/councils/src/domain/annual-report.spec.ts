import { buildAnnualReport, ReportSource } from './annual-report';

const src = (over: Partial<ReportSource> = {}): ReportSource => ({
  body: { id: 'b', name: { ky: 'Топ', ru: 'Группа' }, kind: 'BUDGET_GROUP', customLabel: null, country: 'KG', stateBodyName: null },
  memberships: [],
  meetings: [],
  decisions: [],
  recommendations: [],
  items: [],
  ...over,
});

describe('buildAnnualReport', () => {
  it('a past year ends on 31 December; a term ending after today has not "left" yet', () => {
    const memberships: ReportSource['memberships'] = [
      { id: '1', fullName: 'А', role: 'CHAIR', termFrom: '2024-01-01', termTo: null, endReason: null },
      { id: '2', fullName: 'Б', role: 'MEMBER', termFrom: '2025-03-01', termTo: '2025-12-31', endReason: 'срок' },
      { id: '3', fullName: 'В', role: 'MEMBER', termFrom: '2025-05-01', termTo: '2025-06-30', endReason: null },
    ];
    const past = buildAnnualReport(src({ memberships }), 2025, 'ru', '2026-02-01');
    expect(past.members.atEnd.map((m) => m.fullName)).toEqual(['А', 'Б']);
    expect(past.members.joined.map((m) => m.fullName)).toEqual(['Б', 'В']);
    expect(past.members.left.map((m) => m.fullName)).toEqual(['Б', 'В']);
    // Seen on 1 October 2025: Б is still sitting (ends 31 December), В has left.
    const during = buildAnnualReport(src({ memberships }), 2025, 'ru', '2025-10-01');
    expect(during.members.atEnd.map((m) => m.fullName)).toEqual(['А', 'Б']);
    expect(during.members.left.map((m) => m.fullName)).toEqual(['В']);
    expect(during.body.name).toBe('Группа');
  });

  it('attendance: the register, else the roll call, else unknown; the rate over held meetings only', () => {
    const m = (id: string, status: 'HELD' | 'SCHEDULED', members: number, registered: number, present: number, rollCallPresent: number) => ({ id, title: id, status, access: 'OPEN' as const, date: '2025-05-01', members, registered, present, rollCallPresent });
    const r = buildAnnualReport(src({ meetings: [m('a', 'HELD', 5, 5, 3, 4), m('b', 'HELD', 4, 0, 0, 4), m('c', 'HELD', 5, 0, 0, 0), m('d', 'SCHEDULED', 5, 0, 0, 0)] }), 2025, 'ky', '2026-01-10');
    expect(r.meetings.list.map((x) => [x.present, x.attendanceFrom])).toEqual([[3, 'REGISTER'], [4, 'ROLL_CALL'], [null, 'NONE'], [null, 'NONE']]);
    // (3 + 4) / (5 + 4) = 77.8 %; c has no attendance, d was not held.
    expect(r.meetings).toMatchObject({ held: 3, scheduled: 1, attendanceRate: 77.8 });
  });

  it('recommendations by addressee and plans by status; an empty plan is listed with no items', () => {
    const rec = (id: string, addresseeId: string, status: ReportSource['recommendations'][number]['status']) => ({ id, addresseeId, addresseeName: { ru: addresseeId }, status });
    const r = buildAnnualReport(
      src({
        recommendations: [rec('1', 'X', 'SENT'), rec('2', 'X', 'OVERDUE'), rec('3', 'Y', 'IMPLEMENTED'), rec('4', 'X', 'ACCEPTED')],
        items: [
          { planId: 'p', planTitle: 'П', id: 'i1', status: 'PLANNED', deadline: '2025-03-01' },
          { planId: 'p', planTitle: 'П', id: 'i2', status: 'DONE', deadline: '2025-03-01' },
          { planId: 'p', planTitle: 'П', id: 'i3', status: 'IN_PROGRESS', deadline: '2026-03-01' },
          { planId: 'q', planTitle: 'Q', id: null, status: null, deadline: null },
        ],
      }),
      2025,
      'ru',
      '2026-01-10',
    );
    expect(r.recommendations.byStatus).toMatchObject({ SENT: 1, OVERDUE: 1, ACCEPTED: 1, IMPLEMENTED: 1, REJECTED: 0 });
    expect(r.recommendations.byAddressee.map((a) => [a.addressee, a.total, a.SENT, a.OVERDUE, a.ACCEPTED, a.IMPLEMENTED])).toEqual([['X', 3, 1, 1, 1, 0], ['Y', 1, 0, 0, 0, 1]]);
    expect(r.actionPlans).toEqual([
      { id: 'p', title: 'П', items: 3, overdue: 1, PLANNED: 1, IN_PROGRESS: 1, DONE: 1, CANCELLED: 0 },
      { id: 'q', title: 'Q', items: 0, overdue: 0, PLANNED: 0, IN_PROGRESS: 0, DONE: 0, CANCELLED: 0 },
    ]);
  });
});
