import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ScoreType } from './score.type';
import { SubmissionType } from './submission.type';

/** What an assigned expert sees of an application. */
@ObjectType('ApplicationForReview')
export class ReviewApplicationType {
  @Field(() => ID) id: string;
  @Field(() => ID) callId: string;
  @Field() directionKey: string;
  @Field() title: string;
  @Field() summary: string;
  @Field(() => String, { nullable: true, description: 'null when the call reviews anonymously' }) organisationName: string | null;
  @Field() targetRegion: string;
  @Field(() => [SubmissionType]) submissions: SubmissionType[];
  @Field(() => [ScoreType], { nullable: true, description: 'The expert’s own scores, once submitted' }) myScores: ScoreType[] | null;
}
