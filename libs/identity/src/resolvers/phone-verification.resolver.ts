import { Actor, CurrentActor } from '@ashar/auth';
import { Ctx, RequestContext } from '@ashar/graphql';
import { UnauthenticatedError } from '@ashar/kernel';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ConfirmPhoneVerificationInput } from '../dtos/confirm-phone-verification.input';
import { PhoneVerificationSentType, VerifiedPhoneType } from '../dtos/phone-verification.types';
import { RequestPhoneVerificationInput } from '../dtos/request-phone-verification.input';
import { PhoneVerificationService } from '../services/phone-verification.service';

@Resolver()
export class PhoneVerificationResolver {
  constructor(private readonly phones: PhoneVerificationService) {}

  @Mutation(() => PhoneVerificationSentType, { description: 'Sends a 6-digit code by SMS to prove the caller holds this phone (valid 10 minutes, 5 attempts)' })
  requestPhoneVerification(@CurrentActor() actor: Actor, @Args('input') input: RequestPhoneVerificationInput, @Ctx() ctx: RequestContext) {
    return this.phones.request(actor, input.phone, input.phoneCountry ?? 'KG', ctx.ip);
  }

  @Mutation(() => VerifiedPhoneType, { description: 'Confirms the latest code: the number becomes the account’s verified phone (verification level PHONE)' })
  confirmPhoneVerification(@CurrentActor() actor: Actor, @Args('input') input: ConfirmPhoneVerificationInput) {
    return this.phones.confirm(actor, input.code);
  }

  @Query(() => VerifiedPhoneType, { nullable: true, description: 'The signed-in account’s verified phone, or null' })
  myVerifiedPhone(@CurrentActor() actor: Actor) {
    if (!actor.accountId) throw new UnauthenticatedError();
    return this.phones.verifiedPhoneOf(actor.accountId);
  }
}
