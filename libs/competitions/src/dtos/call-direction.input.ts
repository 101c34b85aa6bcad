import { LocalizedTextInput } from '@ashar/graphql';
import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { Matches, ValidateNested } from 'class-validator';
import { ctx, KEY } from './dto-helpers';

@InputType()
export class CallDirectionInput {
  @Field({ description: 'Stable key, e.g. "youth"' })
  @Matches(KEY, ctx('errors.competitions.badKey'))
  key: string;

  @Field(() => LocalizedTextInput)
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  name: LocalizedTextInput;
}
