import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ImportKindEnum } from './budget.enums';
import { RowErrorType } from './budget-import-row-error.type';

@ObjectType('BudgetImport')
export class ImportType {
  @Field(() => ID) id: string;
  @Field(() => ImportKindEnum) kind: ImportKindEnum;
  @Field() status: string;
  @Field(() => Int) progress: number;
  @Field() fileName: string;
  @Field(() => Int, { nullable: true }) totalRows: number | null;
  @Field(() => Int, { nullable: true }) importedRows: number | null;
  @Field(() => [RowErrorType]) errors: RowErrorType[];
  @Field({ description: 'Row-by-row error report as CSV' }) errorReportUrl: string;
}
