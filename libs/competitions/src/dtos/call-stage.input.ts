import { LocalizedTextInput } from '@ashar/graphql';
import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ctx } from './dto-helpers';

/** A stage: its deadline as local wall time in the call's zone, and its form (JSON, checked by the server). */
@InputType()
export class CallStageInput {
  @Field(() => LocalizedTextInput)
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  name: LocalizedTextInput;

  @Field({ description: 'Local time in the call’s time zone, to the minute: "2027-03-01T18:00"' })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, ctx('errors.competitions.deadlineFormat'))
  deadlineLocal: string;

  @Field({ description: 'The application form: JSON `{ "fields": [{ "key", "type": TEXT|NUMBER|MONEY|CHOICE|FILE|BUDGET, "required", ... }] }`' })
  @IsString(ctx('errors.validation.invalid'))
  @MaxLength(100_000, ctx('errors.validation.tooLong', { max: 100_000 }))
  form: string;
}
