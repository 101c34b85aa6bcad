import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { oparlValidator } from '../__tests__/oparl-validator';
import { OparlSource, rfc3339, toOparl } from './oparl.mapper';

const SHARED = process.env.ASHAR_SHARED_DIR ? path.resolve(process.env.ASHAR_SHARED_DIR) : path.resolve(__dirname, '../../../..', '../shared');
const OPARL = path.join(SHARED, 'data', 'oparl-1.1');
const check = oparlValidator(path.join(OPARL, 'schema'));

const at = (iso: string) => new Date(iso);
const u = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function source(): OparlSource {
  const t = at('2026-10-01T04:00:00Z');
  return {
    baseUrl: 'https://ashar.example.kg/',
    body: { id: u(1), name: { ky: 'Ак-Дөбө айылдык бюджеттик тобу', ru: 'Бюджетная группа Ак-Добо' }, kind: 'BUDGET_GROUP', kindLabel: 'budget group', mandate: 'Бюджетти талкуулоо', country: 'KG', regionCode: '41707220840000', website: null, createdAt: t, updatedAt: t },
    persons: [
      { id: u(11), fullName: 'Айгүл Осмонова', email: 'aigul@example.kg', phone: '+996700100200', contactsPublic: true, createdAt: t, updatedAt: t },
      { id: u(12), fullName: 'Бакыт Садыков', email: 'bakyt@example.kg', phone: null, contactsPublic: false, createdAt: t, updatedAt: t },
      { id: u(13), fullName: 'Нурлан Асанов', email: null, phone: null, contactsPublic: false, createdAt: t, updatedAt: t },
    ],
    memberships: [
      { id: u(21), personId: u(11), role: 'CHAIR', termFrom: '2026-01-01', termTo: null, createdAt: t, updatedAt: t },
      { id: u(22), personId: u(12), role: 'SECRETARY', termFrom: '2026-01-01', termTo: null, createdAt: t, updatedAt: t },
      { id: u(23), personId: u(13), role: 'MEMBER', termFrom: '2026-01-01', termTo: '2026-12-31', createdAt: t, updatedAt: t },
    ],
    meetings: [
      { id: u(31), title: 'Кезектеги жыйын', startsAt: at('2026-11-10T03:00:00Z'), endsAt: at('2026-11-10T05:30:00Z'), timeZone: 'Asia/Bishkek', access: 'OPEN', status: 'HELD', place: 'Айыл өкмөтү, чоң зал', onlineUrl: null, present: [u(21), u(22)], createdAt: t, updatedAt: t },
      { id: u(32), title: 'Онлайн жыйын', startsAt: at('2026-12-01T09:00:00Z'), endsAt: null, timeZone: 'Asia/Almaty', access: 'OPEN', status: 'SCHEDULED', place: null, onlineUrl: 'https://meet.example.kg/ak-dobo', present: [], createdAt: t, updatedAt: t },
    ],
    agendaItems: [
      { id: u(41), meetingId: u(31), position: 1, title: 'Көпүрөнү оңдоо', description: 'Суу үстүндөгү көпүрө', decision: { text: 'Көпүрөнү 2027-жылы оңдоо сунушталат', outcome: 'ADOPTED', decidedOn: '2026-11-10' }, votes: [{ membershipId: u(21), choice: 'FOR' }, { membershipId: u(22), choice: 'FOR' }, { membershipId: u(23), choice: 'ABSENT' }], createdAt: t, updatedAt: t },
      { id: u(42), meetingId: u(31), position: 2, title: 'Жаңы жол', description: '', decision: { text: 'Четке кагылды', outcome: 'REJECTED', decidedOn: '2026-11-10' }, votes: [{ membershipId: u(21), choice: 'AGAINST' }, { membershipId: u(22), choice: 'ABSTAIN' }, { membershipId: u(23), choice: 'ABSENT' }], createdAt: t, updatedAt: t },
      { id: u(43), meetingId: u(32), position: 1, title: 'Бюджеттин аткарылышы', description: '', decision: null, votes: [], createdAt: t, updatedAt: t },
    ],
    recommendations: [{ id: u(51), title: 'Көпүрө боюнча сунуш', text: 'Көпүрөнү оңдоого каражат бөлүү', sentOn: '2026-11-11', deadline: '2026-12-11', status: 'SENT', addressee: 'Ак-Дөбө айыл өкмөтү', agendaItemId: u(41), createdAt: t, updatedAt: t }],
    documents: [
      { id: u(61), ownerKind: 'MEETING', ownerId: u(31), name: 'Протокол', url: 'https://files.example.kg/ak-dobo/protocol-10-11.pdf', mimeType: 'application/pdf', createdAt: t },
      { id: u(62), ownerKind: 'AGENDA_ITEM', ownerId: u(41), name: 'Смета', url: 'https://files.example.kg/ak-dobo/smeta.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', createdAt: t },
      { id: u(63), ownerKind: 'RECOMMENDATION', ownerId: u(51), name: 'Сунуш', url: 'https://files.example.kg/ak-dobo/recommendation.pdf', mimeType: 'application/pdf', createdAt: t },
    ],
  };
}

