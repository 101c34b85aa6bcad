import { Actor, CurrentActor } from '@ashar/auth';
import { UuidArg } from '@ashar/graphql';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AddCouncilMemberInput } from '../dtos/add-council-member.input';
import { BodyRulesInput } from '../dtos/body-rules.input';
import { BodyRulesType, CouncilBodyType } from '../dtos/council-body.type';
import { CouncilDirectoryInput } from '../dtos/council-directory.input';
import { CouncilCountryEnum } from '../dtos/councils.enums';
import { CouncilMeetingType } from '../dtos/council-meeting.type';
import { CouncilMemberType } from '../dtos/council-member.type';
import { CreateCouncilBodyInput } from '../dtos/create-council-body.input';
import { CreateStateBodyInput } from '../dtos/create-state-body.input';
import { EndCouncilMembershipInput } from '../dtos/end-council-membership.input';
import { MyCouncilContactsInput } from '../dtos/my-council-contacts.input';
import { RecommendationType } from '../dtos/recommendation.type';
import { StateBodyType } from '../dtos/state-body.type';
import { CouncilBody } from '../entities/council-body.entity';
import { rulesOf } from '../services/decision.service';
import { BodyAccess } from '../services/body-access';
import { BodyService } from '../services/body.service';
import { MeetingService } from '../services/meeting.service';
import { RecommendationService } from '../services/recommendation.service';

@Resolver(() => CouncilBodyType)
export class CouncilBodyResolver {
  constructor(
    private readonly bodies: BodyService,
    private readonly meetingService: MeetingService,
    private readonly recommendationService: RecommendationService,
    private readonly access: BodyAccess,
  ) {}

  @Query(() => [CouncilBodyType], { description: 'The national directory of councils and civic bodies (public)' })
  councilDirectory(@Args('filter', { type: () => CouncilDirectoryInput, nullable: true }) filter?: CouncilDirectoryInput) {
    return this.bodies.directory(filter);
  }

  @Query(() => CouncilBodyType)
  councilBody(@Args('id', { type: () => ID }, UuidArg) id: string) {
    return this.bodies.byId(id);
  }

  @Query(() => [StateBodyType])
  stateBodies(@Args('country', { type: () => CouncilCountryEnum, nullable: true }) country?: CouncilCountryEnum | null) {
    return this.bodies.stateBodies(country ?? null);
  }

  @Mutation(() => StateBodyType, { description: 'Platform admins' })
  createStateBody(@CurrentActor() actor: Actor, @Args('input') input: CreateStateBodyInput) {
    return this.bodies.createStateBody(actor, input);
  }

  @Mutation(() => CouncilBodyType, { description: 'The community’s admin; a state body’s council: platform admins' })
  createCouncilBody(@CurrentActor() actor: Actor, @Args('input') input: CreateCouncilBodyInput) {
    return this.bodies.create(actor, input);
  }

  @Mutation(() => CouncilBodyType)
  updateCouncilBodyRules(@CurrentActor() actor: Actor, @Args('bodyId', { type: () => ID }, UuidArg) bodyId: string, @Args('rules') rules: BodyRulesInput) {
    return this.bodies.updateRules(actor, bodyId, rules);
  }

  @Mutation(() => CouncilMemberType)
  addCouncilMember(@CurrentActor() actor: Actor, @Args('input') input: AddCouncilMemberInput) {
    return this.bodies.addMember(actor, input);
  }

  @Mutation(() => CouncilMemberType, { description: 'Ends a term (kept in the history)' })
  endCouncilMembership(@CurrentActor() actor: Actor, @Args('input') input: EndCouncilMembershipInput) {
    return this.bodies.endMembership(actor, input);
  }

  @Mutation(() => Boolean, { description: 'The signed-in member publishes (or hides) their contacts; answers whether they are published' })
  setMyCouncilContacts(@CurrentActor() actor: Actor, @Args('input') input: MyCouncilContactsInput) {
    return this.bodies.setMyContacts(actor, input);
  }

  @ResolveField(() => BodyRulesType)
  rules(@Parent() b: CouncilBody) {
    return rulesOf(b);
  }

  @ResolveField(() => StateBodyType, { nullable: true })
  stateBody(@Parent() b: CouncilBody) {
    return b.stateBodyId ? this.bodies.stateBody(b.stateBodyId) : null;
  }

  @ResolveField(() => [CouncilMemberType], { description: 'Current members; with includePast the whole membership history' })
  members(@Parent() b: CouncilBody, @Args('includePast', { type: () => Boolean, nullable: true }) includePast?: boolean | null) {
    return this.bodies.members(b.id, !!includePast);
  }

  @ResolveField(() => [CouncilMeetingType], { description: 'The calendar, oldest first' })
  meetings(@Parent() b: CouncilBody) {
    return this.meetingService.ofBody(b.id);
  }

  @ResolveField(() => [RecommendationType])
  recommendations(@Parent() b: CouncilBody) {
    return this.recommendationService.ofBody(b.id);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer is the body’s current secretary (the server checks again)' })
  viewerIsSecretary(@Parent() b: CouncilBody, @CurrentActor() actor: Actor) {
    return this.access.isSecretary(actor, b.id);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may appoint and end members and change the rules (the server checks again)' })
  viewerCanManageMembers(@Parent() b: CouncilBody, @CurrentActor() actor: Actor) {
    return this.access.canManageMembers(actor, b);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer sits on the body today' })
  viewerIsMember(@Parent() b: CouncilBody, @CurrentActor() actor: Actor) {
    return this.access.isMember(actor, b.id);
  }
}
