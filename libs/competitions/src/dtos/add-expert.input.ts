import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID, Matches } from 'class-validator';
import { ctx, KEY } from './dto-helpers';

@InputType()
export class AddExpertInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  callId: string;

  @Field(() => ID, { description: 'A member of the organiser community with the EXPERT role' })
  @IsUUID('loose', ctx('errors.validation.invalid'))
  accountId: string;

  @Field(() => [String], { nullable: true, description: 'Directions this expert reviews; none: all' })
  @IsOptional()
  @IsArray(ctx('errors.validation.invalid'))
  @ArrayMaxSize(30, ctx('errors.validation.invalid'))
  @Matches(KEY, { each: true, ...ctx('errors.competitions.unknownDirection') })
  directions?: string[] | null;
}