describe('OParl 1.1 export of a council body', () => {
  const out = toOparl(source(), at('2026-12-02T10:00:00Z'));

  it('writes every object type, each valid against the OParl 1.1 schema', () => {
    const objects = [out.system, out.body, ...out.organization, ...out.person, ...out.membership, ...out.meeting, ...out.agendaItem, ...out.paper, ...out.consultation, ...out.file];
    const types = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (v && typeof v === 'object') {
        const t = (v as { type?: unknown }).type;
        if (typeof t === 'string' && t.startsWith('https://schema.oparl.org/1.1/')) types.add(t.slice(29));
        Object.values(v).forEach(walk);
      }
    };
    walk(objects);
    expect([...types].sort()).toEqual(['AgendaItem', 'Body', 'Consultation', 'File', 'Location', 'Meeting', 'Membership', 'Organization', 'Paper', 'Person', 'System']);
    expect(check(objects)).toEqual([]);
  });

  it('the checker is not blind: a wrong type, a local time or a missing required field is refused', () => {
    expect(check({ ...out.meeting[0], start: '2026-11-10 09:00' }).join()).toMatch(/start/);
    const { order: _order, ...withoutOrder } = out.agendaItem[0];
    expect(check(withoutOrder).join()).toMatch(/order/);
    expect(check({ ...out.system, oparlVersion: undefined }).join()).toMatch(/oparlVersion/);
  });

  it('the specification’s own examples validate', () => {
    const dir = path.join(OPARL, 'examples');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    const read = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    for (const f of files) expect([f, check(read(f), { deep: false })]).toEqual([f, []]);
    // Checked deeply, the spec's meeting example embeds an agenda item without its required `order`: a
    // slip of the example, not of our export (which is checked deeply above).
    expect(check(read('Meeting-01.json'))).toEqual(["$.agendaItem[0] should have required property 'order'"]);
  });

  it('times carry the meeting zone’s offset; ids resolve under one root', () => {
    expect(out.meeting[0].start).toBe('2026-11-10T09:00:00+06:00');
    expect(out.meeting[1].start).toBe('2026-12-01T14:00:00+05:00');
    expect(out.body.id).toBe(`https://ashar.example.kg/api/public/oparl/v1.1/body/${u(1)}`);
    expect(out.system.body).toBe('https://ashar.example.kg/api/public/oparl/v1.1/bodies');
    expect(out.meeting[0].participant).toEqual([`${out.body.id}/person/${u(11)}`, `${out.body.id}/person/${u(12)}`]);
    expect((out.meeting[1].location as { description: string }).description).toBe('https://meet.example.kg/ak-dobo');
  });

  it('contacts only of people who chose to publish them', () => {
    expect(out.person[0]).toMatchObject({ email: ['aigul@example.kg'], phone: ['+996700100200'] });
    expect(out.person[1].email).toBeUndefined();
    expect(JSON.stringify(out)).not.toContain('bakyt@example.kg');
  });

  it('a decision is the agenda item’s result; the recommendation it adopted is a paper consulted there', () => {
    expect(out.agendaItem[0]).toMatchObject({ result: 'adopted', resolutionText: 'Көпүрөнү 2027-жылы оңдоо сунушталат', consultation: out.consultation[0].id });
    expect(out.consultation[0]).toMatchObject({ paper: out.paper[0].id, agendaItem: out.agendaItem[0].id, meeting: out.meeting[0].id });
    expect(out.paper[0]).toMatchObject({ paperType: 'recommendation', date: '2026-11-11' });
  });

  it('Popolo vote counts equal the individual votes', () => {
    expect(out.voteEvent).toHaveLength(2);
    for (const e of out.voteEvent) {
      for (const c of e.counts) expect(c.value).toBe(e.votes.filter((v) => v.option === c.option).length);
      expect(e.counts.reduce((s, c) => s + c.value, 0)).toBe(e.votes.length);
    }
    expect(out.voteEvent[0]).toMatchObject({ result: 'pass', counts: [{ option: 'yes', value: 2 }, { option: 'no', value: 0 }, { option: 'abstain', value: 0 }, { option: 'absent', value: 1 }] });
    expect(out.voteEvent[1].result).toBe('fail');
  });

  it('rfc3339 writes the offset of the zone at that instant', () => {
    expect(rfc3339(at('2026-01-15T00:00:00Z'), 'UTC')).toBe('2026-01-15T00:00:00+00:00');
    expect(rfc3339(at('2023-06-01T00:00:00Z'), 'Asia/Almaty')).toBe('2023-06-01T06:00:00+06:00'); // before Kazakhstan's 2024 change
  });
});
