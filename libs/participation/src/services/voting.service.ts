import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { Transaction, TransactionRunner } from '@ashar/database';
import { AccountService } from '@ashar/identity';
import { ConflictError, ForbiddenError, InvalidInputError } from '@ashar/kernel';
import { RateLimiter } from '@ashar/auth';
import { Injectable } from '@nestjs/common';
import { ballotPseudonym, newReceiptCode } from '../domain/ballot-secrecy';
import { ballotProblems, CandidateProject } from '../domain/election';
import { CastBallotInput } from '../dtos/cast-ballot.input';
import { ParticipatoryProcess } from '../entities/participatory-process.entity';
import { PARTICIPATION_PERMISSIONS } from '../participation.permissions';
import { ProcessesRepository } from '../repositories/processes.repository';
import { ProposalsRepository } from '../repositories/proposals.repository';
import { BallotRow, VotingRepository } from '../repositories/voting.repository';
import { BallotKeys } from './ballot-keys';
import { ProcessService } from './process.service';
import { BALLOTS_PER_ACCOUNT } from '../participation.rate-limits';
import { ballotError, candidatesOf, rulesOf } from './process-rules';
import { VerificationService, VoterStanding } from './verification.service';
import { VerificationsRepository } from '../repositories/verifications.repository';
import { ageOn } from '../domain/national-id';
import { DistrictLimits } from './district-limits';

/**
 * Casting a ballot: one person, one ballot, changeable until the vote closes. The registry row (that
 * the person voted) and the ballot (what, under a keyed pseudonym) are written in one transaction with
 * the audit event, while the process is share-locked in the VOTING phase (closing it waits for them).
 */
@Injectable()
export class VotingService {
  constructor(
    private readonly processes: ProcessService,
    private readonly processesRepo: ProcessesRepository,
    private readonly proposals: ProposalsRepository,
    private readonly voting: VotingRepository,
    private readonly accounts: AccountService,
    private readonly permissions: PermissionService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly keys: BallotKeys,
    private readonly limiter: RateLimiter,
    private readonly verification: VerificationService,
    private readonly verifications: VerificationsRepository,
    private readonly districtLimits: DistrictLimits,
  ) {}

  /**
   * Feasible proposals per process, read once it is voting: from then on the set cannot change (reviews
   * happen in REVIEW, proposals in IDEAS, phases never go back), so every replica may keep it.
   */
  private readonly candidates = new Map<string, CandidateProject[]>();

  private async candidatesWhileVoting(tx: Transaction, processId: string): Promise<CandidateProject[]> {
    let c = this.candidates.get(processId);
    if (!c) {
      c = candidatesOf(await this.proposals.feasibleOf(tx, processId));
      if (this.candidates.size >= 200) this.candidates.delete(this.candidates.keys().next().value!);
      this.candidates.set(processId, c);
    }
    return c;
  }

  async cast(actor: Actor, input: CastBallotInput): Promise<{ receiptCode: string; firstBallot: boolean }> {
    const process = await this.processes.visible(actor, input.processId);
    const standing = await this.assertEligible(actor, process);
    // Counted before the ballot is checked: a script trying ballots is slowed down whatever it sends.
    await this.limiter.consume(BALLOTS_PER_ACCOUNT, [actor.accountId!]);
    const points = input.points ?? null;
    if (process.ballotKind === 'CUMULATIVE' ? !points || points.length !== input.choices.length : points !== null) {
      throw new InvalidInputError('input.points', process.ballotKind === 'CUMULATIVE' ? 'errors.participation.pointsPerChoice' : 'errors.participation.pointsOnlyCumulative');
    }
    return this.tx.run((tx) => this.write(tx, actor, process, standing, input.choices, points, 'ONLINE'));
  }

  /**
   * A ballot sent by SMS from the account's verified phone, inside the caller's transaction (the inbound
   * message's): the same rules as online (membership, level, age, limits, envelope, the registry), but only
   * a first ballot: an SMS cannot show the voter what they chose before, so a second one is refused
   * (CONFLICT `sms.alreadyVoted`) and the ballot is changed on the web instead.
   */
  async castBySms(tx: Transaction, actor: Actor, process: ParticipatoryProcess, choices: string[]): Promise<{ receiptCode: string }> {
    const standing = await this.assertEligible(actor, process);
    await this.limiter.consume(BALLOTS_PER_ACCOUNT, [actor.accountId!]);
    const { receiptCode } = await this.write(tx, actor, process, standing, choices, null, 'SMS');
    return { receiptCode };
  }

