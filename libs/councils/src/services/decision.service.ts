import { AuditService } from '@ashar/audit';
import { Actor } from '@ashar/auth';
import { TransactionRunner } from '@ashar/database';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, UnauthenticatedError, uuidOrNotFound } from '@ashar/kernel';
import { Injectable } from '@nestjs/common';
import { decide, DecisionRules, VoteChoice } from '../domain/decision-rule';
import { searchQuery, searchText } from '../domain/search-text';
import { DecideAgendaItemInput } from '../dtos/decide-agenda-item.input';
import { DecisionSearchInput } from '../dtos/decision-search.input';
import { RollCallInput } from '../dtos/roll-call.input';
import { AgendaItem } from '../entities/agenda-item.entity';
import { CouncilBody } from '../entities/council-body.entity';
import { CouncilDecision } from '../entities/council-decision.entity';
import { CouncilMeeting } from '../entities/council-meeting.entity';
import { BodiesRepository } from '../repositories/bodies.repository';
import { MeetingsRepository } from '../repositories/meetings.repository';
import { BodyAccess } from './body-access';
import { BodyService } from './body.service';
import { meetingDate, MeetingService } from './meeting.service';

export const rulesOf = (b: CouncilBody): DecisionRules => ({
  quorum: { numerator: b.quorumNumerator, denominator: b.quorumDenominator },
  majority: b.majority,
  qualified: { numerator: b.qualifiedNumerator, denominator: b.qualifiedDenominator },
  base: b.majorityBase,
  tie: b.tieRule,
});

/**
 * Roll-call votes and decisions. Who may vote is the body's current membership on the meeting day:
 * a non-member or former member casting their own vote is FORBIDDEN; a secretary entering a roll
 * call that names one is BAD_USER_INPUT (the field names the line). A vote or decision after the
 * meeting is closed, a second decision, or one without a quorum is CONFLICT; nothing is stored.
 */
