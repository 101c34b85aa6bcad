import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MONEY } from './dto-helpers';

@ObjectType('SelectedProject')
export class SelectedProjectType {
  @Field(() => ID) applicationId: string;
  @Field() title: string;
  @Field() directionKey: string;
  @Field() targetRegion: string;
  @Field() organisationName: string;
  @Field(() => String, { nullable: true }) partnerName: string | null;
  @Field() summary: string;
  @Field({ description: MONEY }) amount: string;
  @Field(() => String, { nullable: true, description: 'Excluded later: the published reason' }) exclusionReason: string | null;
}
