import { ctx } from '@ashar/graphql';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

@InputType()
export class AssignInterviewerInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  surveyId: string;

  @Field(() => ID, { description: 'An account holding INTERVIEWER in the survey’s community' })
  @IsUUID('loose', ctx('errors.validation.invalid'))
  accountId: string;

  @Field(() => [ID], { description: 'Villages (territorial units of the community) this interviewer works in; replaces the previous list' })
  @IsArray(ctx('errors.validation.invalid')) @ArrayMinSize(1, ctx('errors.validation.required')) @ArrayMaxSize(200, ctx('errors.validation.invalid'))
  @IsUUID('loose', { each: true, ...ctx('errors.validation.invalid') })
  villageIds: string[];

  @Field(() => Int, { nullable: true, description: 'Per cent of each cell’s target this phone may fill (1–100); none: the whole cell' })
  @IsOptional() @IsInt(ctx('errors.validation.invalid')) @Min(1, ctx('errors.validation.invalid')) @Max(100, ctx('errors.validation.invalid'))
  quotaShare?: number | null;
}
