import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ApplicationDecisionEnum } from './competitions.enums';
import { ctx, MINOR, MONEY, trim } from './dto-helpers';

@InputType()
export class DecideApplicationInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  applicationId: string;

  @Field(() => ApplicationDecisionEnum)
  @IsEnum(ApplicationDecisionEnum, ctx('errors.validation.invalid'))
  decision: ApplicationDecisionEnum;

  @Field({ description: 'Given to the applicant and kept in the audit log' })
  @Transform(trim)
  @IsString(ctx('errors.validation.invalid'))
  @IsNotEmpty(ctx('errors.competitions.reasonRequired'))
  @MaxLength(2000, ctx('errors.validation.tooLong', { max: 2000 }))
  reason: string;

  @Field(() => String, { nullable: true, description: `SELECTED: the grant. ${MONEY}` })
  @IsOptional()
  @Matches(MINOR, ctx('errors.competitions.amount'))
  awardedAmount?: string | null;
}
