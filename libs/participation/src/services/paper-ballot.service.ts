import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { requestHash, sameRequestOrConflict, TransactionRunner } from '@ashar/database';
import { MembershipService } from '@ashar/identity';
import { ConflictError, InvalidInputError, isUuid } from '@ashar/kernel';
import { Injectable } from '@nestjs/common';
import { ballotPseudonym, newReceiptCode } from '../domain/ballot-secrecy';
import { ballotProblems } from '../domain/election';
import { agreeingPair } from '../domain/paper';
import { EnterPaperBallotInput } from '../dtos/paper-ballot.input';
import { PaperEntry, PaperSheet, PaperSheetStatus } from '../entities/paper-sheet.entity';
import { PARTICIPATION_PERMISSIONS } from '../participation.permissions';
import { PaperBallotsRepository } from '../repositories/paper-ballots.repository';
import { ProcessesRepository } from '../repositories/processes.repository';
import { ProposalsRepository } from '../repositories/proposals.repository';
import { VotingRepository } from '../repositories/voting.repository';
import { BallotKeys } from './ballot-keys';
import { ballotError, candidatesOf, rulesOf } from './process-rules';
import { DistrictLimits } from './district-limits';
import { ProcessService } from './process.service';

/**
 * Paper ballots from village meetings, entered by the budget group while the vote is open. A sheet counts
 * once two different members have entered it alike; entries that differ leave it a MISMATCH (not counted)
 * until a further member's entry agrees with one of them. Who voted on paper is entered apart, from the
 * meeting's list (`registerPaperVoters`): the registry then refuses their online ballot, and the reverse.
 */
@Injectable()
export class PaperBallotService {
  constructor(
    private readonly processes: ProcessService,
    private readonly processesRepo: ProcessesRepository,
    private readonly proposals: ProposalsRepository,
    private readonly paper: PaperBallotsRepository,
    private readonly voting: VotingRepository,
    private readonly memberships: MembershipService,
    private readonly keys: BallotKeys,
    private readonly permissions: PermissionService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly districtLimits: DistrictLimits,
  ) {}

  async enter(actor: Actor, input: EnterPaperBallotInput): Promise<{ sheetCode: string; status: PaperSheetStatus }> {
    const process = await this.processes.visible(actor, input.processId);
    await this.permissions.assert(actor, process.communityId, 'participation.manage', PARTICIPATION_PERMISSIONS);
    const points = input.points ?? null;
    const content = { processId: process.id, sheetCode: input.sheetCode, choices: input.choices, points };
    const clientRequestId = input.clientRequestId ?? null;
    const hash = clientRequestId ? requestHash(content) : null;
    return this.tx.run(async (tx) => {
      const locked = (await this.processesRepo.lock(tx, process.id, 'share'))!;
      if (locked.phase !== 'VOTING') throw new ConflictError('errors.participation.votingClosed', 'the vote is not open', { phase: locked.phase });
      if (clientRequestId) {
        const again = await this.paper.byClientRequest(tx, process.id, clientRequestId);
        if (again) {
          sameRequestOrConflict(again, hash!, 'errors.participation.clientRequestConflict');
          const sheet = await this.paper.lockSheet(tx, process.id, again.sheetCode);
          return { sheetCode: sheet.sheetCode, status: sheet.status };
        }
      }
      const problems = ballotProblems(rulesOf(locked), candidatesOf(await this.proposals.feasibleOf(tx, process.id)), { choices: input.choices, points });
      if (problems.length) throw ballotError(problems[0]);
      if (locked.ballotKind === 'KNAPSACK') await this.districtLimits.assertWithin(tx, process.id, input.choices);
      const sheet: PaperSheet = await this.paper.lockSheet(tx, process.id, input.sheetCode);
      if (sheet.status === 'COUNTED') throw new ConflictError('errors.participation.paperSheetCounted', 'this sheet is already counted', { sheetCode: sheet.sheetCode });
      const before = await this.paper.entriesOf(tx, process.id, sheet.sheetCode);
      if (before.some((e) => e.enteredBy === actor.accountId)) throw new ConflictError('errors.participation.paperSecondMember', 'the second entry of a sheet is another member’s', { sheetCode: sheet.sheetCode });
      const entry = await this.paper.insertEntry(tx, { processId: process.id, sheetCode: sheet.sheetCode, enteredBy: actor.accountId!, choices: input.choices, points, clientRequestId, clientRequestHash: hash });
      const entries: PaperEntry[] = [...before, entry];
      const pair = agreeingPair(entries, locked.ballotKind === 'RANKING');
      const status: PaperSheetStatus = pair ? 'COUNTED' : entries.length >= 2 ? 'MISMATCH' : 'PENDING';
      if (pair) {
        await this.voting.upsertBallot(tx, { processId: process.id, pseudonym: ballotPseudonym(this.keys.key, process.id, `paper:${sheet.sheetCode}`), receiptCode: newReceiptCode(), choices: pair.choices, points: pair.points, channel: 'PAPER' });
      }
      if (status !== sheet.status) await this.paper.setStatus(tx, process.id, sheet.sheetCode, status);
      await this.audit.record(tx, actor.toAudit(), { action: 'participation.paper.entry', entityType: 'ParticipatoryProcess', entityId: process.id, communityId: process.communityId, after: { sheetCode: sheet.sheetCode, status, entries: entries.length } });
      return { sheetCode: sheet.sheetCode, status };
    });
  }

