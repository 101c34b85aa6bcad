import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('CompetitionInterview')
export class InterviewType {
  @Field(() => ID) id: string;
  @Field(() => ID) applicationId: string;
  @Field(() => Date) startsAt: Date;
  @Field() notes: string;
}
