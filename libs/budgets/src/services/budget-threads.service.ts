import { Actor, PermissionService } from '@ashar/auth';
import { DomainError, InvalidInputError } from '@ashar/kernel';
import { ThreadMessageView, ThreadPolicy, ThreadPolicyRegistry, ThreadService, ThreadSubject } from '@ashar/threads';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { BUDGETS_PERMISSIONS } from '../budgets.permissions';
import { COMMENTS_PER_ACCOUNT, REPLIES_PER_ACCOUNT } from '../budgets.rate-limits';
import { AddBudgetCommentInput, CommentType, ReplyType } from '../dtos';
import { canTransition } from '../domain/workflow';
import { BudgetVersion } from '../entities/budget-version.entity';
import { MonitoringNote } from '../entities/monitoring-note.entity';
import { BudgetThreadsQueries } from '../repositories/budget-threads.queries';
import { BudgetService } from './budget.service';
import { MonitoringService } from './monitoring.service';

/** The two kinds of budgets threads (libs/threads): a version's public hearing, a monitoring note's replies. */
export const BUDGET_VERSION_THREAD = { context: 'budgets', subjectType: 'budget-version' } as const;
export const MONITORING_NOTE_THREAD = { context: 'budgets', subjectType: 'monitoring-note' } as const;

export const MAX_COMMENT_LENGTH = 4000;
export const MAX_REPLY_LENGTH = 8000;

interface VersionSubject extends ThreadSubject {
  version: BudgetVersion;
}
interface NoteSubject extends ThreadSubject {
  note: MonitoringNote;
}

const toComment = (m: ThreadMessageView): CommentType => ({ id: m.id, lineKey: m.anchor, body: m.body, createdAt: m.createdAt, hidden: m.hidden, hiddenReason: m.hiddenReason });
const toReply = (m: ThreadMessageView): ReplyType => ({ id: m.id, body: m.body, createdAt: m.createdAt, hidden: m.hidden, hiddenReason: m.hiddenReason, authorAccountId: m.authorAccountId });

/**
 * Budgets on threads: the policies (who reads, writes, moderates each kind of subject), registered
 * when the module starts, and the entry points the comment and monitoring-note resolvers call.
 * Moderation is `budget.moderate` (moderators and the community admin) for both kinds.
 */
@Injectable()
export class BudgetThreadsService implements OnModuleInit {
  constructor(
    private readonly threads: ThreadService,
    private readonly registry: ThreadPolicyRegistry,
    private readonly budgets: BudgetService,
    private readonly monitoring: MonitoringService,
    private readonly permissions: PermissionService,
    private readonly queries: BudgetThreadsQueries,
  ) {}

  private readonly canModerate = (actor: Actor, s: ThreadSubject) => this.permissions.can(actor, s.communityId, 'budget.moderate', BUDGETS_PERMISSIONS);

  /** Anyone signed in comments on a version published for hearing, during its comment period. */
  readonly hearingPolicy: ThreadPolicy = {
    ...BUDGET_VERSION_THREAD,
    maxBodyLength: MAX_COMMENT_LENGTH,
    writeLimit: COMMENTS_PER_ACCOUNT,
    // visibleVersion: drafts are NOT_FOUND for everybody outside the budget group and the admin.
    subjectFor: async (actor, versionId): Promise<VersionSubject> => {
      const { version, budget } = await this.budgets.visibleVersion(actor, versionId);
      return { ...BUDGET_VERSION_THREAD, subjectId: version.id, communityId: budget.communityId, version };
    },
    canRead: async () => true,
    assertCanPost: async (_actor, s, draft) => {
      if (draft.parentId !== null) throw new InvalidInputError('parentId', 'errors.threads.noReplies');
      await this.assertCommentable((s as VersionSubject).version, draft.anchor);
    },
    canModerate: this.canModerate,
    auditPost: (s, m) => ({ action: 'budget.comment', entityType: 'BudgetComment', after: { versionId: s.subjectId, lineKey: m.anchor } }),
  };

