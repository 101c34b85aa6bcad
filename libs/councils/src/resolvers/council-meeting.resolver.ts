import { Actor, CurrentActor } from '@ashar/auth';
import { UuidArg } from '@ashar/graphql';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AgendaItemInput } from '../dtos/agenda-item.input';
import { AgendaItemType } from '../dtos/agenda-item.type';
import { AttendanceInput } from '../dtos/attendance.input';
import { CouncilDocumentInput } from '../dtos/council-document.input';
import { CouncilDocumentType } from '../dtos/council-document.type';
import { CouncilMeetingType, MeetingQuorumType } from '../dtos/council-meeting.type';
import { MinutesInput } from '../dtos/minutes.input';
import { ScheduleMeetingInput } from '../dtos/schedule-meeting.input';
import { CouncilMeeting } from '../entities/council-meeting.entity';
import { MeetingService } from '../services/meeting.service';

@Resolver(() => CouncilMeetingType)
export class CouncilMeetingResolver {
  constructor(private readonly meetings: MeetingService) {}

  @Query(() => CouncilMeetingType, { description: 'Public; a CLOSED meeting shows its agenda and decisions to its members only until published' })
  councilMeeting(@Args('id', { type: () => ID }, UuidArg) id: string) {
    return this.meetings.byId(id);
  }

  @Mutation(() => CouncilMeetingType)
  scheduleCouncilMeeting(@CurrentActor() actor: Actor, @Args('input') input: ScheduleMeetingInput) {
    return this.meetings.schedule(actor, input);
  }

  @Mutation(() => AgendaItemType)
  addAgendaItem(@CurrentActor() actor: Actor, @Args('input') input: AgendaItemInput) {
    return this.meetings.addItem(actor, input);
  }

  @Mutation(() => CouncilMeetingType)
  recordCouncilAttendance(@CurrentActor() actor: Actor, @Args('input') input: AttendanceInput) {
    return this.meetings.recordAttendance(actor, input);
  }

  @Mutation(() => CouncilMeetingType, { description: 'The secretary only; CONFLICT once approved' })
  saveCouncilMinutes(@CurrentActor() actor: Actor, @Args('input') input: MinutesInput) {
    return this.meetings.saveMinutes(actor, input);
  }

  @Mutation(() => CouncilMeetingType, { description: 'Ends the meeting: no vote or decision after this' })
  closeCouncilMeeting(@CurrentActor() actor: Actor, @Args('meetingId', { type: () => ID }, UuidArg) meetingId: string) {
    return this.meetings.close(actor, meetingId);
  }

  @Mutation(() => CouncilMeetingType)
  publishCouncilMeeting(@CurrentActor() actor: Actor, @Args('meetingId', { type: () => ID }, UuidArg) meetingId: string) {
    return this.meetings.publish(actor, meetingId);
  }

  @Mutation(() => CouncilDocumentType)
  attachCouncilDocument(@CurrentActor() actor: Actor, @Args('input') input: CouncilDocumentInput) {
    return this.meetings.attachDocument(actor, input);
  }

  @ResolveField(() => [AgendaItemType], { description: 'Empty for the public while a CLOSED meeting is unpublished' })
  agenda(@Parent() m: CouncilMeeting, @CurrentActor() actor: Actor) {
    return this.meetings.items(actor, m);
  }

  @ResolveField(() => String, { nullable: true, description: 'Approved minutes for everyone who may see the meeting; drafts for its members' })
  minutes(@Parent() m: CouncilMeeting, @CurrentActor() actor: Actor) {
    return this.meetings.minutes(actor, m);
  }

  @ResolveField(() => ID, { nullable: true, description: 'The viewer’s term on the meeting day when they sit on the body (their own vote goes under it); null otherwise' })
  viewerMembershipId(@Parent() m: CouncilMeeting, @CurrentActor() actor: Actor) {
    return this.meetings.viewerMembershipId(actor, m);
  }

  @ResolveField(() => MeetingQuorumType)
  quorum(@Parent() m: CouncilMeeting) {
    return this.meetings.quorum(m);
  }

  @ResolveField(() => [CouncilDocumentType])
  documents(@Parent() m: CouncilMeeting, @CurrentActor() actor: Actor) {
    return this.meetings.documents(actor, 'MEETING', m.id, m);
  }
}