  /** Feasible projects in the ballots' order (by id): the numbers of the paper sheet and of SMS ballots. */
  projectsOnBallot(tx: Transaction, processId: string): Promise<CandidateProject[]> {
    return this.candidatesWhileVoting(tx, processId);
  }

  private async write(tx: Transaction, actor: Actor, process: ParticipatoryProcess, standing: VoterStanding, choices: string[], points: number[] | null, channel: 'ONLINE' | 'SMS'): Promise<{ receiptCode: string; firstBallot: boolean }> {
    const accountId = actor.accountId!;
    const documentHash = standing.inPerson?.documentHash ?? null;
    const pseudonym = ballotPseudonym(this.keys.key, process.id, accountId);
    const locked = (await this.processesRepo.lock(tx, process.id, 'share'))!;
    if (locked.phase !== 'VOTING') throw new ConflictError('errors.participation.votingClosed', 'the vote is not open', { phase: locked.phase });
    const problems = ballotProblems(rulesOf(locked), await this.candidatesWhileVoting(tx, process.id), { choices, points });
    if (problems.length) throw ballotError(problems[0]);
    if (locked.ballotKind === 'KNAPSACK') await this.districtLimits.assertWithin(tx, process.id, choices);
    const registry = await this.voting.register(tx, process.id, accountId, channel);
    if (!registry.created && registry.channel === 'PAPER') throw new ConflictError('errors.participation.votedOnPaper', 'this person voted on paper');
    if (!registry.created && channel === 'SMS') throw new ConflictError('errors.participation.sms.alreadyVoted', 'this person has voted already', { channel: registry.channel });
    // Verified with a document: the registry by document catches a paper vote listed under that number.
    if (documentHash) {
      const byDocument = await this.verifications.registerDocument(tx, process.id, documentHash, channel, accountId);
      if (!byDocument.created && byDocument.channel === 'PAPER') throw new ConflictError('errors.participation.votedOnPaper', 'this person voted on paper');
    }
    const stored = await this.voting.upsertBallot(tx, { processId: process.id, pseudonym, receiptCode: newReceiptCode(), choices, points, channel });
    // Registered before but no ballot under this pseudonym: the ballot key changed during the vote. Refuse rather than count twice.
    if (!registry.created && stored.inserted) throw new ConflictError('errors.participation.ballotKeyChanged', 'ballot key changed during the vote');
    // The event says that this person voted (as the registry does), never what or the receipt.
    await this.audit.record(tx, actor.toAudit(), { action: registry.created ? 'participation.ballot.cast' : 'participation.ballot.change', entityType: 'ParticipatoryProcess', entityId: process.id, communityId: process.communityId, after: { channel } });
    return { receiptCode: stored.receiptCode, firstBallot: registry.created };
  }

  /** The caller's own ballot in a process (to show or change it), or null. */
  async myBallot(actor: Actor, processId: string): Promise<BallotRow | null> {
    const process = await this.processes.visible(actor, processId);
    if (!actor.accountId) return null;
    return this.voting.ballotOf(process.id, ballotPseudonym(this.keys.key, process.id, actor.accountId));
  }

  turnout(processId: string): Promise<{ voters: number; ballots: number }> {
    return this.voting.counts(processId);
  }

  /**
   * Membership, the process's verification level (nothing is stored for a voter refused here), and the
   * minimum age: from the birth date of the national ID seen in person when there is one, else by the
   * profile's birth year (a person may vote in the year they reach the age).
   */
  private async assertEligible(actor: Actor, process: ParticipatoryProcess): Promise<VoterStanding> {
    await this.permissions.assert(actor, process.communityId, 'participation.vote', PARTICIPATION_PERMISSIONS);
    const standing = await this.verification.standing(process.communityId, actor.accountId!, process.verification);
    VerificationService.assertLevel(process.verification, standing);
    if (process.minAge === null) return standing;
    const birthDate = standing.inPerson?.birthDate ?? null;
    if (birthDate) {
      if (ageOn(birthDate) < process.minAge) throw new ForbiddenError('participation.vote.tooYoung');
      return standing;
    }
    const [profile] = await this.accounts.profilesOf([actor.accountId!]);
    if (!profile?.birthYear) throw new ForbiddenError('participation.vote.ageUnknown');
    if (new Date().getUTCFullYear() - profile.birthYear < process.minAge) throw new ForbiddenError('participation.vote.tooYoung');
    return standing;
  }
}
