import { LocalizedTextInput } from '@ashar/graphql';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { ctx, MINOR, MONEY } from './dto-helpers';

@InputType()
export class AddProcessDistrictInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  processId: string;

  @Field(() => LocalizedTextInput)
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  name: LocalizedTextInput;

  @Field(() => String, { nullable: true, description: `Its own envelope: its projects are also counted apart within it. ${MONEY}` })
  @IsOptional()
  @Matches(MINOR, ctx('errors.participation.cost'))
  envelope?: string | null;

  @Field(() => ID, { nullable: true, description: 'The territorial unit it stands for' })
  @IsOptional()
  @IsUUID('loose', ctx('errors.validation.invalid'))
  unitId?: string | null;
}
