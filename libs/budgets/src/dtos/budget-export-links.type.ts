import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('BudgetExportLinks')
export class ExportLinksType {
  @Field() csv: string;
  @Field() xlsx: string;
  @Field() json: string;
  @Field({ description: 'Fiscal Data Package descriptor; its CSV sits next to it' }) datapackage: string;
}
