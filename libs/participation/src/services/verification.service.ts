import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode, Transaction, TransactionRunner } from '@ashar/database';
import { MembershipService, PhoneVerificationService } from '@ashar/identity';
import { ConflictError, DomainError, InvalidInputError, isUuid, UnauthenticatedError, uuidOrNotFound } from '@ashar/kernel';
import { CommunityService } from '@ashar/territory';
import { Injectable } from '@nestjs/common';
import { NationalIdKind, readNationalId } from '../domain/national-id';
import { PaperVoterDocumentInput } from '../dtos/paper-voter-document.input';
import { VerifyInPersonInput } from '../dtos/verify-in-person.input';
import { InPersonVerification } from '../entities/in-person-verification.entity';
import { VerificationLevel } from '../entities/participatory-process.entity';
import { PARTICIPATION_PERMISSIONS } from '../participation.permissions';
import { ProcessesRepository } from '../repositories/processes.repository';
import { VerificationsRepository } from '../repositories/verifications.repository';
import { VotingRepository } from '../repositories/voting.repository';
import { DocumentKeys } from './document-keys';
import { ProcessService } from './process.service';

export const LEVEL_RANK: Readonly<Record<VerificationLevel, number>> = { SELF_DECLARED: 0, PHONE: 1, IN_PERSON: 2 };

/** What a voter's verification in one community amounts to. */
export interface VoterStanding {
  level: VerificationLevel;
  /** Their in-person verification, with the document hash the registry uses and the birth date. */
  inPerson: InPersonVerification | null;
}

/**
 * Verification levels (SELF_DECLARED < PHONE < IN_PERSON). PHONE is identity's (an SMS code); IN_PERSON is
 * recorded here by a budget-group member who saw a national ID, kept only as a keyed hash, one document
 * for one account per community. Paper voters listed by document meet online voters in the registry.
 */
