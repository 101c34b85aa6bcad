import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ApplicationSubmission')
export class SubmissionType {
  @Field(() => Int) stageNumber: number;
  @Field(() => Int) version: number;
  @Field({ description: 'Frozen answers (JSON text)' }) answers: string;
  @Field({ description: 'Changes against the previous version (JSON text: [{ field, change, before, after }])' }) diff: string;
  @Field(() => Date) submittedAt: Date;
}
