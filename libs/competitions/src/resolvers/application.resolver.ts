import { Actor, CurrentActor } from '@ashar/auth';
import { UuidArg } from '@ashar/graphql';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ApplicationType } from '../dtos/application.type';
import { DecideApplicationInput } from '../dtos/decide-application.input';
import { InterviewType } from '../dtos/interview.type';
import { SaveDraftInput } from '../dtos/save-draft.input';
import { ScheduleInterviewInput } from '../dtos/schedule-interview.input';
import { StartApplicationInput } from '../dtos/start-application.input';
import { SubmissionType } from '../dtos/submission.type';
import { Application } from '../entities/application.entity';
import { ApplicationService } from '../services/application.service';
import { submissionView } from './submission-view';

@Resolver(() => ApplicationType)
export class ApplicationResolver {
  constructor(private readonly applications: ApplicationService) {}

  @Query(() => ApplicationType, { description: 'An application, for its editors' })
  competitionApplication(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, UuidArg) id: string) {
    return this.applications.editable(actor, id);
  }

  @Query(() => [ApplicationType], { description: 'The applications the caller edits, newest first' })
  myCompetitionApplications(@CurrentActor() actor: Actor) {
    return this.applications.mine(actor);
  }

  @Query(() => [ApplicationType], { description: 'Every application of a call, for its organisers' })
  callApplications(@CurrentActor() actor: Actor, @Args('callId', { type: () => ID }, UuidArg) callId: string) {
    return this.applications.ofCall(actor, callId);
  }

  @Mutation(() => ApplicationType, { description: 'Starts an application; the caller becomes its first editor' })
  startApplication(@CurrentActor() actor: Actor, @Args('input') input: StartApplicationInput) {
    return this.applications.start(actor, input);
  }

  @Mutation(() => ApplicationType, { description: 'Saves a stage’s draft (shapes checked, completeness on submit)' })
  saveApplicationDraft(@CurrentActor() actor: Actor, @Args('input') input: SaveDraftInput) {
    return this.applications.saveDraft(actor, input);
  }

  @Mutation(() => SubmissionType, { description: 'Freezes the stage’s draft as a new version; refused after the deadline' })
  async submitApplicationStage(@CurrentActor() actor: Actor, @Args('applicationId', { type: () => ID }, UuidArg) applicationId: string, @Args('stage', { type: () => Int }) stage: number) {
    return submissionView(await this.applications.submitStage(actor, applicationId, stage));
  }

  @Mutation(() => [ID], { description: 'Adds an editor (another person of the organisation); answers the editors' })
  addApplicationEditor(@CurrentActor() actor: Actor, @Args('applicationId', { type: () => ID }, UuidArg) applicationId: string, @Args('accountId', { type: () => ID }, UuidArg) accountId: string) {
    return this.applications.addEditor(actor, applicationId, accountId);
  }

  @Mutation(() => ApplicationType, { description: 'Shortlist, reject or select, with a reason (audited)' })
  decideApplication(@CurrentActor() actor: Actor, @Args('input') input: DecideApplicationInput) {
    return this.applications.decide(actor, input);
  }

  @Mutation(() => ApplicationType, { description: 'Excludes a selected project later; the reason is published' })
  excludeApplication(@CurrentActor() actor: Actor, @Args('applicationId', { type: () => ID }, UuidArg) applicationId: string, @Args('reason') reason: string) {
    return this.applications.exclude(actor, applicationId, reason);
  }

  @Mutation(() => InterviewType)
  scheduleInterview(@CurrentActor() actor: Actor, @Args('input') input: ScheduleInterviewInput) {
    return this.applications.scheduleInterview(actor, input);
  }

  @Mutation(() => InterviewType, { description: 'The committee’s notes of an interview (replaced)' })
  recordInterviewNotes(@CurrentActor() actor: Actor, @Args('interviewId', { type: () => ID }, UuidArg) interviewId: string, @Args('notes') notes: string) {
    return this.applications.recordInterviewNotes(actor, interviewId, notes);
  }

  @Mutation(() => ApplicationType, { description: 'After an interview: the applicant may resubmit for this many days' })
  openAmendmentWindow(@CurrentActor() actor: Actor, @Args('applicationId', { type: () => ID }, UuidArg) applicationId: string, @Args('days', { type: () => Int }) days: number) {
    return this.applications.openAmendmentWindow(actor, applicationId, days);
  }

  @ResolveField(() => String, { description: 'Draft answers: its editors only ("{}" to others)' })
  async drafts(@Parent() a: Application, @CurrentActor() actor: Actor) {
    const editors = await this.applications.editors(a.id);
    return actor.platformAdmin || (actor.accountId && editors.includes(actor.accountId)) ? JSON.stringify(a.drafts) : '{}';
  }

  @ResolveField(() => [SubmissionType])
  async submissions(@Parent() a: Application) {
    return (await this.applications.submissions(a.id)).map(submissionView);
  }

  @ResolveField(() => [ID])
  editors(@Parent() a: Application) {
    return this.applications.editors(a.id);
  }

  @ResolveField(() => Int)
  currentStage(@Parent() a: Application) {
    return a.status === 'SHORTLISTED' ? 2 : 1;
  }

  @ResolveField(() => [InterviewType], { description: 'Interview slots; the committee’s notes only for the organisers' })
  interviews(@Parent() a: Application, @CurrentActor() actor: Actor) {
    return this.applications.interviewsFor(actor, a);
  }
}
