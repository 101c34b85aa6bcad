import { Actor } from '@ashar/auth';
import { Transaction } from '@ashar/database';
import { AccountService, MembershipService, PhoneVerificationService } from '@ashar/identity';
import { DomainError, TooManyRequestsError } from '@ashar/kernel';
import { NotificationParams, SmsReplyHandler, SmsReplyHandlers, SmsReplyMessage, SmsReplyOutcome } from '@ashar/notifications';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { readSmsBallot, smsLabelOf } from '../domain/sms-ballot';
import { ParticipatoryProcess } from '../entities/participatory-process.entity';
import { ProcessesRepository } from '../repositories/processes.repository';
import { money } from './participation-notices.service';
import { VotingService } from './voting.service';

/** Longest project title quoted in a confirmation (SMS parts cost money; the number names the project anyway). */
const TITLE_CHARS = 24;

type Refusal =
  | 'typo'
  | 'unknownProject'
  | 'tooMany'
  | 'tooFew'
  | 'overEnvelope'
  | 'duplicate'
  | 'alreadyVoted'
  | 'votedOnPaper'
  | 'closed'
  | 'noVote'
  | 'notVerified'
  | 'severalOpen'
  | 'pointsBallot'
  | 'inPersonRequired'
  | 'notEligible'
  | 'busy'
  | 'invalid';

const short = (t: string) => (t.length > TITLE_CHARS ? `${t.slice(0, TITLE_CHARS - 1).trimEnd()}…` : t);

/**
 * Votes by SMS reply for feature phones, behind notifications' reply seam (notifications never imports
 * participation). The sender is the account that verified the phone; the vote is the one process in VOTING
 * among that account's communities; the ballot goes through `VotingService.castBySms`, the same rules as
 * online, in the inbound message's transaction (so a replayed message, stored once, votes once). Every
 * ballot-like text gets an answer in the voter's language: the projects counted, or what was wrong.
 */
@Injectable()
export class SmsBallotService implements SmsReplyHandler, OnModuleInit {
  readonly name = 'participation.sms-ballot';

  constructor(
    private readonly handlers: SmsReplyHandlers,
    private readonly phones: PhoneVerificationService,
    private readonly memberships: MembershipService,
    private readonly accounts: AccountService,
    private readonly processes: ProcessesRepository,
    private readonly voting: VotingService,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(tx: Transaction, m: SmsReplyMessage): Promise<SmsReplyOutcome | null> {
    const reading = readSmsBallot(m.text);
    if (reading.kind === 'notABallot') return null;
    const accountId = await this.phones.accountOfVerifiedPhone(m.from);
    // Unknown numbers are answered in Kyrgyz, the platform's default (nothing says which language they read).
    if (!accountId) return refused('notVerified', {}, null, null);
    const [account] = await this.accounts.byIds([accountId]);
    const locale = account?.locale ?? null;
    const no = (why: Refusal, params: NotificationParams = {}) => refused(why, params, locale, accountId);
    const communities = [...new Set((await this.memberships.rolesOfAccount(accountId)).map((r) => r.communityId))];
    const open = await this.processes.inPhases(tx, communities, ['VOTING']);
    if (!open.length) {
      const [closed] = await this.processes.inPhases(tx, communities, ['RESULTS', 'IMPLEMENTATION']);
      return closed ? no('closed', { process: titleOf(closed) }) : no('noVote');
    }
    if (open.length > 1) return no('severalOpen', { count: open.length });
    const process = open[0];
    if (process.ballotKind === 'CUMULATIVE') return no('pointsBallot', { process: titleOf(process) });
    const projects = await this.voting.projectsOnBallot(tx, process.id);
    if (reading.kind === 'typo') return no('typo', { token: reading.token });
    if (reading.kind === 'unknownLetter') return no('unknownProject', { token: reading.token, count: projects.length });
    if (reading.kind === 'tooLong') return no('tooMany', { limit: process.maxChoices ?? projects.length });
    const unknown = reading.numbers.findIndex((n) => n > projects.length);
    if (unknown >= 0) return no('unknownProject', { token: reading.written[unknown], count: projects.length });
    const dup = reading.numbers.findIndex((n, i) => reading.numbers.indexOf(n) !== i);
    if (dup >= 0) return no('duplicate', { token: reading.written[dup] });
    const choices = reading.numbers.map((n) => projects[n - 1].id);
    const actor = new Actor(accountId, false, (id) => this.memberships.rolesOfAccount(id));
    let receiptCode: string;
    try {
      ({ receiptCode } = await m.attempt(() => this.voting.castBySms(tx, actor, process, choices)));
    } catch (e) {
      const why = refusalOf(e);
      if (!why) throw e;
      return no(why, refusalParams(why, e as DomainError, process));
    }
    const named = reading.numbers.map((n) => `${smsLabelOf(n)} ${short(projects[n - 1].title)}`).join('; ');
    return {
      action: 'VOTE',
      reply: { templateKey: 'participation.sms.accepted', params: { process: titleOf(process), projects: named, receipt: receiptCode }, locale, accountId },
    };
  }
}

function titleOf(p: ParticipatoryProcess): NotificationParams[string] {
  return { text: { ...p.title } };
}

function refused(why: Refusal, params: NotificationParams, locale: string | null, accountId: string | null): SmsReplyOutcome {
  return { action: 'VOTE_REFUSED', reply: { templateKey: `participation.sms.refused.${why}`, params, locale, accountId } };
}

/** The voting service's refusal as an SMS answer; null for an error that is not a refusal (it propagates). */
function refusalOf(e: unknown): Refusal | null {
  if (e instanceof TooManyRequestsError) return 'busy';
  if (!(e instanceof DomainError)) return null;
  const key = e.messageKey;
  if (e.code === 'BAD_USER_INPUT') {
    if (key.endsWith('.TOO_MANY_PROJECTS')) return 'tooMany';
    if (key.endsWith('.TOO_FEW_PROJECTS')) return 'tooFew';
    if (key.endsWith('.OVER_BUDGET') || key.endsWith('.OVER_COST_CAP') || key.endsWith('.DISTRICT_OVER_ENVELOPE')) return 'overEnvelope';
    return 'invalid';
  }
  if (e.code === 'CONFLICT') {
    if (key === 'errors.participation.sms.alreadyVoted') return 'alreadyVoted';
    if (key === 'errors.participation.votedOnPaper') return 'votedOnPaper';
    if (key === 'errors.participation.votingClosed') return 'closed';
    return 'invalid';
  }
  if (e.code === 'FORBIDDEN') return e.details.reason === 'IN_PERSON_VERIFICATION_REQUIRED' ? 'inPersonRequired' : 'notEligible';
  return null;
}

function refusalParams(why: Refusal, e: DomainError, process: ParticipatoryProcess): NotificationParams {
  const limit = Number((e.details.params as { limit?: unknown } | undefined)?.limit ?? (e.details as { limit?: unknown }).limit ?? 0);
  if (why === 'tooMany' || why === 'tooFew') return { limit };
  if (why === 'overEnvelope') return { envelope: money(process.envelope, process.currency) };
  if (why === 'busy' || why === 'invalid') return {};
  return { process: titleOf(process) };
}
