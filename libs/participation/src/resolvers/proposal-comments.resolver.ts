import { Actor, CurrentActor } from '@ashar/auth';
import { Ctx, RequestContext } from '@ashar/graphql';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CommentOnProposalInput } from '../dtos/comment-on-proposal.input';
import { ProposalCommentType } from '../dtos/proposal-comment.type';
import { ProposalType } from '../dtos/participation.types';
import { Proposal } from '../entities/proposal.entity';
import { ProposalThreadsService } from '../services/proposal-threads.service';

@Resolver(() => ProposalType)
export class ProposalCommentsResolver {
  constructor(private readonly threads: ProposalThreadsService) {}

  @Mutation(() => ProposalCommentType, { description: 'Residents comment on a proposal (or, aboutImplementation, on its project); moderated with hideComment' })
  commentOnProposal(@CurrentActor() actor: Actor, @Args('input') input: CommentOnProposalInput) {
    return this.threads.comment(actor, input);
  }

  @ResolveField(() => [ProposalCommentType], { description: 'Comments, oldest first, with their replies' })
  comments(@Parent() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, ProposalCommentType[]>('participation.comments', (ids) => this.threads.commentsOf(ctx.actor, ids)).load(p.id);
  }
}
