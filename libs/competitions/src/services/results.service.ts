import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@ashar/kernel';
import { ApplicationsRepository } from '../repositories/applications.repository';
import { ResultsQueries } from '../repositories/results.queries';
import { CallService } from './call.service';

/** The public results of a call, once the organisers published them. */
@Injectable()
export class CompetitionResultsService {
  constructor(
    private readonly calls: CallService,
    private readonly applications: ApplicationsRepository,
    private readonly queries: ResultsQueries,
  ) {}

  async results(callId: string) {
    const call = await this.calls.byId(callId);
    if (call.status !== 'RESULTS_PUBLISHED') throw new NotFoundError('CallResults', callId);
    const counts = await this.queries.counts(call.id);
    const chosen = (await this.applications.ofCall(call.id)).filter((a) => a.status === 'SELECTED' || a.status === 'EXCLUDED');
    const active = chosen.filter((a) => a.status === 'SELECTED');
    return {
      callId: call.id,
      currency: call.currency,
      applied: counts.filter((c) => c.stageNumber === 1).reduce((t, c) => t + c.applications, 0),
      counts,
      selectedCount: active.length,
      totalAwarded: active.reduce((t, a) => t + BigInt(a.awardedAmount!), 0n).toString(),
      selected: chosen.map((a) => ({ applicationId: a.id, title: a.title, directionKey: a.directionKey, targetRegion: a.targetRegion, organisationName: a.organisationName, partnerName: a.partnerName, summary: a.summary, amount: a.awardedAmount!, exclusionReason: a.exclusionReason })),
    };
  }
}
