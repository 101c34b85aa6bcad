import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { ctx } from './dto-helpers';

@InputType()
export class LinkProjectBudgetLineInput {
  @Field(() => ID, { description: 'The winning proposal' })
  @IsUUID('loose', ctx('errors.validation.invalid'))
  proposalId: string;

  @Field(() => ID, { description: 'A budget of the same community' })
  @IsUUID('loose', ctx('errors.validation.invalid'))
  budgetId: string;

  @Field(() => ID, { description: 'The expenditure line that pays the project (its key, kept across amendments)' })
  @IsUUID('loose', ctx('errors.validation.invalid'))
  lineKey: string;
}
