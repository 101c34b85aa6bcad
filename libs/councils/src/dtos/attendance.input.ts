import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsUUID, ValidateNested } from 'class-validator';
import { ctx } from './dto-helpers';

@InputType()
export class AttendeeInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  membershipId: string;

  @Field() @IsBoolean(ctx('errors.validation.invalid'))
  present: boolean;
}

@InputType()
export class AttendanceInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  meetingId: string;

  @Field(() => [AttendeeInput]) @IsArray(ctx('errors.validation.invalid')) @ArrayMaxSize(500, ctx('errors.validation.invalid')) @ValidateNested({ each: true }) @Type(() => AttendeeInput)
  attendees: AttendeeInput[];
}
