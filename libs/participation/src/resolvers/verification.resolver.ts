import { Actor, CurrentActor } from '@ashar/auth';
import { UuidArg } from '@ashar/graphql';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PaperVoterDocumentInput } from '../dtos/paper-voter-document.input';
import { InPersonVerificationType, PaperVotersByDocumentResultType, VoterVerificationType } from '../dtos/verification.types';
import { VerifyInPersonInput } from '../dtos/verify-in-person.input';
import { VerificationService } from '../services/verification.service';

@Resolver()
export class VerificationResolver {
  constructor(private readonly verification: VerificationService) {}

  @Mutation(() => InPersonVerificationType, { description: 'A budget-group member records that a resident showed a national ID (kept only as a keyed hash): level IN_PERSON in this community' })
  verifyResidentInPerson(@CurrentActor() actor: Actor, @Args('input') input: VerifyInPersonInput) {
    return this.verification.verifyInPerson(actor, input);
  }

  @Query(() => VoterVerificationType, { description: 'The signed-in account’s verification level in a community' })
  myVoterVerification(@CurrentActor() actor: Actor, @Args('communityId', { type: () => ID }, UuidArg) communityId: string) {
    return this.verification.mine(actor, communityId);
  }

  @Mutation(() => PaperVotersByDocumentResultType, { description: 'The meeting’s list of paper voters by the national ID each showed (kept only as keyed hashes)' })
  registerPaperVotersByDocument(
    @CurrentActor() actor: Actor,
    @Args('processId', { type: () => ID }, UuidArg) processId: string,
    @Args('documents', { type: () => [PaperVoterDocumentInput] }) documents: PaperVoterDocumentInput[],
  ) {
    return this.verification.registerPaperVotersByDocument(actor, processId, documents);
  }
}
