import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CallDefinitionInput } from './call-definition.input';
import { ctx } from './dto-helpers';

@InputType()
export class CreateCallInput extends CallDefinitionInput {
  @Field(() => ID, { description: 'The organiser: a community (public council, local government, kenesh)' })
  @IsUUID('loose', ctx('errors.validation.invalid'))
  communityId: string;
}
