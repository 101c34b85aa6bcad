import { LocalizedTextType } from '@ashar/graphql';
import { Field, ObjectType } from '@nestjs/graphql';
import { DirectionEnum, ClassificationSchemeEnum } from './budget.enums';

@ObjectType('BudgetClassificationCode')
export class ClassificationType {
  @Field() code: string;
  @Field(() => String, { nullable: true }) parentCode: string | null;
  @Field(() => ClassificationSchemeEnum) scheme: ClassificationSchemeEnum;
  @Field(() => DirectionEnum, { nullable: true }) direction: DirectionEnum | null;
  @Field(() => LocalizedTextType) names: LocalizedTextType;
  @Field() source: string;
  @Field() country: string;
}
