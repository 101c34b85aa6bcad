import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ctx } from './dto-helpers';

@InputType()
export class ScheduleInterviewInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  applicationId: string;

  @Field(() => Date)
  @IsDate(ctx('errors.validation.invalid'))
  startsAt: Date;

  @Field(() => String, { nullable: true, description: 'The committee’s notes' })
  @IsOptional()
  @IsString(ctx('errors.validation.invalid'))
  @MaxLength(10_000, ctx('errors.validation.tooLong', { max: 10_000 }))
  notes?: string | null;
}
