import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CallDefinitionInput } from './call-definition.input';
import { ctx } from './dto-helpers';

/** The whole definition again (stages replaced); only while the call is a draft. */
@InputType()
export class UpdateCallInput extends CallDefinitionInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  callId: string;
}
