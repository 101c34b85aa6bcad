import { Field, ObjectType } from '@nestjs/graphql';
import { ProcessPhaseEnum } from './participation.enums';

@ObjectType('PhaseStart', { description: 'A planned start of a phase; the process moves there by itself at that instant' })
export class PhaseStartType {
  @Field(() => ProcessPhaseEnum) phase: ProcessPhaseEnum;
  @Field(() => Date) startsAt: Date;
}
