import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MONEY } from './dto-helpers';
import { ResultCountType } from './result-count.type';
import { SelectedProjectType } from './selected-project.type';

/** The public page of a call's results: "58 applied, 9 selected". */
@ObjectType('CallResults')
export class CallResultsType {
  @Field(() => ID) callId: string;
  @Field() currency: string;
  @Field(() => Int, { description: 'Applications submitted (stage 1)' }) applied: number;
  @Field(() => [ResultCountType], { description: 'Submitted applications per direction and stage' }) counts: ResultCountType[];
  @Field(() => Int) selectedCount: number;
  @Field({ description: `Sum of the grants of the selected (excluded ones left out). ${MONEY}` }) totalAwarded: string;
  @Field(() => [SelectedProjectType]) selected: SelectedProjectType[];
}
