import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RecommendationStatusEnum } from './councils.enums';
import { StateBodyType } from './state-body.type';

@ObjectType('CouncilRecommendation')
export class RecommendationType {
  @Field(() => ID) id: string;
  @Field(() => ID) bodyId: string;
  @Field(() => ID) addresseeId: string;
  @Field(() => ID, { nullable: true }) decisionId: string | null;
  @Field() title: string;
  @Field() text: string;
  @Field() sentOn: string;
  @Field() deadline: string;
  @Field(() => RecommendationStatusEnum) status: RecommendationStatusEnum;
  @Field(() => String, { nullable: true }) answerText: string | null;
  @Field(() => String, { nullable: true }) answeredOn: string | null;
  @Field(() => String, { nullable: true }) answerDocumentUrl: string | null;
  @Field(() => String, { nullable: true }) answerDocumentName: string | null;
  @Field(() => String, { nullable: true }) answerDocumentMimeType: string | null;
  @Field(() => String, { nullable: true }) assessment: string | null;
  @Field(() => Date, { nullable: true }) overdueAt: Date | null;
  @Field(() => String, { nullable: true }) implementedOn: string | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('RecommendationTrackerRow', { description: 'What became of the recommendations one state body received' })
export class TrackerRowType {
  @Field(() => StateBodyType) addressee: StateBodyType;
  @Field(() => Int) total: number;
  @Field(() => Int) accepted: number;
  @Field(() => Int) partlyAccepted: number;
  @Field(() => Int) rejected: number;
  @Field(() => Int) implemented: number;
  @Field(() => Int, { description: 'No answer yet (sent or overdue)' }) ignored: number;
  @Field(() => Int) overdue: number;
  @Field(() => Int, { description: 'Answered, not assessed yet' }) answered: number;
}
