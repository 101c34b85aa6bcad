import { Country } from '@ashar/territory/domain';
import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';

@InputType()
export class RequestPhoneVerificationInput {
  @Field({ description: 'As people write it ("0700 123 456", "8 701 123 4567", "+996…"); read for phoneCountry' })
  @IsString()
  @MaxLength(32)
  phone: string;

  @Field(() => Country, { nullable: true, description: 'Country a number written the local way belongs to (default KG)' })
  @IsOptional()
  @IsEnum(Country)
  phoneCountry?: Country | null;
}
