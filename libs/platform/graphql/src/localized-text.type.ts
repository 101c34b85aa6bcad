import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** A name or title in each UI language; any may be missing (the reader falls back). */
@ObjectType('LocalizedText')
export class LocalizedTextType {
  @Field(() => String, { nullable: true }) ky?: string | null;
  @Field(() => String, { nullable: true }) ru?: string | null;
  @Field(() => String, { nullable: true }) en?: string | null;
  @Field(() => String, { nullable: true }) kk?: string | null;
}

const MAX = { context: { messageKey: 'errors.validation.tooLong', params: { max: 300 } } };

@InputType('LocalizedTextInput')
export class LocalizedTextInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(300, MAX) ky?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(300, MAX) ru?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(300, MAX) en?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(300, MAX) kk?: string | null;
}
