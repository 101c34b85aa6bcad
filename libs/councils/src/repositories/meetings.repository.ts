import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgendaItem } from '../entities/agenda-item.entity';
import { CouncilDecision } from '../entities/council-decision.entity';
import { CouncilDocument, DocumentOwnerKind } from '../entities/council-document.entity';
import { CouncilMeeting } from '../entities/council-meeting.entity';
import { CouncilVote } from '../entities/council-vote.entity';
import { MeetingAttendance } from '../entities/meeting-attendance.entity';

export interface DecisionSearch {
  tsquery: string | null;
  bodyId?: string | null;
  addresseeId?: string | null;
  from?: string | null;
  to?: string | null;
  limit: number;
}

/** `council_meetings`, `council_meeting_attendance`, `council_agenda_items`, `council_votes`, `council_decisions`, `council_documents`. */
@Injectable()
export class MeetingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private m(tx?: Transaction) {
    return managerOf(tx, this.db);
  }

  meeting(id: string, tx?: Transaction): Promise<CouncilMeeting | null> {
    return this.m(tx).getRepository(CouncilMeeting).findOneBy({ id });
  }

  lockMeeting(tx: Transaction, id: string, mode: 'share' | 'update' = 'update'): Promise<CouncilMeeting | null> {
    return this.m(tx).getRepository(CouncilMeeting).createQueryBuilder('m').setLock(mode === 'share' ? 'pessimistic_read' : 'pessimistic_write').where('m.id = :id', { id }).getOne();
  }

  meetingsOf(bodyId: string): Promise<CouncilMeeting[]> {
    return this.m().getRepository(CouncilMeeting).find({ where: { bodyId }, order: { startsAt: 'ASC' } });
  }

  async insertMeeting(tx: Transaction, values: Partial<CouncilMeeting>): Promise<CouncilMeeting> {
    const row = this.m(tx).getRepository(CouncilMeeting).create(values);
    await this.m(tx).getRepository(CouncilMeeting).insert(row);
    return (await this.meeting(row.id, tx))!;
  }

  async updateMeeting(tx: Transaction, id: string, patch: Partial<CouncilMeeting>): Promise<void> {
    await this.m(tx).getRepository(CouncilMeeting).update({ id }, patch);
  }

  attendance(meetingId: string, tx?: Transaction): Promise<MeetingAttendance[]> {
    return this.m(tx).getRepository(MeetingAttendance).findBy({ meetingId });
  }

  async upsertAttendance(tx: Transaction, rows: Array<Pick<MeetingAttendance, 'meetingId' | 'membershipId' | 'present'>>): Promise<void> {
    if (rows.length) await this.m(tx).getRepository(MeetingAttendance).upsert(rows, ['meetingId', 'membershipId']);
  }

  item(id: string, tx?: Transaction): Promise<AgendaItem | null> {
    return this.m(tx).getRepository(AgendaItem).findOneBy({ id });
  }

  items(meetingId: string, tx?: Transaction): Promise<AgendaItem[]> {
    return this.m(tx).getRepository(AgendaItem).find({ where: { meetingId }, order: { position: 'ASC' } });
  }

  async nextPosition(tx: Transaction, meetingId: string): Promise<number> {
    const [r]: Array<{ n: number }> = await this.m(tx).query(`SELECT coalesce(max(position), 0)::int + 1 AS n FROM council_agenda_items WHERE meeting_id = $1`, [meetingId]);
    return r.n;
  }

  async insertItem(tx: Transaction, values: Partial<AgendaItem>): Promise<AgendaItem> {
    const row = this.m(tx).getRepository(AgendaItem).create(values);
    await this.m(tx).getRepository(AgendaItem).insert(row);
    return (await this.item(row.id, tx))!;
  }

  votes(agendaItemId: string, tx?: Transaction): Promise<CouncilVote[]> {
    return this.m(tx).getRepository(CouncilVote).findBy({ agendaItemId });
  }

  async upsertVotes(tx: Transaction, rows: Array<Pick<CouncilVote, 'agendaItemId' | 'membershipId' | 'choice' | 'recordedBy'>>): Promise<void> {
    if (rows.length) await this.m(tx).getRepository(CouncilVote).upsert(rows, ['agendaItemId', 'membershipId']);
  }

  decisionOfItem(agendaItemId: string, tx?: Transaction): Promise<CouncilDecision | null> {
    return this.m(tx).getRepository(CouncilDecision).findOneBy({ agendaItemId });
  }

  decision(id: string, tx?: Transaction): Promise<CouncilDecision | null> {
    return this.m(tx).getRepository(CouncilDecision).findOneBy({ id });
  }

  async insertDecision(tx: Transaction, values: Partial<CouncilDecision>): Promise<CouncilDecision> {
    const row = this.m(tx).getRepository(CouncilDecision).create(values);
    await this.m(tx).getRepository(CouncilDecision).insert(row);
    return (await this.decision(row.id, tx))!;
  }

  /** Public decisions only: of OPEN meetings, or of CLOSED ones once published. Newest first. */
  async searchDecisions(s: DecisionSearch): Promise<CouncilDecision[]> {
    const qb = this.m()
      .getRepository(CouncilDecision)
      .createQueryBuilder('d')
      .innerJoin(CouncilMeeting, 'mt', 'mt.id = d.meeting_id')
      .where(`(mt.access = 'OPEN' OR mt.published_at IS NOT NULL)`)
      .orderBy('d.decided_on', 'DESC')
      .addOrderBy('d.created_at', 'DESC')
      .limit(s.limit);
    if (s.tsquery) qb.andWhere(`to_tsvector('simple', d.search_text) @@ to_tsquery('simple', :q)`, { q: s.tsquery });
    if (s.bodyId) qb.andWhere('d.body_id = :bodyId', { bodyId: s.bodyId });
    if (s.from) qb.andWhere('d.decided_on >= :from', { from: s.from });
    if (s.to) qb.andWhere('d.decided_on <= :to', { to: s.to });
    if (s.addresseeId) qb.andWhere('EXISTS (SELECT 1 FROM council_recommendations r WHERE r.decision_id = d.id AND r.addressee_id = :a)', { a: s.addresseeId });
    return qb.getMany();
  }

  documents(ownerKind: DocumentOwnerKind, ownerId: string): Promise<CouncilDocument[]> {
    return this.m().getRepository(CouncilDocument).find({ where: { ownerKind, ownerId }, order: { createdAt: 'ASC' } });
  }

  async insertDocument(tx: Transaction, values: Partial<CouncilDocument>): Promise<CouncilDocument> {
    const row = this.m(tx).getRepository(CouncilDocument).create(values);
    await this.m(tx).getRepository(CouncilDocument).insert(row);
    return (await this.m(tx).getRepository(CouncilDocument).findOneBy({ id: row.id }))!;
  }
}
