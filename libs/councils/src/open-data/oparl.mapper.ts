/**
 * A council body as OParl 1.1 objects (System, Body, Organization, Person, Membership, Meeting,
 * AgendaItem, Paper, Consultation, File, LegislativeTerm) and its roll calls as Popolo `VoteEvent`s
 * (OParl has no vote objects). Pure: plain rows in, JSON out; the public visibility rules are applied
 * by the caller before (a closed meeting's items are passed only once published).
 *
 * Mapping choices (OParl's model is a German municipal council's, ours is wider):
 * - each council body is an OParl `Body` (the unit that publishes) holding one `Organization`: the body
 *   itself as a group of people with memberships and meetings;
 * - a decision is the agenda item's `result` and `resolutionText`; a recommendation to a state body is a
 *   `Paper` (paperType "recommendation"), joined to the agenda item that adopted it by a `Consultation`;
 * - attached documents are `File`s (links: `accessUrl` is where the body published them);
 * - a person's email and phone appear only when they chose to publish them;
 * - times are RFC 3339 with the offset of the meeting's time zone; dates are YYYY-MM-DD.
 */

export const OPARL_VERSION = 'https://schema.oparl.org/1.1/';
const T = (type: string) => `https://schema.oparl.org/1.1/${type}`;

export interface OparlSource {
  /** Public origin of the platform, e.g. https://ashar.kg (ids are URLs under it). */
  baseUrl: string;
  body: {
    id: string;
    name: Record<string, string | null | undefined>;
    kind: string;
    kindLabel: string;
    mandate: string;
    country: string;
    regionCode: string | null;
    website: string | null;
    createdAt: Date;
    updatedAt: Date;
  };
  persons: Array<{ id: string; fullName: string; email: string | null; phone: string | null; contactsPublic: boolean; createdAt: Date; updatedAt: Date }>;
  memberships: Array<{ id: string; personId: string; role: string; termFrom: string; termTo: string | null; createdAt: Date; updatedAt: Date }>;
  meetings: Array<{
    id: string;
    title: string;
    startsAt: Date;
    endsAt: Date | null;
    timeZone: string;
    access: 'OPEN' | 'CLOSED';
    status: 'SCHEDULED' | 'HELD';
    place: string | null;
    onlineUrl: string | null;
    /** Membership ids marked present. */
    present: string[];
    createdAt: Date;
    updatedAt: Date;
  }>;
  agendaItems: Array<{
    id: string;
    meetingId: string;
    position: number;
    title: string;
    description: string;
    decision: { text: string; outcome: 'ADOPTED' | 'REJECTED'; decidedOn: string } | null;
    /** Roll call: membership id → choice. */
    votes: Array<{ membershipId: string; choice: 'FOR' | 'AGAINST' | 'ABSTAIN' | 'ABSENT' }>;
    createdAt: Date;
    updatedAt: Date;
  }>;
  recommendations: Array<{
    id: string;
    title: string;
    text: string;
    sentOn: string;
    deadline: string | null;
    status: string;
    addressee: string;
    /** The agenda item whose decision adopted it. */
    agendaItemId: string | null;
    createdAt: Date;
    updatedAt: Date;
  }>;
  documents: Array<{ id: string; ownerKind: 'MEETING' | 'AGENDA_ITEM' | 'RECOMMENDATION' | 'ACTION_ITEM'; ownerId: string; name: string; url: string; mimeType: string; createdAt: Date }>;
}

export type OparlObject = Record<string, unknown> & { id: string; type: string };

export interface PopoloVoteEvent {
  id: string;
  organization_id: string;
  motion: { id: string; text: string; date?: string };
  start_date: string;
  result: 'pass' | 'fail';
  counts: Array<{ option: 'yes' | 'no' | 'abstain' | 'absent'; value: number }>;
  votes: Array<{ voter_id: string; option: 'yes' | 'no' | 'abstain' | 'absent' }>;
}