  /** The meeting's list of paper voters: each gets a PAPER registry row; one who already voted online is answered back, not counted twice. */
  async registerVoters(actor: Actor, processId: string, accountIds: string[]): Promise<{ registered: number; alreadyVoted: string[] }> {
    const process = await this.processes.visible(actor, processId);
    await this.permissions.assert(actor, process.communityId, 'participation.manage', PARTICIPATION_PERMISSIONS);
    // One meeting's list: a few hundred names at most.
    if (accountIds.length > 500) throw new InvalidInputError('accountIds', 'errors.participation.tooManyVoters', undefined, { max: 500 });
    accountIds.forEach((id, i) => {
      if (!isUuid(id)) throw new InvalidInputError(`accountIds.${i}`, 'errors.validation.invalid');
    });
    const unique = [...new Set(accountIds)];
    for (const [i, id] of unique.entries()) {
      const roles = await this.memberships.rolesOfAccount(id);
      if (!roles.some((r) => r.communityId === process.communityId)) throw new InvalidInputError(`accountIds.${i}`, 'errors.participation.notResident');
    }
    return this.tx.run(async (tx) => {
      const locked = (await this.processesRepo.lock(tx, process.id, 'share'))!;
      if (locked.phase !== 'VOTING') throw new ConflictError('errors.participation.votingClosed', 'the vote is not open', { phase: locked.phase });
      let registered = 0;
      const alreadyVoted: string[] = [];
      for (const id of unique) {
        const r = await this.voting.register(tx, process.id, id, 'PAPER');
        if (r.created) registered++;
        else if (r.channel !== 'PAPER') alreadyVoted.push(id);
      }
      await this.audit.record(tx, actor.toAudit(), { action: 'participation.paper.voters', entityType: 'ParticipatoryProcess', entityId: process.id, communityId: process.communityId, after: { registered, alreadyVotedOnline: alreadyVoted.length } });
      return { registered, alreadyVoted };
    });
  }

  /** Sheets and their entries, for the budget group to resolve mismatches. */
  async sheets(actor: Actor, processId: string, status: PaperSheetStatus | null): Promise<Array<PaperSheet & { entries: PaperEntry[] }>> {
    const process = await this.processes.visible(actor, processId);
    await this.permissions.assert(actor, process.communityId, 'participation.manage', PARTICIPATION_PERMISSIONS);
    const sheets = await this.paper.sheetsOf(process.id, status ?? undefined);
    const entries = await this.paper.entriesOfSheets(process.id, sheets.map((s) => s.sheetCode));
    return sheets.map((s) => ({ ...s, entries: entries.filter((e) => e.sheetCode === s.sheetCode) }));
  }
}
