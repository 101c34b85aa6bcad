import { Field, Int, ObjectType } from '@nestjs/graphql';

/** What a text costs as SMS before it is sent: encoding, parts, and the price for a number of recipients. */
@ObjectType('SmsEstimate')
export class SmsEstimateType {
  @Field({ description: 'GSM-7 or UCS-2 (any character outside GSM 03.38, e.g. any Cyrillic letter, forces UCS-2)' }) encoding: string;
  @Field(() => Int, { description: 'Characters as a person counts them' }) characters: number;
  @Field(() => Int, { description: 'Septets (GSM-7; extension characters count 2) or UTF-16 units (UCS-2)' }) units: number;
  @Field(() => Int, { description: 'Parts per recipient (160/153 GSM-7, 70/67 UCS-2); 0 for an empty text' }) parts: number;
  @Field(() => Int, { description: 'Units one part holds for this text' }) perPart: number;
  @Field(() => Int, { description: 'Units still free in the last part' }) remainingInLastPart: number;
  @Field(() => [String], { description: 'The characters that forced UCS-2 (empty for GSM-7): replace them to fit more per part' }) nonGsmCharacters: string[];
  @Field(() => Int) recipients: number;
  @Field(() => Int, { description: 'The configured price of one part, in minor units' }) pricePerPartMinor: number;
  @Field({ description: 'parts × recipients × price, in minor units, as a decimal string' }) costMinor: string;
  @Field({ description: 'ISO 4217 currency of the price' }) currency: string;
}
