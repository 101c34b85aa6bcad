import { IsSafeText } from '@ashar/kernel';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { RecommendationAssessmentEnum } from './councils.enums';
import { ctx } from './dto-helpers';

@InputType({ description: 'The body’s assessment of an answered recommendation' })
export class AssessRecommendationInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  recommendationId: string;

  @Field(() => RecommendationAssessmentEnum) @IsEnum(RecommendationAssessmentEnum, ctx('errors.validation.invalid'))
  assessment: RecommendationAssessmentEnum;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString(ctx('errors.validation.invalid')) @MaxLength(5000, ctx('errors.validation.tooLong', { max: 5000 })) @IsSafeText()
  note?: string | null;
}
