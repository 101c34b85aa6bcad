import { Actor, CurrentActor } from '@ashar/auth';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ActionCheckInput } from '../dtos/action-check.input';
import { ActionItemStatusInput } from '../dtos/action-item-status.input';
import { ActionItemInput } from '../dtos/action-item.input';
import { ActionPlanInput } from '../dtos/action-plan.input';
import { ActionCheckType, ActionItemType, ActionPlanType } from '../dtos/action-plan.type';
import { ActionItem } from '../entities/action-item.entity';
import { ActionPlan } from '../entities/action-plan.entity';
import { ActionPlanService } from '../services/action-plan.service';
import { MeetingService } from '../services/meeting.service';
import { CouncilDocumentType } from '../dtos/council-document.type';

@Resolver(() => ActionPlanType)
export class ActionPlanResolver {
  constructor(private readonly plans: ActionPlanService) {}

  @Mutation(() => ActionPlanType)
  createActionPlan(@CurrentActor() actor: Actor, @Args('input') input: ActionPlanInput) {
    return this.plans.create(actor, input);
  }

  @Mutation(() => ActionItemType)
  addActionItem(@CurrentActor() actor: Actor, @Args('input') input: ActionItemInput) {
    return this.plans.addItem(actor, input);
  }

  @Mutation(() => ActionItemType)
  setActionItemStatus(@CurrentActor() actor: Actor, @Args('input') input: ActionItemStatusInput) {
    return this.plans.setStatus(actor, input);
  }

  @Mutation(() => ActionCheckType, { description: 'The monitoring body’s secretary' })
  recordActionCheck(@CurrentActor() actor: Actor, @Args('input') input: ActionCheckInput) {
    return this.plans.recordCheck(actor, input);
  }

  @ResolveField(() => [ActionItemType])
  items(@Parent() p: ActionPlan) {
    return this.plans.items(p.id);
  }
}

@Resolver(() => ActionItemType)
export class ActionItemResolver {
  constructor(
    private readonly plans: ActionPlanService,
    private readonly meetings: MeetingService,
  ) {}

  @ResolveField(() => [CouncilDocumentType], { description: 'Papers attached to this item (public, as the plan is)' })
  documents(@Parent() i: ActionItem, @CurrentActor() actor: Actor) {
    return this.meetings.documents(actor, 'ACTION_ITEM', i.id, null);
  }

  @ResolveField(() => Boolean, { description: 'Past its deadline and neither done nor cancelled' })
  overdue(@Parent() i: ActionItem) {
    return this.plans.isOverdue(i);
  }

  @ResolveField(() => [ActionCheckType])
  checks(@Parent() i: ActionItem) {
    return this.plans.checks(i.id);
  }
}
