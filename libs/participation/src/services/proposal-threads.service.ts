import { Actor, PermissionService } from '@ashar/auth';
import { InvalidInputError } from '@ashar/kernel';
import { ThreadMessageView, ThreadPolicy, ThreadPolicyRegistry, ThreadService, ThreadSubject } from '@ashar/threads';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommentOnProposalInput } from '../dtos/comment-on-proposal.input';
import { ProposalCommentType } from '../dtos/proposal-comment.type';
import { PARTICIPATION_PERMISSIONS } from '../participation.permissions';
import { PROPOSAL_COMMENTS_PER_ACCOUNT } from '../participation.rate-limits';
import { ProjectsRepository } from '../repositories/projects.repository';
import { ProcessService } from './process.service';
import { ProposalService } from './proposal.service';

export const PROPOSAL_THREAD = { context: 'participation', subjectType: 'proposal' } as const;
/** The anchor of comments about a project's implementation (one thread per proposal, two kinds of comment). */
export const IMPLEMENTATION_ANCHOR = 'implementation';
const MAX_COMMENT = 4000;

const toComment = (m: ThreadMessageView): ProposalCommentType => ({
  id: m.id,
  authorAccountId: m.authorAccountId,
  body: m.body,
  hidden: m.hidden,
  hiddenReason: m.hiddenReason,
  aboutImplementation: m.anchor === IMPLEMENTATION_ANCHOR,
  createdAt: m.createdAt,
  replies: m.replies.map(toComment),
});

/**
 * Comments on proposals and on winning projects, through libs/threads: public to read; written by
 * the community's residents (members) once the process is public; moderated by its organisers
 * (`participation.manage`), with threads' hide/unhide. Implementation comments are anchored
 * `implementation` and need the proposal to be a project.
 */
@Injectable()
export class ProposalThreadsService implements OnModuleInit {
  constructor(
    private readonly threads: ThreadService,
    private readonly registry: ThreadPolicyRegistry,
    private readonly proposals: ProposalService,
    private readonly processes: ProcessService,
    private readonly projects: ProjectsRepository,
    private readonly permissions: PermissionService,
  ) {}

  readonly policy: ThreadPolicy = {
    ...PROPOSAL_THREAD,
    maxBodyLength: MAX_COMMENT,
    writeLimit: PROPOSAL_COMMENTS_PER_ACCOUNT,
    subjectFor: async (actor, proposalId): Promise<ThreadSubject> => {
      const proposal = await this.proposals.byId(actor, proposalId);
      const process = await this.processes.byId(proposal.processId);
      return { ...PROPOSAL_THREAD, subjectId: proposal.id, communityId: process.communityId };
    },
    canRead: async () => true,
    assertCanPost: async (actor, s, draft) => {
      await this.permissions.assert(actor, s.communityId, 'participation.propose', PARTICIPATION_PERMISSIONS);
      if (draft.anchor !== null && draft.anchor !== IMPLEMENTATION_ANCHOR) throw new InvalidInputError('input.aboutImplementation', 'errors.validation.invalid');
      if (draft.anchor === IMPLEMENTATION_ANCHOR && !(await this.projects.findById(s.subjectId))) throw new InvalidInputError('input.aboutImplementation', 'errors.participation.notAProject');
    },
    canModerate: (actor, s) => this.permissions.can(actor, s.communityId, 'participation.manage', PARTICIPATION_PERMISSIONS),
    auditPost: (s, m) => ({ action: 'participation.comment', entityType: 'ProposalComment', after: { proposalId: s.subjectId, anchor: m.anchor, parentId: m.parentId } }),
  };

  onModuleInit(): void {
    this.registry.register(this.policy);
  }

  async comment(actor: Actor, input: CommentOnProposalInput): Promise<ProposalCommentType> {
    return toComment(await this.threads.post(actor, { ...PROPOSAL_THREAD, subjectId: input.proposalId, body: input.body, anchor: input.aboutImplementation ? IMPLEMENTATION_ANCHOR : null, parentId: input.parentId ?? null, bodyField: 'input.body', parentField: 'input.parentId' }));
  }

  /** For a DataLoader: comments of proposals the reader already sees, grouped like `proposalIds`. */
  async commentsOf(actor: Actor, proposalIds: readonly string[]): Promise<ProposalCommentType[][]> {
    return (await this.threads.messagesOf(actor, PROPOSAL_THREAD.context, PROPOSAL_THREAD.subjectType, proposalIds)).map((ms) => ms.map(toComment));
  }
}
