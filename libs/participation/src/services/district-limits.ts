import { Transaction } from '@ashar/database';
import { InvalidInputError } from '@ashar/kernel';
import { Injectable } from '@nestjs/common';
import { districtOverspend } from '../domain/districts';
import { ProcessPlacesRepository } from '../repositories/process-places.repository';
import { ProposalsRepository } from '../repositories/proposals.repository';

interface Limits {
  costOf: Map<string, string>;
  districtOf: Map<string, string | null>;
  envelopes: Map<string, string>;
}

/**
 * Knapsack ballots within each district's own envelope too. Read once per process while it votes
 * (districts and reviews cannot change then), like the voting service's candidates.
 */
@Injectable()
export class DistrictLimits {
  private readonly cache = new Map<string, Limits>();

  constructor(private readonly places: ProcessPlacesRepository, private readonly proposals: ProposalsRepository) {}

  private async limitsOf(tx: Transaction, processId: string): Promise<Limits> {
    let l = this.cache.get(processId);
    if (!l) {
      const districts = (await this.places.districtsOf([processId], tx)).filter((d) => d.envelope !== null);
      const feasible = districts.length ? await this.proposals.feasibleOf(tx, processId) : [];
      l = {
        costOf: new Map(feasible.map((p) => [p.id, p.reviewedCost ?? p.estimatedCost])),
        districtOf: new Map(feasible.map((p) => [p.id, p.districtId])),
        envelopes: new Map(districts.map((d) => [d.id, d.envelope!])),
      };
      if (this.cache.size >= 200) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(processId, l);
    }
    return l;
  }

  /** Throws BAD_USER_INPUT (`errors.participation.ballot.DISTRICT_OVER_ENVELOPE`) for a ballot over a district's envelope. */
  async assertWithin(tx: Transaction, processId: string, choices: readonly string[]): Promise<void> {
    const l = await this.limitsOf(tx, processId);
    if (!l.envelopes.size) return;
    const over = districtOverspend(choices, l.costOf, l.districtOf, l.envelopes);
    if (over) throw new InvalidInputError('input.choices', 'errors.participation.ballot.DISTRICT_OVER_ENVELOPE', `over the district's envelope`, { actual: over.actual, limit: over.limit });
  }
}
