import { Field, InputType } from '@nestjs/graphql';
import { LocalizedTextInput } from '@ashar/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, Matches, ValidateNested } from 'class-validator';

const code = { context: { messageKey: 'errors.validation.unknownTerritory' } };

/** An administrative reform: several current units become one (possibly keeping one of their codes). */
@InputType()
export class MergeTerritorialUnitsInput {
  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(1, code)
  @ArrayMaxSize(50, code)
  @Matches(/^\d{9}$|^\d{14}$/, { each: true, ...code })
  codes: string[];

  @Field({ description: 'Code of the resulting unit (may be one of the merged codes)' })
  @Matches(/^\d{9}$|^\d{14}$/, code)
  newCode: string;

  @Field(() => LocalizedTextInput)
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  names: LocalizedTextInput;

  @Field({ description: 'ISO date from which the new unit is in force' })
  @IsISO8601({ strict: true }, { context: { messageKey: 'errors.validation.invalid' } })
  effectiveDate: string;
}
