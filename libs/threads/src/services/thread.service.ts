import { Actor, PermissionService, RateLimiter } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { TransactionRunner } from '@ashar/database';
import { ConflictError, ForbiddenError, InvalidInputError, isUuid, NotFoundError } from '@ashar/kernel';
import { Injectable } from '@nestjs/common';
import { StoredMessage, ThreadRepository } from '../repositories/thread.repository';
import { ThreadPolicy, ThreadSubject } from '../thread-policy';
import { MAX_REASON_LENGTH, MODERATION_PER_ACCOUNT } from '../threads.rate-limits';
import { ThreadPolicyRegistry } from './thread-policy.registry';

/**
 * A message as one reader may see it. A hidden message keeps its place: the public gets
 * `hidden: true` without `body` and `hiddenReason`; its author and the subject's moderators still
 * read both.
 */
export interface ThreadMessageView {
  id: string;
  subjectId: string;
  parentId: string | null;
  anchor: string | null;
  authorAccountId: string;
  createdAt: Date;
  body: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  hiddenAt: Date | null;
  /** Replies (one level), oldest first; always empty on a reply. */
  replies: ThreadMessageView[];
}

export interface PostMessage {
  context: string;
  subjectType: string;
  subjectId: string;
  body: string;
  anchor?: string | null;
  parentId?: string | null;
  /** Path of the body in the caller's arguments, for BAD_USER_INPUT (default "body"). */
  bodyField?: string;
  /** Path of the parent id in the caller's arguments (default "parentId"). */
  parentField?: string;
}

/** Comments with replies and moderation, for any context that registers a ThreadPolicy. */
@Injectable()
export class ThreadService {
  constructor(
    private readonly repo: ThreadRepository,
    private readonly policies: ThreadPolicyRegistry,
    private readonly permissions: PermissionService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
  ) {}

  /** Posts a message after the subject's policy agreed; the policy's rate limit counts accepted input only. */
  async post(actor: Actor, input: PostMessage): Promise<ThreadMessageView> {
    const authorAccountId = this.permissions.requireAccount(actor);
    const policy = this.policies.get(input.context, input.subjectType);
    const subject = await policy.subjectFor(actor, input.subjectId);
    const anchor = input.anchor ?? null;
    const parentId = input.parentId ?? null;
    await policy.assertCanPost(actor, subject, { anchor, parentId });
    const body = typeof input.body === 'string' ? input.body.trim() : '';
    const bodyField = input.bodyField ?? 'body';
    if (!body) throw new InvalidInputError(bodyField, 'errors.validation.required');
    if (body.length > policy.maxBodyLength) throw new InvalidInputError(bodyField, 'errors.validation.tooLong', undefined, { max: policy.maxBodyLength });
    if (parentId !== null) await this.assertParent(parentId, subject, input.parentField ?? 'parentId');
    await this.limiter.consume(policy.writeLimit, [authorAccountId]);
    return this.tx.run(async (tx) => {
      const threadId = await this.repo.ensureThread(tx, subject);
      const m = await this.repo.insertMessage(tx, { threadId, parentId, anchor, authorAccountId, body });
      const entry = policy.auditPost?.(subject, m) ?? { action: 'thread.message.post', entityType: 'ThreadMessage', after: { context: subject.context, subjectType: subject.subjectType, subjectId: subject.subjectId, parentId, anchor } };
      await this.audit.record(tx, actor.toAudit(), { ...entry, entityId: m.id, communityId: subject.communityId });
      return this.view({ ...m, subject }, true);
    });
  }

  /**
   * The messages of many subjects of one kind, grouped like `subjectIds` (one statement: call it from
   * a DataLoader). The caller has already decided that `actor` may see these subjects.
   */
  async messagesOf(actor: Actor, context: string, subjectType: string, subjectIds: readonly string[]): Promise<ThreadMessageView[][]> {
    const policy = this.policies.get(context, subjectType);
    const rows = await this.repo.messagesOfSubjects(context, subjectType, subjectIds);
    const moderates = new Map<string, Promise<boolean>>();
    const canModerate = (s: ThreadSubject) => {
      if (!moderates.has(s.communityId)) moderates.set(s.communityId, actor.accountId ? policy.canModerate(actor, s) : Promise.resolve(false));
      return moderates.get(s.communityId)!;
    };
    const views = await Promise.all(rows.map(async (r) => this.view(r, r.authorAccountId === actor.accountId || (r.hiddenAt !== null && (await canModerate(r.subject))))));
    const byId = new Map(views.map((v) => [v.id, v]));
    const top = new Map<string, ThreadMessageView[]>();
    for (const v of views) {
      const parent = v.parentId ? byId.get(v.parentId) : undefined;
      if (parent) parent.replies.push(v);
      else {
        if (!top.has(v.subjectId)) top.set(v.subjectId, []);
        top.get(v.subjectId)!.push(v);
      }
    }
    return subjectIds.map((id) => top.get(id) ?? []);
  }

