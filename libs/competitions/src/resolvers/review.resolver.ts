import { Actor, CurrentActor } from '@ashar/auth';
import { UuidArg } from '@ashar/graphql';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AddExpertInput } from '../dtos/add-expert.input';
import { AssignmentRunType } from '../dtos/assignment-run.type';
import { InterviewType } from '../dtos/interview.type';
import { CallRankingType } from '../dtos/call-ranking.type';
import { ReviewApplicationType } from '../dtos/review-application.type';
import { ReviewAssignmentsType } from '../dtos/review-assignments.type';
import { ScoreSummaryType } from '../dtos/score-summary.type';
import { ScoreType } from '../dtos/score.type';
import { SubmissionType } from '../dtos/submission.type';
import { SubmitScoresInput } from '../dtos/submit-scores.input';
import { ApplicationService } from '../services/application.service';
import { ReviewService } from '../services/review.service';
import { submissionView } from './submission-view';

type ReviewView = ReviewApplicationType & { myScores: ScoreType[] | null };

@Resolver(() => ReviewApplicationType)
export class ReviewResolver {
  constructor(
    private readonly reviews: ReviewService,
    private readonly applications: ApplicationService,
  ) {}

  @Query(() => ReviewApplicationType, { description: 'An application for its assigned expert (never for a conflicted one)' })
  async applicationForReview(@CurrentActor() actor: Actor, @Args('applicationId', { type: () => ID }, UuidArg) applicationId: string): Promise<Omit<ReviewView, 'submissions'>> {
    const { app, call, mine } = await this.reviews.reviewable(actor, applicationId);
    return { id: app.id, callId: app.callId, directionKey: app.directionKey, title: app.title, summary: app.summary, organisationName: call.anonymousReview ? null : app.organisationName, targetRegion: app.targetRegion, myScores: mine?.scores ?? null };
  }

  @Query(() => ReviewAssignmentsType, { description: 'The caller’s own assignments on a call and their progress' })
  reviewAssignments(@CurrentActor() actor: Actor, @Args('callId', { type: () => ID }, UuidArg) callId: string) {
    return this.reviews.myAssignments(actor, callId);
  }

  @Query(() => CallRankingType, { description: 'Weighted and normalised ranking with spreads, and each expert’s progress (organisers)' })
  async callRanking(@CurrentActor() actor: Actor, @Args('callId', { type: () => ID }, UuidArg) callId: string) {
    const r = await this.reviews.ranking(actor, callId);
    return { progress: r.progress, entries: r.entries.map((e) => ({ ...e, perExpert: e.perExpert.map((p) => ({ expertAccountId: p.expertId, total: p.total, z: p.z })) })) };
  }

  @Mutation(() => [ID], { description: 'Seats an expert (a member with the EXPERT role) on the call’s committee; answers the committee' })
  addCallExpert(@CurrentActor() actor: Actor, @Args('input') input: AddExpertInput) {
    return this.reviews.addExpert(actor, input);
  }

  @Mutation(() => Boolean, { description: 'The caller declares a conflict of interest with this application' })
  declareConflict(@CurrentActor() actor: Actor, @Args('applicationId', { type: () => ID }, UuidArg) applicationId: string, @Args('reason', { type: () => String, nullable: true }) reason?: string | null) {
    return this.reviews.declareConflict(actor, applicationId, reason ?? null);
  }

  @Mutation(() => AssignmentRunType, { description: 'Balanced assignment of the applications under review, respecting conflicts and directions' })
  assignReviewers(@CurrentActor() actor: Actor, @Args('callId', { type: () => ID }, UuidArg) callId: string, @Args('perApplication', { type: () => Int }) perApplication: number) {
    return this.reviews.autoAssign(actor, callId, perApplication);
  }

  @Mutation(() => [ID], { description: 'Adds or removes one expert from an application; answers its experts' })
  setReviewAssignment(
    @CurrentActor() actor: Actor,
    @Args('applicationId', { type: () => ID }, UuidArg) applicationId: string,
    @Args('expertAccountId', { type: () => ID }, UuidArg) expertAccountId: string,
    @Args('assigned') assigned: boolean,
  ) {
    return this.reviews.setAssignment(actor, applicationId, expertAccountId, assigned);
  }

  @Mutation(() => [ScoreType], { description: 'The caller’s scores for every criterion (replaces earlier ones)' })
  submitScores(@CurrentActor() actor: Actor, @Args('input') input: SubmitScoresInput) {
    return this.reviews.submitScores(actor, input);
  }

  @ResolveField(() => [SubmissionType])
  async submissions(@Parent() a: ReviewApplicationType) {
    return (await this.applications.submissions(a.id)).map(submissionView);
  }

  @ResolveField(() => [InterviewType], { description: 'Interviews with the committee’s notes' })
  interviews(@Parent() a: ReviewApplicationType) {
    return this.applications.interviewsOf(a.id);
  }

  @ResolveField(() => ScoreSummaryType, { description: 'Everyone’s scores and the average: FORBIDDEN until the caller submitted their own' })
  scoreSummary(@Parent() a: ReviewApplicationType, @CurrentActor() actor: Actor) {
    return this.reviews.scoreSummary(actor, a.id);
  }
}