@Injectable()
export class DecisionService {
  constructor(
    private readonly meetingsRepo: MeetingsRepository,
    private readonly bodiesRepo: BodiesRepository,
    private readonly meetings: MeetingService,
    private readonly bodies: BodyService,
    private readonly access: BodyAccess,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  private async context(agendaItemId: string): Promise<{ item: AgendaItem; meeting: CouncilMeeting; body: CouncilBody }> {
    const item = await this.meetingsRepo.item(uuidOrNotFound('AgendaItem', agendaItemId));
    if (!item) throw new NotFoundError('AgendaItem', agendaItemId);
    const meeting = await this.meetings.byId(item.meetingId);
    return { item, meeting, body: await this.bodies.byId(meeting.bodyId) };
  }

  /** Writes votes while the meeting is open and the item undecided (the meeting row is locked against closing). */
  private async writeVotes(tx: Parameters<Parameters<TransactionRunner['run']>[0]>[0], meetingId: string, itemId: string): Promise<void> {
    const locked = (await this.meetingsRepo.lockMeeting(tx, meetingId, 'share'))!;
    if (locked.status === 'HELD') throw new ConflictError('errors.councils.meetingHeld', 'the meeting is closed');
    if (await this.meetingsRepo.decisionOfItem(itemId, tx)) throw new ConflictError('errors.councils.alreadyDecided', 'the item is decided');
  }

  /** A member's own vote. */
  async castVote(actor: Actor, agendaItemId: string, choice: VoteChoice): Promise<AgendaItem> {
    if (!actor.accountId) throw new UnauthenticatedError();
    const { item, meeting, body } = await this.context(agendaItemId);
    const terms = await this.bodiesRepo.currentOfAccount(body.id, actor.accountId, meetingDate(meeting));
    if (!terms.length) throw new ForbiddenError('councils.vote');
    await this.tx.run(async (tx) => {
      await this.writeVotes(tx, meeting.id, item.id);
      await this.meetingsRepo.upsertVotes(tx, [{ agendaItemId: item.id, membershipId: terms[0].id, choice, recordedBy: actor.accountId! }]);
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.vote.cast', entityType: 'AgendaItem', entityId: item.id, communityId: body.communityId ?? undefined, after: { membershipId: terms[0].id, choice } });
    });
    return item;
  }

  /** The secretary enters several members' votes (members without an account included). */
  async recordRollCall(actor: Actor, input: RollCallInput): Promise<AgendaItem> {
    const { item, meeting, body } = await this.context(input.agendaItemId);
    await this.access.assertSecretary(actor, body);
    const current = new Set((await this.bodiesRepo.currentMemberships(body.id, meetingDate(meeting))).map((m) => m.id));
    const seen = new Set<string>();
    input.votes.forEach((v, i) => {
      if (!current.has(v.membershipId)) throw new InvalidInputError(`input.votes.${i}.membershipId`, 'errors.councils.notCurrentMember');
      if (seen.has(v.membershipId)) throw new InvalidInputError(`input.votes.${i}.membershipId`, 'errors.councils.duplicateVote');
      seen.add(v.membershipId);
    });
    await this.tx.run(async (tx) => {
      await this.writeVotes(tx, meeting.id, item.id);
      await this.meetingsRepo.upsertVotes(tx, input.votes.map((v) => ({ agendaItemId: item.id, membershipId: v.membershipId, choice: v.choice, recordedBy: actor.accountId! })));
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.vote.rollCall', entityType: 'AgendaItem', entityId: item.id, communityId: body.communityId ?? undefined, after: { votes: input.votes.length } });
    });
    return item;
  }

  /** Counts the roll call by the body's rule and records the decision; an adopted MINUTES item approves those minutes. */
  async decide(actor: Actor, input: DecideAgendaItemInput): Promise<CouncilDecision> {
    const { item, meeting, body } = await this.context(input.agendaItemId);
    await this.access.assertSecretary(actor, body);
    const day = meetingDate(meeting);
    return this.tx.run(async (tx) => {
      const locked = (await this.meetingsRepo.lockMeeting(tx, meeting.id))!;
      if (locked.status === 'HELD') throw new ConflictError('errors.councils.meetingHeld', 'the meeting is closed');
      if (await this.meetingsRepo.decisionOfItem(item.id, tx)) throw new ConflictError('errors.councils.alreadyDecided', 'the item is decided');
      const members = await this.bodiesRepo.currentMemberships(body.id, day, tx);
      const votes = new Map((await this.meetingsRepo.votes(item.id, tx)).map((v) => [v.membershipId, v.choice]));
      const count = decide(rulesOf(body), members.map((m) => ({ memberId: m.id, choice: votes.get(m.id) ?? 'ABSENT', isChair: m.role === 'CHAIR' })));
      if (count.outcome === 'NO_QUORUM') throw new ConflictError('errors.councils.noQuorum', 'no quorum', { params: { present: count.present, needed: count.quorumNeeded } });
      let minutesMeeting: CouncilMeeting | null = null;
      if (item.linkKind === 'MINUTES' && count.outcome === 'ADOPTED') {
        minutesMeeting = await this.meetingsRepo.lockMeeting(tx, item.linkId!);
        if (!minutesMeeting || minutesMeeting.minutesStatus !== 'DRAFT') throw new ConflictError('errors.councils.noMinutesDraft', 'no drafted minutes to approve');
      }
      const decision = await this.meetingsRepo.insertDecision(tx, {
        agendaItemId: item.id,
        bodyId: body.id,
        meetingId: meeting.id,
        text: input.text,
        outcome: count.outcome,
        decidedOn: day,
        members: count.members,
        present: count.present,
        votesFor: count.votesFor,
        votesAgainst: count.votesAgainst,
        abstentions: count.abstentions,
        absent: count.absent,
        explanation: { ...count, rules: rulesOf(body) },
        searchText: searchText(item.title, input.text, meeting.title, ...Object.values(body.name)),
      });
      if (minutesMeeting) await this.meetingsRepo.updateMeeting(tx, minutesMeeting.id, { minutesStatus: 'APPROVED', minutesApprovedAt: new Date(), minutesApprovedByItemId: item.id });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.decision.record', entityType: 'CouncilDecision', entityId: decision.id, communityId: body.communityId ?? undefined, after: { agendaItemId: item.id, outcome: count.outcome, votesFor: count.votesFor, votesAgainst: count.votesAgainst, abstentions: count.abstentions, absent: count.absent } });
      return decision;
    });
  }

  async decisionOf(actor: Actor, item: AgendaItem): Promise<CouncilDecision | null> {
    const meeting = await this.meetings.byId(item.meetingId);
    if (!(await this.meetings.contentVisible(actor, meeting))) return null;
    return this.meetingsRepo.decisionOfItem(item.id);
  }

  async votesOf(actor: Actor, item: AgendaItem): Promise<Array<{ membershipId: string; memberName: string; choice: VoteChoice; recordedAt: Date }>> {
    const meeting = await this.meetings.byId(item.meetingId);
    if (!(await this.meetings.contentVisible(actor, meeting))) return [];
    const votes = await this.meetingsRepo.votes(item.id);
    const terms = await this.bodiesRepo.memberships(meeting.bodyId);
    const persons = new Map((await this.bodiesRepo.persons(terms.map((t) => t.personId))).map((p) => [p.id, p]));
    const nameOf = new Map(terms.map((t) => [t.id, persons.get(t.personId)?.fullName ?? '']));
    return votes.map((v) => ({ membershipId: v.membershipId, memberName: nameOf.get(v.membershipId) ?? '', choice: v.choice, recordedAt: v.recordedAt }));
  }

  /** Public search (published decisions only) by folded text, body, addressee and date. */
  search(input: DecisionSearchInput): Promise<CouncilDecision[]> {
    if (input.from && input.to && input.to < input.from) throw new InvalidInputError('input.to', 'errors.councils.periodBackwards');
    const q = input.text ? searchQuery(input.text) : '';
    return this.meetingsRepo.searchDecisions({ tsquery: q || null, bodyId: input.bodyId ?? null, addresseeId: input.addresseeId ?? null, from: input.from ?? null, to: input.to ?? null, limit: input.limit ?? 50 });
  }
}
