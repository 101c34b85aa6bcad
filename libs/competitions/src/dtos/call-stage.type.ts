import { LocalizedTextType } from '@ashar/graphql';
import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CallStage')
export class CallStageType {
  @Field(() => Int) number: number;
  @Field(() => LocalizedTextType) name: LocalizedTextType;
  @Field(() => Date, { description: 'The deadline instant (UTC)' }) deadlineAt: Date;
  @Field({ description: 'The zone the deadline is stated in' }) timeZone: string;
  @Field({ description: 'The deadline in that zone with the zone named: "2027-03-01 18:00 (Asia/Bishkek, UTC+06:00)"' }) deadlineLocal: string;
  @Field({ description: 'The form definition (JSON text)' }) form: string;
  @Field({ description: 'Stages after the first are open to the shortlisted only' }) shortlistedOnly: boolean;
}
