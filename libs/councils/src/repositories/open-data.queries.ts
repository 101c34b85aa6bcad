import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OparlSource } from '../open-data/oparl.mapper';

type Rows<T> = Promise<T[]>;

const BODY_SQL = `SELECT b.id, b.name, b.kind, b.custom_label AS "customLabel", b.mandate, b.country, b.region_code AS "regionCode", s.website, b.created_at AS "createdAt", b.updated_at AS "updatedAt"
  FROM council_bodies b LEFT JOIN state_bodies s ON s.id = b.state_body_id`;
type BodyRow = Omit<OparlSource['body'], 'kindLabel'> & { customLabel: string | null };
const bodyOf = (b: BodyRow, kindLabel: (kind: string, custom: string | null) => string): OparlSource['body'] => ({
  id: b.id, name: b.name, kind: b.kind, kindLabel: kindLabel(b.kind, b.customLabel), mandate: b.mandate, country: b.country, regionCode: b.regionCode, website: b.website ?? null, createdAt: b.createdAt, updatedAt: b.updatedAt,
});

/**
 * The public view of one body for its open data (OParl/Popolo): what anyone may see of it. A CLOSED
 * meeting is listed (date, title, place) but its agenda, votes, decisions and documents come only once
 * it is published; recommendations only when their adopting decision is visible or they have none.
 */
@Injectable()
export class OpenDataQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every body alone (no members, meetings...): the directory's list, in one statement. */
  async allBodies(baseUrl: string, kindLabel: (kind: string, custom: string | null) => string): Promise<OparlSource[]> {
    const rows = await this.db.query(`${BODY_SQL} ORDER BY b.created_at, b.id`);
    return rows.map((b: BodyRow) => ({ baseUrl, body: bodyOf(b, kindLabel), persons: [], memberships: [], meetings: [], agendaItems: [], recommendations: [], documents: [] }));
  }

  async source(bodyId: string, baseUrl: string, kindLabel: (kind: string, custom: string | null) => string): Promise<OparlSource | null> {
    const [body]: BodyRow[] = await this.db.query(`${BODY_SQL} WHERE b.id = $1`, [bodyId]);
    if (!body) return null;
    const [memberships, persons, meetings]: [OparlSource['memberships'], OparlSource['persons'], Array<OparlSource['meetings'][number] & { visible: boolean }>] = await Promise.all([
      this.db.query(`SELECT id, person_id AS "personId", role, term_from::text AS "termFrom", term_to::text AS "termTo", created_at AS "createdAt", updated_at AS "updatedAt" FROM council_memberships WHERE body_id = $1 ORDER BY term_from, id`, [bodyId]) as Rows<OparlSource['memberships'][number]>,
      this.db.query(
        `SELECT DISTINCT p.id, p.full_name AS "fullName", p.email, p.phone, p.contacts_public AS "contactsPublic", p.created_at AS "createdAt", p.updated_at AS "updatedAt"
           FROM council_persons p JOIN council_memberships m ON m.person_id = p.id WHERE m.body_id = $1 ORDER BY p.id`,
        [bodyId],
      ) as Rows<OparlSource['persons'][number]>,
      this.db.query(
        `SELECT m.id, m.title, m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.time_zone AS "timeZone", m.access, m.status, m.place, m.online_url AS "onlineUrl",
                (m.access = 'OPEN' OR m.published_at IS NOT NULL) AS visible, m.created_at AS "createdAt", m.updated_at AS "updatedAt",
                COALESCE((SELECT array_agg(a.membership_id ORDER BY a.membership_id) FROM council_meeting_attendance a WHERE a.meeting_id = m.id AND a.present), '{}') AS present
           FROM council_meetings m WHERE m.body_id = $1 ORDER BY m.starts_at, m.id`,
        [bodyId],
      ),
    ]);
    const visible = meetings.filter((m) => m.visible).map((m) => m.id);
    const [items, votes, decisions, recommendations, documents] = await Promise.all([
      this.db.query(`SELECT id, meeting_id AS "meetingId", position, title, description, created_at AS "createdAt", updated_at AS "updatedAt" FROM council_agenda_items WHERE meeting_id = ANY($1::uuid[]) ORDER BY meeting_id, position`, [visible]) as Rows<Omit<OparlSource['agendaItems'][number], 'decision' | 'votes'>>,
      this.db.query(`SELECT v.agenda_item_id AS "agendaItemId", v.membership_id AS "membershipId", v.choice FROM council_votes v JOIN council_agenda_items i ON i.id = v.agenda_item_id WHERE i.meeting_id = ANY($1::uuid[]) ORDER BY v.membership_id`, [visible]) as Rows<{ agendaItemId: string; membershipId: string; choice: 'FOR' | 'AGAINST' | 'ABSTAIN' | 'ABSENT' }>,
      this.db.query(`SELECT id, agenda_item_id AS "agendaItemId", text, outcome, decided_on::text AS "decidedOn" FROM council_decisions WHERE meeting_id = ANY($1::uuid[])`, [visible]) as Rows<{ id: string; agendaItemId: string; text: string; outcome: 'ADOPTED' | 'REJECTED'; decidedOn: string }>,
      this.db.query(
        `SELECT r.id, r.title, r.text, r.sent_on::text AS "sentOn", r.deadline::text AS deadline, r.status, r.decision_id AS "decisionId", r.created_at AS "createdAt", r.updated_at AS "updatedAt",
                COALESCE(s.name->>'ru', s.name->>'ky', s.name->>'kk', s.name->>'en') AS addressee
           FROM council_recommendations r JOIN state_bodies s ON s.id = r.addressee_id WHERE r.body_id = $1 ORDER BY r.sent_on, r.id`,
        [bodyId],
      ) as Rows<Omit<OparlSource['recommendations'][number], 'agendaItemId'> & { decisionId: string | null }>,
      this.db.query(`SELECT id, owner_kind AS "ownerKind", owner_id AS "ownerId", name, url, mime_type AS "mimeType", created_at AS "createdAt" FROM council_documents WHERE body_id = $1 ORDER BY created_at, id`, [bodyId]) as Rows<OparlSource['documents'][number]>,
    ]);
    const itemOfDecision = new Map(decisions.map((d) => [d.id, d.agendaItemId]));
    const visibleItems = new Set(items.map((i) => i.id));
    const publicRecs = recommendations.filter((r) => !r.decisionId || itemOfDecision.has(r.decisionId));
    const publicRecIds = new Set(publicRecs.map((r) => r.id));
    return {
      baseUrl,
      body: bodyOf(body, kindLabel),
      persons,
      memberships,
      meetings: meetings.map(({ visible: _v, ...m }) => m),
      agendaItems: items.map((i) => {
        const d = decisions.find((x) => x.agendaItemId === i.id);
        return { ...i, decision: d ? { text: d.text, outcome: d.outcome, decidedOn: d.decidedOn } : null, votes: votes.filter((v) => v.agendaItemId === i.id).map((v) => ({ membershipId: v.membershipId, choice: v.choice })) };
      }),
      recommendations: publicRecs.map(({ decisionId, ...r }) => ({ ...r, agendaItemId: decisionId ? itemOfDecision.get(decisionId) ?? null : null })),
      documents: documents.filter((d) =>
        d.ownerKind === 'MEETING' ? visible.includes(d.ownerId) : d.ownerKind === 'AGENDA_ITEM' ? visibleItems.has(d.ownerId) : d.ownerKind === 'RECOMMENDATION' ? publicRecIds.has(d.ownerId) : false,
      ),
    };
  }
}
