import { Locale, LocalizedText, pickLocalized } from '@ashar/i18n';
import { actionItemOverdue, ActionItemStatus } from './action-items';

type Role = 'CHAIR' | 'DEPUTY' | 'SECRETARY' | 'MEMBER';
type RecStatus = 'SENT' | 'OVERDUE' | 'ANSWERED' | 'ACCEPTED' | 'PARTLY_ACCEPTED' | 'REJECTED' | 'IMPLEMENTED';

/** The rows the report counts (repositories/annual-report.queries.ts reads them, public view only). */
export interface ReportSource {
  body: { id: string; name: LocalizedText; kind: string; customLabel: string | null; country: string; stateBodyName: LocalizedText | null };
  memberships: Array<{ id: string; fullName: string; role: Role; termFrom: string; termTo: string | null; endReason: string | null }>;
  meetings: Array<{ id: string; title: string; status: 'SCHEDULED' | 'HELD'; access: 'OPEN' | 'CLOSED'; date: string; members: number; registered: number; present: number; rollCallPresent: number }>;
  decisions: Array<{ id: string; decidedOn: string; text: string; outcome: 'ADOPTED' | 'REJECTED'; votesFor: number; votesAgainst: number; abstentions: number; absent: number; itemTitle: string }>;
  recommendations: Array<{ id: string; addresseeId: string; addresseeName: LocalizedText; status: RecStatus }>;
  /** One row per item (plan columns repeated); a plan without items has one row with null item fields. */
  items: Array<{ planId: string; planTitle: string; id: string | null; status: ActionItemStatus | null; deadline: string | null }>;
}

const REC_STATES: readonly RecStatus[] = ['SENT', 'OVERDUE', 'ANSWERED', 'ACCEPTED', 'PARTLY_ACCEPTED', 'REJECTED', 'IMPLEMENTED'];
const ITEM_STATES: readonly ActionItemStatus[] = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'];

