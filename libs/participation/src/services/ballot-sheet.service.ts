import { isLocale, Locale, pickLocalized, translate } from '@ashar/i18n';
import { InvalidInputError, NotFoundError } from '@ashar/kernel';
import { CommunityService } from '@ashar/territory';
import { Injectable } from '@nestjs/common';
import { BallotSheetData, renderBallotSheet } from '../domain/ballot-sheet';
import { renderBallotSheetPdf } from './ballot-sheet-pdf';
import { ProposalsRepository } from '../repositories/proposals.repository';
import { ProcessService } from './process.service';

export const MAX_SHEETS = 500;

/**
 * The printable paper ballot of a process in its voting phase (public then: anyone may print sheets for
 * a village meeting). Projects are the feasible ones at their reviewed cost, numbered in the order the
 * ballots use everywhere (by id). Serials run from `from` for `count` sheets, zero-padded to four digits.
 */
@Injectable()
export class BallotSheetService {
  constructor(
    private readonly processes: ProcessService,
    private readonly proposals: ProposalsRepository,
    private readonly communities: CommunityService,
  ) {}

  async html(processId: string, lang: string | null, from: number, count: number): Promise<string> {
    const { data, t } = await this.data(processId, lang, from, count);
    return renderBallotSheet(data, t);
  }

  /** The same sheets as a PDF (DejaVu embedded): what a village meeting prints without a browser. */
  async pdf(processId: string, lang: string | null, from: number, count: number): Promise<Buffer> {
    const { data, t } = await this.data(processId, lang, from, count);
    return renderBallotSheetPdf(data, t);
  }

  private async data(processId: string, lang: string | null, from: number, count: number): Promise<{ data: BallotSheetData; t: (key: string, params?: Record<string, string | number>) => string }> {
    if (!Number.isInteger(from) || from < 1 || from > 99_999) throw new InvalidInputError('from', 'errors.validation.invalid');
    if (!Number.isInteger(count) || count < 1 || count > MAX_SHEETS) throw new InvalidInputError('count', 'errors.participation.sheet.count', undefined, { max: MAX_SHEETS });
    const process = await this.processes.byId(processId);
    // Before voting the list of projects can still change; after it, a sheet has no use.
    if (process.phase !== 'VOTING') throw new NotFoundError('ParticipatoryProcess', processId);
    const locale: Locale = isLocale(lang) ? lang : 'ky';
    const [community, feasible] = await Promise.all([this.communities.byId(process.communityId), this.proposals.feasibleOf(undefined, process.id)]);
    const width = Math.max(4, String(from + count - 1).length);
    return {
      data: {
        locale,
        processTitle: pickLocalized(process.title, locale),
        communityName: pickLocalized(community.names, locale),
        currency: process.currency,
        envelope: process.envelope,
        ballotKind: process.ballotKind,
        minChoices: process.minChoices,
        maxChoices: process.maxChoices,
        maxPoints: process.maxPoints,
        projects: feasible.map((p) => ({ title: p.title, cost: p.reviewedCost ?? p.estimatedCost })),
        serials: Array.from({ length: count }, (_, i) => String(from + i).padStart(width, '0')),
      },
      t: (key, params) => translate(locale, key, params),
    };
  }
}
