import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApportionmentBasisEnum, ApportionmentMethodEnum } from './councils.enums';

@ObjectType('ApportionmentFigure')
export class ApportionmentFigureType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() weight: string;
  @Field(() => String, { nullable: true, description: 'Where the figure comes from, as entered' }) source?: string | null;
}

@ObjectType('SeatAllocation')
export class SeatAllocationType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => Int) seats: number;
}

@ObjectType('SeatApportionment')
export class SeatApportionmentType {
  @Field(() => ID) id: string;
  @Field(() => ID) bodyId: string;
  @Field(() => ApportionmentBasisEnum) basis: ApportionmentBasisEnum;
  @Field(() => ApportionmentMethodEnum) method: ApportionmentMethodEnum;
  @Field(() => Int) seats: number;
  @Field(() => [ApportionmentFigureType]) figures: ApportionmentFigureType[];
  @Field(() => [SeatAllocationType]) allocation: SeatAllocationType[];
  @Field({ description: 'JSON: the engine’s explanation (quotients table for divisor methods, quota and remainders for largest remainder)' }) explanation: string;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field() createdAt: Date;
}
