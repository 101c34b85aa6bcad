import { Actor, CurrentActor } from '@ashar/auth';
import { Ctx, RequestContext, UuidArg } from '@ashar/graphql';
import { Args, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CastBallotInput } from '../dtos/cast-ballot.input';
import { BallotReceiptType, ProposalType } from '../dtos/participation.types';
import { EditProposalInput, ReviewProposalInput, SubmitProposalInput } from '../dtos/proposal.input';
import { Proposal } from '../entities/proposal.entity';
import { ProposalService } from '../services/proposal.service';
import { VotingService } from '../services/voting.service';

@Resolver(() => ProposalType)
export class ProposalResolver {
  constructor(private readonly proposals: ProposalService, private readonly voting: VotingService) {}

  @Mutation(() => ProposalType)
  submitProposal(@CurrentActor() actor: Actor, @Args('input') input: SubmitProposalInput) {
    return this.proposals.submit(actor, input);
  }

  @Mutation(() => ProposalType, { description: 'By its author, in the ideas phase' })
  editProposal(@CurrentActor() actor: Actor, @Args('input') input: EditProposalInput) {
    return this.proposals.edit(actor, input);
  }

  @Mutation(() => ProposalType, { description: 'One support per resident; support: false takes it back' })
  supportProposal(@CurrentActor() actor: Actor, @Args('proposalId', { type: () => ID }, UuidArg) proposalId: string, @Args('support') support: boolean) {
    return this.proposals.setSupport(actor, proposalId, support);
  }

  @Mutation(() => ProposalType)
  reviewProposal(@CurrentActor() actor: Actor, @Args('input') input: ReviewProposalInput) {
    return this.proposals.review(actor, input);
  }

  @Mutation(() => BallotReceiptType, { description: 'Casts or replaces the caller’s ballot while the vote is open' })
  castBallot(@CurrentActor() actor: Actor, @Args('input') input: CastBallotInput) {
    return this.voting.cast(actor, input);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer wrote it (and may edit it in the ideas phase)' })
  viewerIsAuthor(@Parent() p: Proposal, @CurrentActor() actor: Actor) {
    return actor.accountId !== null && p.authorAccountId === actor.accountId;
  }

  @ResolveField(() => Int)
  supportCount(@Parent() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, number>('participation.supportCount', async (ids) => {
      const counts = await this.proposals.supportCounts(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }).load(p.id);
  }

  @ResolveField(() => Boolean, { description: 'Whether the signed-in resident supports it' })
  supportedByMe(@Parent() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, boolean>('participation.supportedByMe', async (ids) => {
      const mine = await this.proposals.supportedBy(ctx.actor, ids);
      return ids.map((id) => mine.has(id));
    }).load(p.id);
  }
}
