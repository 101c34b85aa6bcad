import { TransactionRunner } from '@ashar/database';
import { ResidentProfileReader } from '@ashar/identity';
import { Injectable } from '@nestjs/common';
import { participationStats } from '../domain/participation-stats';
import { countBallots } from '../domain/election';
import { countDistricts } from '../domain/districts';
import { ProcessPlacesRepository } from '../repositories/process-places.repository';
import { ProcessOutcome } from '../entities/process-outcome.entity';
import { OutcomesRepository } from '../repositories/outcomes.repository';
import { ProcessesRepository } from '../repositories/processes.repository';
import { ProposalsRepository } from '../repositories/proposals.repository';
import { VotingRepository } from '../repositories/voting.repository';
import { candidatesOf, rulesOf } from './process-rules';
import { ParticipationNotices } from './participation-notices.service';

/**
 * The count after the vote closes (the results job): the ballot set as a `.pb` text, the tally engine's
 * result on it by the process's rule, and both stored together, so the published file is exactly what
 * was counted. Read in one transaction: the set cannot change under it (the vote is closed anyway).
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly processes: ProcessesRepository,
    private readonly proposals: ProposalsRepository,
    private readonly voting: VotingRepository,
    private readonly outcomes: OutcomesRepository,
    private readonly profiles: ResidentProfileReader,
    private readonly notices: ParticipationNotices,
    private readonly places: ProcessPlacesRepository,
  ) {}

  async count(processId: string): Promise<{ selected: number; ballots: number } | { skipped: string }> {
    return this.tx.run(async (tx) => {
      const process = await this.processes.lock(tx, processId, 'share');
      if (!process) return { skipped: 'process deleted' };
      if (process.phase === 'DRAFT' || process.phase === 'IDEAS' || process.phase === 'REVIEW' || process.phase === 'VOTING') return { skipped: `still ${process.phase}` };
      const feasible = await this.proposals.feasibleOf(tx, process.id);
      const candidates = candidatesOf(feasible);
      const ballots = await this.voting.ballotsOf(tx, process.id);
      const counted = countBallots(rulesOf(process), candidates, ballots);
      // Districts with their own envelope: each counted apart on its projects (beside the process's count).
      const envelopes = (await this.places.districtsOf([process.id], tx)).filter((d) => d.envelope !== null).map((d) => ({ id: d.id, envelope: d.envelope! }));
      const districtOf = new Map(feasible.map((p) => [p.id, p.districtId]));
      const districts = countDistricts(rulesOf(process), envelopes, candidates.map((c) => ({ ...c, districtId: districtOf.get(c.id) ?? null })), ballots);
      const voterIds = await this.voting.voterAccountIds(tx, process.id);
      const byAccount = new Map((await this.profiles.profilesOf(voterIds)).map((p) => [p.accountId, p]));
      const facts = voterIds.map((id) => ({ villageUnitId: byAccount.get(id)?.villageUnitId ?? null, birthYear: byAccount.get(id)?.birthYear ?? null, gender: byAccount.get(id)?.gender ?? null }));
      const participation = participationStats(facts, new Date().getUTCFullYear());
      const outcome: Omit<ProcessOutcome, 'computedAt' | 'process'> = {
        processId: process.id,
        rule: counted.result.rule,
        selected: counted.result.selected,
        totalCost: String(counted.result.totalCost),
        ballotCount: ballots.length,
        explanation: counted.result.explanation as unknown as Record<string, unknown>,
        ballotSet: counted.ballotSet,
        ballotSetSha256: counted.ballotSetSha256,
        participation: participation as unknown as Record<string, unknown>,
        districts,
      };
      await this.outcomes.save(tx, outcome);
      await this.notices.queue(tx, { event: 'results', processId: process.id, winners: counted.result.selected.length });
      return { selected: counted.result.selected.length, ballots: ballots.length };
    });
  }

  outcomeOf(processId: string): Promise<ProcessOutcome | null> {
    return this.outcomes.findByProcess(processId);
  }
}
