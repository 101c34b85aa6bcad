import { Actor, RateLimitRule } from '@ashar/auth';

/** What a thread is about: named by its context, never referenced (threads know no context's tables). */
export interface ThreadSubject {
  /** The owning context, e.g. "budgets". */
  readonly context: string;
  /** The kind of subject in that context, e.g. "budget-version". */
  readonly subjectType: string;
  readonly subjectId: string;
  /** The community the subject belongs to: moderation, audit and rate limits are scoped to it. */
  readonly communityId: string;
}

/** A message about to be posted, as the policy sees it. */
export interface ThreadDraft {
  /** The part of the subject it is about (a budget line key), or null. */
  readonly anchor: string | null;
  /** The message it answers, or null for a top-level message. */
  readonly parentId: string | null;
}

/** How a new message is written to the audit log (the context keeps its own action names). */
export interface ThreadAuditEntry {
  action: string;
  entityType: string;
  after?: Record<string, unknown>;
}

/**
 * What a context supplies for one subject type: who may read, write and moderate. Threads call it
 * and know nothing else about the context. Every method answers with the platform's domain errors
 * (NotFoundError, ForbiddenError, UnauthenticatedError, ConflictError, InvalidInputError).
 */
export interface ThreadPolicy {
  readonly context: string;
  readonly subjectType: string;
  /** Longest message body accepted (after trimming). */
  readonly maxBodyLength: number;
  /** Counted per account once a message would be accepted (refused input costs nothing). */
  readonly writeLimit: RateLimitRule;

  /**
   * The subject with its community; NotFoundError when it does not exist (it may also refuse one the
   * actor may not read). Called first by every write and moderation. The policy may return a subtype
   * carrying what its other methods need (the version, the note), to read it once.
   */
  subjectFor(actor: Actor, subjectId: string): Promise<ThreadSubject>;

  /**
   * Whether `actor` may read the subject's thread. Reads go through the context's own field resolvers
   * (they only list subjects the reader sees); moderation asks this first and answers NOT_FOUND.
   */
  canRead(actor: Actor, subject: ThreadSubject): Promise<boolean>;

  /** Throws when `actor` may not post `draft` on `subject` (signed out, no permission, period closed, bad anchor). */
  assertCanPost(actor: Actor, subject: ThreadSubject, draft: ThreadDraft): Promise<void>;

  /** Whether `actor` may hide and unhide the subject's messages (moderators also read hidden text). */
  canModerate(actor: Actor, subject: ThreadSubject): Promise<boolean>;

  /** The audit entry for a new message; default `thread.message.post` on `ThreadMessage`. */
  auditPost?(subject: ThreadSubject, message: { id: string; anchor: string | null; parentId: string | null }): ThreadAuditEntry;
}
