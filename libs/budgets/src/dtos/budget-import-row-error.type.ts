import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('BudgetImportRowError')
export class RowErrorType {
  @Field(() => Int) line: number;
  @Field(() => String, { nullable: true }) column: string | null;
  @Field() messageKey: string;
  @Field(() => String, { nullable: true }) value?: string | null;
}
