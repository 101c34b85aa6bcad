import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('BudgetImportRowError')
export class RowErrorType {
  @Field(() => Int) line: number;
  @Field(() => String, { nullable: true }) column: string | null;
  @Field() messageKey: string;
  @Field(() => String, { nullable: true }) value?: string | null;
  @Field(() => String, { nullable: true, description: "The message in the request's language" }) message?: string | null;
}

@ObjectType('BudgetImportSkippedRow', { description: 'A row left out of an import (totals, subtotal, heading), with the reason' })
export class SkippedRowType {
  @Field(() => Int, { description: "The file's own line number" }) line: number;
  @Field() reasonKey: string;
  @Field({ description: "The reason in the request's language" }) reason: string;
}