/** The annual report's figures: the same object is the open-data JSON and what the PDF prints. */
export interface AnnualReport {
  format: 'ashar.council-annual-report/1';
  body: { id: string; name: string; kind: string; customLabel: string | null; country: string; stateBody: string | null };
  year: number;
  language: Locale;
  /** The day the figures were read (action-item status and overdue flags are as of this day). */
  asOf: string;
  members: {
    /** Terms that include 31 December (or today, for the current year). */
    atEnd: Array<{ fullName: string; role: Role; termFrom: string; termTo: string | null }>;
    joined: Array<{ fullName: string; role: Role; termFrom: string }>;
    left: Array<{ fullName: string; role: Role; termTo: string; reason: string | null }>;
  };
  meetings: {
    held: number;
    scheduled: number;
    /** Attendance per held meeting: the register's present count, or (no register) the most members who voted on one item. */
    list: Array<{ id: string; title: string; date: string; status: 'SCHEDULED' | 'HELD'; access: 'OPEN' | 'CLOSED'; members: number; present: number | null; attendanceFrom: 'REGISTER' | 'ROLL_CALL' | 'NONE' }>;
    /** Sum of present over sum of members, of held meetings with a known attendance, in percent (one decimal); null without any. */
    attendanceRate: number | null;
  };
  decisions: {
    total: number;
    adopted: number;
    rejected: number;
    list: Array<{ id: string; decidedOn: string; item: string; text: string; outcome: 'ADOPTED' | 'REJECTED'; for: number; against: number; abstain: number; absent: number }>;
  };
  recommendations: {
    total: number;
    byStatus: Record<RecStatus, number>;
    byAddressee: Array<{ addresseeId: string; addressee: string; total: number } & Record<RecStatus, number>>;
  };
  actionPlans: Array<{ id: string; title: string; items: number; overdue: number } & Record<ActionItemStatus, number>>;
}

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Counts the year from the rows (pure: the tests compare it with hand counts and the database). */
export function buildAnnualReport(src: ReportSource, year: number, language: Locale, today: string): AnnualReport {
  const yearEnd = `${year}-12-31`;
  const endDay = today < yearEnd ? today : yearEnd;
  const from = `${year}-01-01`;
  const ms = src.memberships;
  const held = src.meetings.filter((m) => m.status === 'HELD');
  const list = src.meetings.map((m) => {
    const attendanceFrom: 'REGISTER' | 'ROLL_CALL' | 'NONE' = m.registered > 0 ? 'REGISTER' : m.rollCallPresent > 0 ? 'ROLL_CALL' : 'NONE';
    return { id: m.id, title: m.title, date: m.date, status: m.status, access: m.access, members: m.members, present: attendanceFrom === 'REGISTER' ? m.present : attendanceFrom === 'ROLL_CALL' ? m.rollCallPresent : null, attendanceFrom };
  });
  const known = list.filter((m) => m.status === 'HELD' && m.present !== null);
  const seats = known.reduce((s, m) => s + m.members, 0);
  const attendanceRate = seats ? Math.round((known.reduce((s, m) => s + (m.present ?? 0), 0) / seats) * 1000) / 10 : null;

  const byAddressee = new Map<string, AnnualReport['recommendations']['byAddressee'][number]>();
  const byStatus = zero(REC_STATES);
  for (const r of src.recommendations) {
    byStatus[r.status]++;
    const row = byAddressee.get(r.addresseeId) ?? { addresseeId: r.addresseeId, addressee: pickLocalized(r.addresseeName, language), total: 0, ...zero(REC_STATES) };
    row.total++;
    row[r.status]++;
    byAddressee.set(r.addresseeId, row);
  }

  const plans = new Map<string, AnnualReport['actionPlans'][number]>();
  for (const i of src.items) {
    const p = plans.get(i.planId) ?? { id: i.planId, title: i.planTitle, items: 0, overdue: 0, ...zero(ITEM_STATES) };
    if (i.id && i.status && i.deadline) {
      p.items++;
      p[i.status]++;
      if (actionItemOverdue(i.status, i.deadline, today)) p.overdue++;
    }
    plans.set(i.planId, p);
  }

  return {
    format: 'ashar.council-annual-report/1',
    body: { id: src.body.id, name: pickLocalized(src.body.name, language), kind: src.body.kind, customLabel: src.body.customLabel, country: src.body.country, stateBody: src.body.stateBodyName ? pickLocalized(src.body.stateBodyName, language) : null },
    year,
    language,
    asOf: today,
    members: {
      atEnd: ms.filter((m) => m.termFrom <= endDay && (!m.termTo || m.termTo >= endDay)).map((m) => ({ fullName: m.fullName, role: m.role, termFrom: m.termFrom, termTo: m.termTo })),
      joined: ms.filter((m) => m.termFrom >= from).map((m) => ({ fullName: m.fullName, role: m.role, termFrom: m.termFrom })),
      left: ms.filter((m) => m.termTo && m.termTo <= yearEnd && m.termTo < today).map((m) => ({ fullName: m.fullName, role: m.role, termTo: m.termTo!, reason: m.endReason })),
    },
    meetings: { held: held.length, scheduled: src.meetings.length - held.length, list, attendanceRate },
    decisions: {
      total: src.decisions.length,
      adopted: src.decisions.filter((d) => d.outcome === 'ADOPTED').length,
      rejected: src.decisions.filter((d) => d.outcome === 'REJECTED').length,
      list: src.decisions.map((d) => ({ id: d.id, decidedOn: d.decidedOn, item: d.itemTitle, text: d.text, outcome: d.outcome, for: d.votesFor, against: d.votesAgainst, abstain: d.abstentions, absent: d.absent })),
    },
    recommendations: { total: src.recommendations.length, byStatus, byAddressee: [...byAddressee.values()].sort((a, b) => b.total - a.total || a.addressee.localeCompare(b.addressee)) },
    actionPlans: [...plans.values()],
  };
}
