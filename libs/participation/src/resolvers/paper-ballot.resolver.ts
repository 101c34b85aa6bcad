import { Actor, CurrentActor } from '@ashar/auth';
import { UuidArg } from '@ashar/graphql';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { EnterPaperBallotInput } from '../dtos/paper-ballot.input';
import { PaperSheetStatusEnum } from '../dtos/participation.enums';
import { PaperEntryResultType, PaperSheetType, PaperVotersResultType } from '../dtos/participation.types';
import { PaperBallotService } from '../services/paper-ballot.service';

@Resolver()
export class PaperBallotResolver {
  constructor(private readonly paper: PaperBallotService) {}

  @Mutation(() => PaperEntryResultType, { description: 'One member’s entry of a paper sheet; it counts when a second member enters it alike' })
  enterPaperBallot(@CurrentActor() actor: Actor, @Args('input') input: EnterPaperBallotInput) {
    return this.paper.enter(actor, input);
  }

  @Mutation(() => PaperVotersResultType, { description: 'The meeting’s list of residents who voted on paper' })
  registerPaperVoters(
    @CurrentActor() actor: Actor,
    @Args('processId', { type: () => ID }, UuidArg) processId: string,
    @Args('accountIds', { type: () => [ID] }) accountIds: string[],
  ) {
    return this.paper.registerVoters(actor, processId, accountIds);
  }

  @Query(() => [PaperSheetType], { description: 'Paper sheets and their entries (the budget group), e.g. the mismatches to resolve' })
  paperSheets(
    @CurrentActor() actor: Actor,
    @Args('processId', { type: () => ID }, UuidArg) processId: string,
    @Args('status', { type: () => PaperSheetStatusEnum, nullable: true }) status: PaperSheetStatusEnum | null,
  ) {
    return this.paper.sheets(actor, processId, status ?? null);
  }
}