  /** The budget group replies under its notes; the public reads the replies of resolved notes. */
  readonly notePolicy: ThreadPolicy = {
    ...MONITORING_NOTE_THREAD,
    maxBodyLength: MAX_REPLY_LENGTH,
    writeLimit: REPLIES_PER_ACCOUNT,
    subjectFor: async (_actor, noteId): Promise<NoteSubject> => {
      const { note, communityId } = await this.monitoring.noteWithCommunity(noteId);
      return { ...MONITORING_NOTE_THREAD, subjectId: note.id, communityId, note };
    },
    canRead: async (actor, s) => (s as NoteSubject).note.status === 'RESOLVED' || this.permissions.can(actor, s.communityId, 'budget.viewInternal', BUDGETS_PERMISSIONS),
    assertCanPost: async (actor, s, draft) => {
      await this.permissions.assert(actor, s.communityId, 'budget.monitor', BUDGETS_PERMISSIONS);
      if (draft.parentId !== null) throw new InvalidInputError('parentId', 'errors.threads.noReplies');
    },
    canModerate: this.canModerate,
    auditPost: (s) => ({ action: 'budget.note.reply', entityType: 'MonitoringReply', after: { noteId: s.subjectId } }),
  };

  /** Open for public hearing, until its comment period ends, on one of its own lines if any. */
  private async assertCommentable(version: BudgetVersion, lineKey: string | null): Promise<void> {
    if (!canTransition('comment', version.status)) throw new DomainError('CONFLICT', 'errors.budgets.commentsClosed', 'Not open for comments');
    if (version.commentsUntil && version.commentsUntil < new Date().toISOString().slice(0, 10)) throw new DomainError('CONFLICT', 'errors.budgets.commentsClosed', 'Comment period over');
    if (lineKey && !(await this.queries.versionHasLine(version.id, lineKey))) throw new InvalidInputError('input.lineKey', 'errors.budgets.unknownLine');
  }

  onModuleInit(): void {
    this.registry.register(this.hearingPolicy);
    this.registry.register(this.notePolicy);
  }

  async comment(actor: Actor, input: AddBudgetCommentInput): Promise<CommentType> {
    return toComment(await this.threads.post(actor, { ...BUDGET_VERSION_THREAD, subjectId: input.versionId, body: input.body, anchor: input.lineKey ?? null, bodyField: 'input.body' }));
  }

  /** For a DataLoader: the comments of versions the reader already sees, grouped like `versionIds`. */
  async commentsOf(actor: Actor, versionIds: readonly string[]): Promise<CommentType[][]> {
    return (await this.threads.messagesOf(actor, BUDGET_VERSION_THREAD.context, BUDGET_VERSION_THREAD.subjectType, versionIds)).map((ms) => ms.map(toComment));
  }

  async reply(actor: Actor, noteId: string, body: string): Promise<ReplyType> {
    // As before threads: the text is checked before the note is looked up.
    const text = typeof body === 'string' ? body.trim() : '';
    if (!text) throw new InvalidInputError('body', 'errors.validation.required');
    if (text.length > MAX_REPLY_LENGTH) throw new InvalidInputError('body', 'errors.validation.tooLong', undefined, { max: MAX_REPLY_LENGTH });
    return toReply(await this.threads.post(actor, { ...MONITORING_NOTE_THREAD, subjectId: noteId, body: text }));
  }

  /** For a DataLoader: the replies of notes the reader already sees, grouped like `noteIds`. */
  async repliesOf(actor: Actor, noteIds: readonly string[]): Promise<ReplyType[][]> {
    return (await this.threads.messagesOf(actor, MONITORING_NOTE_THREAD.context, MONITORING_NOTE_THREAD.subjectType, noteIds)).map((ms) => ms.map(toReply));
  }
}