@Injectable()
export class VerificationService {
  constructor(
    private readonly repo: VerificationsRepository,
    private readonly keys: DocumentKeys,
    private readonly phones: PhoneVerificationService,
    private readonly memberships: MembershipService,
    private readonly communities: CommunityService,
    private readonly permissions: PermissionService,
    private readonly processes: ProcessService,
    private readonly processesRepo: ProcessesRepository,
    private readonly voting: VotingRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** The document's hash and birth date, or BAD_USER_INPUT on `field` naming what is wrong with it. */
  private read(kind: NationalIdKind, number: string, field: string): { hash: string; birthDate: string } {
    const r = readNationalId(kind, number);
    if (!r.ok) throw new InvalidInputError(field, `errors.participation.document.${r.problem}`, `${field}: not a valid ${kind}`);
    return { hash: this.keys.hash(kind, r.digits), birthDate: r.birthDate };
  }

  async verifyInPerson(actor: Actor, input: VerifyInPersonInput): Promise<InPersonVerification> {
    const community = await this.communities.byId(uuidOrNotFound('Community', input.communityId));
    await this.permissions.assert(actor, community.id, 'participation.manage', PARTICIPATION_PERMISSIONS);
    const doc = this.read(input.documentKind, input.documentNumber, 'input.documentNumber');
    if (!isUuid(input.accountId) || !(await this.memberships.rolesOfAccount(input.accountId)).some((r) => r.communityId === community.id)) {
      throw new InvalidInputError('input.accountId', 'errors.participation.notResident');
    }
    // Nobody vouches for themselves: a member's own document is seen by another member.
    if (input.accountId === actor.accountId) throw new DomainError('FORBIDDEN', 'errors.participation.selfVerification', 'a member cannot verify themselves', { reason: 'SELF_VERIFICATION' });
    try {
      return await this.tx.run(async (tx) => {
        const { row, created } = await this.repo.insertOnce(tx, { communityId: community.id, accountId: input.accountId, documentKind: input.documentKind, documentHash: doc.hash, birthDate: doc.birthDate, verifiedBy: actor.accountId! });
        if (!created) {
          if (row.documentHash !== doc.hash) throw new ConflictError('errors.participation.verifiedWithOtherDocument', 'this resident was verified with another document');
          return row;
        }
        // Never the number nor its hash: only that the person was verified, by whom (the actor), with which kind.
        await this.audit.record(tx, actor.toAudit(), { action: 'participation.verifyInPerson', entityType: 'Account', entityId: input.accountId, communityId: community.id, after: { documentKind: input.documentKind } });
        return row;
      });
    } catch (e) {
      if (pgErrorCode(e) === PG_UNIQUE_VIOLATION && pgConstraint(e) === 'uq_pb_in_person_verifications_document') {
        throw new ConflictError('errors.participation.documentUsed', 'this document verified another account of the community', { field: 'input.documentNumber' });
      }
      throw e;
    }
  }

  /**
   * The voter's level in a community as far as `required` needs it (every ballot asks, so no query is spent
   * on what cannot change the answer): the in-person row always (its document joins the registry, its birth
   * date the age rule), the verified phone only when in person is missing and the process needs more than
   * self-declaration.
   */
  async standing(communityId: string, accountId: string, required: VerificationLevel): Promise<VoterStanding> {
    const inPerson = await this.repo.of(communityId, accountId);
    if (inPerson) return { level: 'IN_PERSON', inPerson };
    if (required === 'SELF_DECLARED') return { level: 'SELF_DECLARED', inPerson: null };
    return { level: (await this.phones.verifiedPhoneOf(accountId)) ? 'PHONE' : 'SELF_DECLARED', inPerson: null };
  }

  /** Refuses a voter below the process's level: FORBIDDEN, `reason` says which verification is missing. */
  static assertLevel(required: VerificationLevel, standing: VoterStanding): void {
    if (LEVEL_RANK[standing.level] >= LEVEL_RANK[required]) return;
    const reason = required === 'PHONE' ? 'PHONE_VERIFICATION_REQUIRED' : 'IN_PERSON_VERIFICATION_REQUIRED';
    throw new DomainError('FORBIDDEN', `errors.participation.${required === 'PHONE' ? 'phoneVerificationRequired' : 'inPersonVerificationRequired'}`, `verification ${required} required`, {
      reason,
      params: { required, current: standing.level },
    });
  }

  async mine(actor: Actor, communityId: string): Promise<{ level: VerificationLevel; phone: string | null; inPersonVerifiedAt: Date | null }> {
    if (!actor.accountId) throw new UnauthenticatedError();
    const id = uuidOrNotFound('Community', communityId);
    const [inPerson, phone] = await Promise.all([this.repo.of(id, actor.accountId), this.phones.verifiedPhoneOf(actor.accountId)]);
    return { level: inPerson ? 'IN_PERSON' : phone ? 'PHONE' : 'SELF_DECLARED', phone: phone?.phone ?? null, inPersonVerifiedAt: inPerson?.verifiedAt ?? null };
  }

  /**
   * The meeting's list of paper voters by the national ID each showed: a registry row by document (PAPER),
   * and, when the document verified an account of the community, that account's registry row too, so its
   * online ballot is refused. Someone who already voted online (by account or by document) is answered back.
   */
  async registerPaperVotersByDocument(actor: Actor, processId: string, documents: PaperVoterDocumentInput[]): Promise<{ registered: number; alreadyVotedOnline: number[]; alreadyOnPaper: number }> {
    const process = await this.processes.visible(actor, processId);
    await this.permissions.assert(actor, process.communityId, 'participation.manage', PARTICIPATION_PERMISSIONS);
    if (documents.length > 500) throw new InvalidInputError('documents', 'errors.participation.tooManyVoters', undefined, { max: 500 });
    const hashes = documents.map((d, i) => this.read(d.kind, d.number, `documents.${i}.number`).hash);
    return this.tx.run(async (tx: Transaction) => {
      const locked = (await this.processesRepo.lock(tx, process.id, 'share'))!;
      if (locked.phase !== 'VOTING') throw new ConflictError('errors.participation.votingClosed', 'the vote is not open', { phase: locked.phase });
      let registered = 0;
      let alreadyOnPaper = 0;
      const alreadyVotedOnline: number[] = [];
      const seen = new Set<string>();
      for (const [i, hash] of hashes.entries()) {
        if (seen.has(hash)) {
          alreadyOnPaper++;
          continue;
        }
        seen.add(hash);
        const accountId = await this.repo.accountOfDocument(tx, process.communityId, hash);
        let listedByAccount = false;
        if (accountId) {
          const byAccount = await this.voting.register(tx, process.id, accountId, 'PAPER');
          if (!byAccount.created && byAccount.channel !== 'PAPER') {
            alreadyVotedOnline.push(i);
            continue;
          }
          listedByAccount = !byAccount.created;
        }
        const byDocument = await this.repo.registerDocument(tx, process.id, hash, 'PAPER', accountId);
        if (byDocument.created && !listedByAccount) registered++;
        else if (byDocument.created) alreadyOnPaper++;
        else if (byDocument.channel !== 'PAPER') alreadyVotedOnline.push(i);
        else alreadyOnPaper++;
      }
      await this.audit.record(tx, actor.toAudit(), { action: 'participation.paper.votersByDocument', entityType: 'ParticipatoryProcess', entityId: process.id, communityId: process.communityId, after: { registered, alreadyVotedOnline: alreadyVotedOnline.length } });
      return { registered, alreadyVotedOnline, alreadyOnPaper };
    });
  }
}
