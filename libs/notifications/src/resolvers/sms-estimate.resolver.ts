import { Actor, CurrentActor } from '@ashar/auth';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { SmsEstimateType } from '../dtos/sms-estimate.type';
import { SmsEstimateService } from '../services/sms-estimate.service';

@Resolver(() => SmsEstimateType)
export class SmsEstimateResolver {
  constructor(private readonly estimates: SmsEstimateService) {}

  @Query(() => SmsEstimateType, { description: 'Parts and cost of a text sent as SMS to a number of recipients, before sending it' })
  smsEstimate(@CurrentActor() actor: Actor, @Args('text') text: string, @Args('recipients', { type: () => Int, description: '1 to 1 000 000' }) recipients: number): SmsEstimateType {
    return this.estimates.estimate(actor, text, recipients);
  }
}
