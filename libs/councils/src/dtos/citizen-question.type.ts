import { Field, ID, ObjectType } from '@nestjs/graphql';
import { QuestionStatusEnum } from './councils.enums';

@ObjectType('CouncilQuestion')
export class CitizenQuestionType {
  @Field(() => ID) id: string;
  @Field(() => ID) bodyId: string;
  @Field() text: string;
  @Field(() => QuestionStatusEnum) status: QuestionStatusEnum;
  @Field(() => String, { nullable: true }) answerText: string | null;
  @Field(() => ID, { nullable: true }) agendaItemId: string | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
