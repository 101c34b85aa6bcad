import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ctx } from './dto-helpers';

@InputType()
export class SaveDraftInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  applicationId: string;

  @Field(() => Int)
  @IsInt(ctx('errors.validation.invalid'))
  @Min(1, ctx('errors.validation.invalid'))
  @Max(5, ctx('errors.validation.invalid'))
  stage: number;

  @Field({ description: 'The answers as JSON text `{ fieldKey: value }`; a draft may be incomplete' })
  @IsString(ctx('errors.validation.invalid'))
  @MaxLength(200_000, ctx('errors.validation.tooLong', { max: 200_000 }))
  answers: string;

  @Field(() => [ID], { nullable: true, description: 'People the applicant asks not to be reviewed by (conflicts)' })
  @IsOptional()
  @IsArray(ctx('errors.validation.invalid'))
  @ArrayMaxSize(20, ctx('errors.validation.invalid'))
  @IsUUID('loose', { each: true, ...ctx('errors.validation.invalid') })
  doNotReview?: string[] | null;
}
