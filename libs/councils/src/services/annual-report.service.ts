import { isLocale, Locale, translate } from '@ashar/i18n';
import { InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { Injectable } from '@nestjs/common';
import { AnnualReport, buildAnnualReport } from '../domain/annual-report';
import { annualReportPdf } from '../open-data/annual-report.pdf';
import { AnnualReportQueries } from '../repositories/annual-report.queries';
import { today } from './body-access';

/** The earliest year a report can be asked for (the platform holds nothing older). */
const FIRST_YEAR = 2000;

/**
 * A body's annual report, public: members and their changes, meetings held and attendance, decisions with
 * outcomes, recommendations by state per addressee, action-plan status. The same figures as JSON (open
 * data) and as a PDF in the requested language.
 */
@Injectable()
export class AnnualReportService {
  constructor(private readonly queries: AnnualReportQueries) {}

  /** `year` and `lang` come from the URL: a wrong one is BAD_USER_INPUT naming it; an unknown body NOT_FOUND. */
  async report(bodyId: string, yearText: string, lang: string | undefined, now = new Date()): Promise<AnnualReport> {
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= FIRST_YEAR && year <= now.getUTCFullYear() + 1)) throw new InvalidInputError('year', 'errors.validation.invalid');
    const language: Locale = lang === undefined || lang === '' ? 'ky' : isLocale(lang) ? lang : (() => { throw new InvalidInputError('lang', 'errors.validation.invalid'); })();
    const src = await this.queries.source(uuidOrNotFound('CouncilBody', bodyId), year);
    if (!src) throw new NotFoundError('CouncilBody', bodyId);
    return buildAnnualReport(src, year, language, today(now));
  }

  async pdf(bodyId: string, yearText: string, lang: string | undefined): Promise<{ report: AnnualReport; pdf: Buffer }> {
    const report = await this.report(bodyId, yearText, lang);
    const kind = report.body.kind === 'CUSTOM' && report.body.customLabel ? report.body.customLabel : translate(report.language, `councils.web.kind.${report.body.kind}`);
    return { report, pdf: await annualReportPdf(report, kind) };
  }
}
