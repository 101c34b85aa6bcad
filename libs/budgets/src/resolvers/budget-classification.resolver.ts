import { Actor, CurrentActor } from '@ashar/auth';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { BudgetType, ClassificationInput, ClassificationSchemeEnum, ClassificationType } from '../dtos';
import { ClassificationService } from '../services/classification.service';


@Resolver(() => BudgetType)
export class BudgetClassificationResolver {
  constructor(private readonly classification: ClassificationService) {}

  @Query(() => [ClassificationType], { description: 'Public: the budget classification codes of a country' })
  async budgetClassifications(@Args('country') country: string, @Args('scheme', { type: () => ClassificationSchemeEnum, nullable: true }) scheme?: ClassificationSchemeEnum) {
    return this.classification.list(country, scheme);
  }

  @Mutation(() => ClassificationType, { description: 'Platform admins: add or correct a classification code' })
  upsertBudgetClassification(@CurrentActor() actor: Actor, @Args('input') input: ClassificationInput) {
    return this.classification.upsert(actor, input);
  }
}