  /** A moderator of the subject hides a message with a reason (shown to the author); audited. */
  async hide(actor: Actor, messageId: string, reason: string): Promise<ThreadMessageView> {
    const { message, subject } = await this.forModerator(actor, messageId);
    const text = typeof reason === 'string' ? reason.trim() : '';
    if (!text) throw new InvalidInputError('reason', 'errors.validation.required');
    if (text.length > MAX_REASON_LENGTH) throw new InvalidInputError('reason', 'errors.validation.tooLong', undefined, { max: MAX_REASON_LENGTH });
    if (message.hiddenAt) throw new ConflictError('errors.threads.alreadyHidden');
    await this.limiter.consume(MODERATION_PER_ACCOUNT, [actor.accountId]);
    return this.tx.run(async (tx) => {
      if (!(await this.repo.hide(tx, message.id, actor.accountId!, text))) throw new ConflictError('errors.threads.alreadyHidden');
      await this.audit.record(tx, actor.toAudit(), {
        action: 'thread.message.hide',
        entityType: 'ThreadMessage',
        entityId: message.id,
        communityId: subject.communityId,
        before: { hidden: false },
        after: { hidden: true, reason: text, context: subject.context, subjectType: subject.subjectType, subjectId: subject.subjectId },
      });
      return this.view((await this.repo.messageById(message.id, tx))!, true);
    });
  }

  /** A moderator of the subject shows a hidden message again; audited with the reason it had. */
  async unhide(actor: Actor, messageId: string): Promise<ThreadMessageView> {
    const { message, subject } = await this.forModerator(actor, messageId);
    if (!message.hiddenAt) throw new ConflictError('errors.threads.notHidden');
    await this.limiter.consume(MODERATION_PER_ACCOUNT, [actor.accountId]);
    return this.tx.run(async (tx) => {
      if (!(await this.repo.unhide(tx, message.id))) throw new ConflictError('errors.threads.notHidden');
      await this.audit.record(tx, actor.toAudit(), {
        action: 'thread.message.unhide',
        entityType: 'ThreadMessage',
        entityId: message.id,
        communityId: subject.communityId,
        before: { hidden: true, reason: message.hiddenReason, hiddenBy: message.hiddenBy },
        after: { hidden: false, context: subject.context, subjectType: subject.subjectType, subjectId: subject.subjectId },
      });
      return this.view((await this.repo.messageById(message.id, tx))!, true);
    });
  }

  /**
   * The message and its subject for a moderator: signed out is UNAUTHENTICATED, a message (or subject)
   * the actor may not read NOT_FOUND, one it may read but not moderate FORBIDDEN.
   */
  private async forModerator(actor: Actor, messageId: string): Promise<{ message: StoredMessage; subject: ThreadSubject; policy: ThreadPolicy }> {
    this.permissions.requireAccount(actor);
    const message = isUuid(messageId) ? await this.repo.messageById(messageId) : null;
    if (!message) throw new NotFoundError('ThreadMessage', messageId);
    const policy = this.policies.get(message.subject.context, message.subject.subjectType);
    const subject = await policy.subjectFor(actor, message.subject.subjectId);
    if (!(await policy.canRead(actor, subject))) throw new NotFoundError('ThreadMessage', messageId);
    if (!(await policy.canModerate(actor, subject))) throw new ForbiddenError('thread.moderate');
    return { message, subject, policy };
  }

  private async assertParent(parentId: string, subject: ThreadSubject, field: string): Promise<void> {
    const parent = isUuid(parentId) ? await this.repo.messageById(parentId) : null;
    const same = parent && parent.subject.context === subject.context && parent.subject.subjectType === subject.subjectType && parent.subject.subjectId === subject.subjectId;
    if (!parent || !same) throw new InvalidInputError(field, 'errors.threads.unknownMessage');
    if (parent.parentId !== null) throw new InvalidInputError(field, 'errors.threads.replyToReply');
  }

  private view(m: StoredMessage, mayReadHidden: boolean): ThreadMessageView {
    const hidden = m.hiddenAt !== null;
    const readable = !hidden || mayReadHidden;
    return {
      id: m.id,
      subjectId: m.subject.subjectId,
      parentId: m.parentId,
      anchor: m.anchor,
      authorAccountId: m.authorAccountId,
      createdAt: m.createdAt,
      body: readable ? m.body : null,
      hidden,
      hiddenReason: hidden && readable ? m.hiddenReason : null,
      hiddenAt: m.hiddenAt,
      replies: [],
    };
  }
}
