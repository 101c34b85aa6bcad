import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('BudgetExportLinks')
export class ExportLinksType {
  @Field() csv: string;
  @Field({ description: 'CSV for a Russian- or Kyrgyz-locale Excel: `;`, decimal comma, UTF-8 BOM, CRLF; add ?lang= for the headers' }) csvExcel: string;
  @Field() xlsx: string;
  @Field() json: string;
  @Field({ description: 'Fiscal Data Package descriptor; its CSV sits next to it' }) datapackage: string;
}
