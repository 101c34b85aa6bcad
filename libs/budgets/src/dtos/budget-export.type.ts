import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ExportFormatEnum } from './budget.enums';

@ObjectType('BudgetExport')
export class ExportType {
  @Field(() => ID) id: string;
  @Field(() => ExportFormatEnum) format: ExportFormatEnum;
  @Field() status: string;
  @Field(() => Int) progress: number;
  @Field({ description: 'Download once status is DONE' }) downloadUrl: string;
}