export interface OparlExport {
  system: OparlObject;
  body: OparlObject;
  organization: OparlObject[];
  person: OparlObject[];
  membership: OparlObject[];
  meeting: OparlObject[];
  agendaItem: OparlObject[];
  paper: OparlObject[];
  consultation: OparlObject[];
  file: OparlObject[];
  legislativeTerm: OparlObject[];
  /** Popolo, beside OParl (which has no vote objects). */
  voteEvent: PopoloVoteEvent[];
}

export const OPARL_LISTS = ['organization', 'person', 'membership', 'meeting', 'agendaItem', 'paper', 'consultation', 'file', 'legislativeTerm'] as const;
export type OparlList = (typeof OPARL_LISTS)[number];

const ROLE: Record<string, string> = { CHAIR: 'chair', DEPUTY: 'deputy chair', SECRETARY: 'secretary', MEMBER: 'member' };
const OPTION = { FOR: 'yes', AGAINST: 'no', ABSTAIN: 'abstain', ABSENT: 'absent' } as const;

/** The API root under which every id resolves. */
export function oparlRoot(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/public/oparl/v1.1`;
}

export function oparlSystem(baseUrl: string, now: Date): OparlObject {
  const root = oparlRoot(baseUrl);
  return {
    id: `${root}/system`,
    type: T('System'),
    oparlVersion: OPARL_VERSION,
    body: `${root}/bodies`,
    name: 'Ashar',
    website: baseUrl,
    product: 'https://github.com/ashar-platform/ashar',
    license: 'https://creativecommons.org/licenses/by/4.0/',
    created: rfc3339(now, 'UTC'),
    modified: rfc3339(now, 'UTC'),
  };
}

/** A body's URL as the directory lists it (the bulk export and the single-object routes agree on it). */
export function oparlBodyUrl(baseUrl: string, bodyId: string): string {
  return `${oparlRoot(baseUrl)}/body/${bodyId}`;
}

export function toOparl(src: OparlSource, now: Date = new Date()): OparlExport {
  const root = oparlBodyUrl(src.baseUrl, src.body.id);
  const url = (kind: string, id: string) => `${root}/${kind}/${id}`;
  const orgUrl = url('organization', src.body.id);
  const personOf = new Map(src.memberships.map((m) => [m.id, m.personId]));
  const name = pickName(src.body.name);
  const meetingZone = new Map(src.meetings.map((m) => [m.id, m.timeZone]));
  const itemMeeting = new Map(src.agendaItems.map((a) => [a.id, a.meetingId]));

  const file = src.documents.map<OparlObject>((d) => ({
    id: url('file', d.id),
    type: T('File'),
    name: d.name,
    fileName: fileNameOf(d.url, d.name),
    mimeType: d.mimeType,
    accessUrl: d.url,
    ...(d.ownerKind === 'MEETING' ? { meeting: [url('meeting', d.ownerId)] } : {}),
    ...(d.ownerKind === 'AGENDA_ITEM' ? { agendaItem: [url('agendaItem', d.ownerId)] } : {}),
    ...(d.ownerKind === 'RECOMMENDATION' ? { paper: [url('paper', d.ownerId)] } : {}),
    created: rfc3339(d.createdAt, 'UTC'),
    modified: rfc3339(d.createdAt, 'UTC'),
  }));
  const filesOf = (kind: 'MEETING' | 'AGENDA_ITEM' | 'RECOMMENDATION', id: string) =>
    src.documents.filter((d) => d.ownerKind === kind && d.ownerId === id).map((d) => url('file', d.id));

  const consultation = src.recommendations
    .filter((r) => r.agendaItemId && itemMeeting.has(r.agendaItemId))
    .map<OparlObject>((r) => ({
      id: url('consultation', r.id),
      type: T('Consultation'),
      paper: url('paper', r.id),
      agendaItem: url('agendaItem', r.agendaItemId!),
      meeting: url('meeting', itemMeeting.get(r.agendaItemId!)!),
      organization: [orgUrl],
      authoritative: true,
      role: 'decision',
      created: rfc3339(r.createdAt, 'UTC'),
      modified: rfc3339(r.updatedAt, 'UTC'),
    }));

  const agendaItem = src.agendaItems.map<OparlObject>((a) => {
    const zone = meetingZone.get(a.meetingId) ?? 'UTC';
    const meeting = src.meetings.find((m) => m.id === a.meetingId);
    const consults = consultation.filter((c) => c.agendaItem === url('agendaItem', a.id)).map((c) => c.id);
    const aux = filesOf('AGENDA_ITEM', a.id);
    return {
      id: url('agendaItem', a.id),
      type: T('AgendaItem'),
      meeting: url('meeting', a.meetingId),
      number: String(a.position),
      order: a.position,
      name: a.title,
      public: meeting?.access !== 'CLOSED',
      ...(consults.length ? { consultation: consults[0] } : {}),
      ...(a.decision ? { result: a.decision.outcome === 'ADOPTED' ? 'adopted' : 'rejected', resolutionText: a.decision.text } : {}),
      ...(aux.length ? { auxiliaryFile: aux.map((id) => file.find((f) => f.id === id)!) } : {}),
      created: rfc3339(a.createdAt, zone),
      modified: rfc3339(a.updatedAt, zone),
    };
  });

  const meeting = src.meetings.map<OparlObject>((m) => {
    const items = agendaItem.filter((a) => a.meeting === url('meeting', m.id)).sort((x, y) => (x.order as number) - (y.order as number));
    const aux = filesOf('MEETING', m.id);
    const where = [m.place, m.onlineUrl].filter(Boolean).join(' · ');
    return {
      id: url('meeting', m.id),
      type: T('Meeting'),
      name: m.title,
      meetingState: m.status === 'HELD' ? 'held' : 'scheduled',
      cancelled: false,
      start: rfc3339(m.startsAt, m.timeZone),
      ...(m.endsAt ? { end: rfc3339(m.endsAt, m.timeZone) } : {}),
      ...(where ? { location: { id: url('location', m.id), type: T('Location'), description: where, created: rfc3339(m.createdAt, m.timeZone), modified: rfc3339(m.updatedAt, m.timeZone) } } : {}),
      organization: [orgUrl],
      participant: m.present.map((id) => personOf.get(id)).filter((p): p is string => !!p).map((p) => url('person', p)),
      agendaItem: items,
      ...(aux.length ? { auxiliaryFile: aux.map((id) => file.find((f) => f.id === id)!) } : {}),
      created: rfc3339(m.createdAt, m.timeZone),
      modified: rfc3339(m.updatedAt, m.timeZone),
    };
  });

  const membership = src.memberships.map<OparlObject>((m) => ({
    id: url('membership', m.id),
    type: T('Membership'),
    person: url('person', m.personId),
    organization: orgUrl,
    role: ROLE[m.role] ?? m.role.toLowerCase(),
    votingRight: true,
    startDate: m.termFrom,
    ...(m.termTo ? { endDate: m.termTo } : {}),
    created: rfc3339(m.createdAt, 'UTC'),
    modified: rfc3339(m.updatedAt, 'UTC'),
  }));

  const person = src.persons.map<OparlObject>((p) => ({
    id: url('person', p.id),
    type: T('Person'),
    body: root,
    name: p.fullName,
    ...(p.contactsPublic && p.email ? { email: [p.email] } : {}),
    ...(p.contactsPublic && p.phone ? { phone: [p.phone] } : {}),
    membership: membership.filter((m) => m.person === url('person', p.id)),
    created: rfc3339(p.createdAt, 'UTC'),
    modified: rfc3339(p.updatedAt, 'UTC'),
  }));

  const paper = src.recommendations.map<OparlObject>((r) => {
    const main = filesOf('RECOMMENDATION', r.id);
    return {
      id: url('paper', r.id),
      type: T('Paper'),
      body: root,
      name: r.title,
      reference: r.id.slice(0, 8),
      date: r.sentOn,
      paperType: 'recommendation',
      originatorOrganization: [orgUrl],
      ...(main.length ? { auxiliaryFile: main.map((id) => file.find((f) => f.id === id)!) } : {}),
      consultation: consultation.filter((c) => c.paper === url('paper', r.id)).map((c) => c as unknown),
      keyword: [r.status.toLowerCase(), `addressee: ${r.addressee}`, ...(r.deadline ? [`deadline: ${r.deadline}`] : [])],
      created: rfc3339(r.createdAt, 'UTC'),
      modified: rfc3339(r.updatedAt, 'UTC'),
    };
  });

  const organization: OparlObject[] = [
    {
      id: orgUrl,
      type: T('Organization'),
      body: root,
      name,
      membership: membership.map((m) => m.id),
      meeting: `${root}/meeting`,
      organizationType: src.body.kindLabel,
      classification: src.body.kind,
      ...(src.body.website ? { website: src.body.website } : {}),
      created: rfc3339(src.body.createdAt, 'UTC'),
      modified: rfc3339(src.body.updatedAt, 'UTC'),
    },
  ];

  const body: OparlObject = {
    id: root,
    type: T('Body'),
    system: oparlSystem(src.baseUrl, now).id,
    name,
    shortName: name.slice(0, 60),
    ...(src.body.website ? { website: src.body.website } : {}),
    license: 'https://creativecommons.org/licenses/by/4.0/',
    classification: src.body.kindLabel,
    keyword: [src.body.country, ...(src.body.regionCode ? [src.body.regionCode] : [])],
    organization: `${root}/organization`,
    person: `${root}/person`,
    meeting: `${root}/meeting`,
    paper: `${root}/paper`,
    legislativeTerm: [],
    agendaItem: `${root}/agendaItem`,
    consultation: `${root}/consultation`,
    file: `${root}/file`,
    membership: `${root}/membership`,
    legislativeTermList: `${root}/legislativeTerm`,
    created: rfc3339(src.body.createdAt, 'UTC'),
    modified: rfc3339(src.body.updatedAt, 'UTC'),
  };

  const voteEvent = src.agendaItems
    .filter((a) => a.decision)
    .map<PopoloVoteEvent>((a) => {
      const votes = a.votes.map((v) => ({ voter_id: url('person', personOf.get(v.membershipId) ?? v.membershipId), option: OPTION[v.choice] }));
      const countOf = (o: PopoloVoteEvent['counts'][number]['option']) => votes.filter((v) => v.option === o).length;
      return {
        id: `${url('agendaItem', a.id)}#vote`,
        organization_id: orgUrl,
        motion: { id: url('agendaItem', a.id), text: a.title, date: a.decision!.decidedOn },
        start_date: rfc3339(src.meetings.find((m) => m.id === a.meetingId)?.startsAt ?? a.createdAt, meetingZone.get(a.meetingId) ?? 'UTC'),
        result: a.decision!.outcome === 'ADOPTED' ? 'pass' : 'fail',
        counts: (['yes', 'no', 'abstain', 'absent'] as const).map((option) => ({ option, value: countOf(option) })),
        votes,
      };
    });

  return { system: oparlSystem(src.baseUrl, now), body, organization, person, membership, meeting, agendaItem, paper, consultation, file, legislativeTerm: [], voteEvent };
}

/** An OParl list page (the whole list on one page: a body's lists are small). */
export function oparlList(items: OparlObject[], selfUrl: string): { data: OparlObject[]; pagination: Record<string, number>; links: Record<string, string> } {
  return { data: items, pagination: { totalElements: items.length, elementsPerPage: Math.max(items.length, 1), currentPage: 1, totalPages: 1 }, links: { first: selfUrl, last: selfUrl } };
}

/** RFC 3339 with the zone's offset at that instant, e.g. 2026-11-10T15:00:00+06:00. */
export function rfc3339(d: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset' })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : String(parts.timeZoneName).replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

function pickName(n: Record<string, string | null | undefined>): string {
  return n.ky || n.ru || n.kk || n.en || Object.values(n).find(Boolean) || '';
}

function fileNameOf(url: string, fallback: string): string {
  try {
    const last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    return last || fallback;
  } catch {
    return fallback;
  }
}
