import { IsSafeText } from '@ashar/kernel';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ctx, trim } from './dto-helpers';

@InputType({ description: 'Counts the roll call by the body’s rule; members without a vote count as ABSENT' })
export class DecideAgendaItemInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  agendaItemId: string;

  @Field() @Transform(trim) @IsString(ctx('errors.validation.invalid')) @MinLength(1, ctx('errors.validation.required')) @MaxLength(20000, ctx('errors.validation.tooLong', { max: 20000 })) @IsSafeText()
  text: string;
}
