import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsString, MaxLength } from 'class-validator';
import { ctx } from './dto-helpers';
import { ProcessPhaseEnum } from './participation.enums';

@InputType({ description: 'When a later phase begins by itself' })
export class PhaseStartInput {
  @Field(() => ProcessPhaseEnum)
  @IsEnum(ProcessPhaseEnum, ctx('errors.validation.invalid'))
  phase: ProcessPhaseEnum;

  @Field({ description: 'RFC 3339 with its offset, e.g. 2027-03-01T09:00+06:00 (the community’s zone, or any)' })
  @IsString(ctx('errors.validation.dateTime'))
  @MaxLength(40, ctx('errors.validation.dateTime'))
  startsAt: string;
}
