import { Actor } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { TransactionRunner } from '@ashar/database';
import { Locale, translate } from '@ashar/i18n';
import { InvalidInputError, toCsv } from '@ashar/kernel';
import { answerTable, breakdown, Breakdown, codebook, CodebookOptions, Dimension, pick, ResultsError, spssSyntax, SURVEY_LANGUAGES, SurveyForm, SurveyLanguage } from '@ashar/survey-forms';
import { readXlsForm, writeXlsForm } from '@ashar/survey-forms/xlsform';
import { TerritoryService } from '@ashar/territory';
import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { Survey } from '../entities/survey.entity';
import { AnswerSetsRepository, ResultRow } from '../repositories/answer-sets.repository';
import { SurveysRepository } from '../repositories/surveys.repository';
import { SurveyService } from './survey.service';

export const surveyLanguage = (l: string | null | undefined): SurveyLanguage => ((SURVEY_LANGUAGES as readonly string[]).includes(l ?? '') ? (l as SurveyLanguage) : 'ky');

/** The platform's words in a codebook (gender, consent, "not asked"…), from the one catalogue. */
const catalogueText = (key: string, language: SurveyLanguage) => translate(language as Locale, key);

export interface BreakdownRequest {
  question: string;
  by: Dimension[];
  language: SurveyLanguage;
  bins?: number[];
  includeOverQuota?: boolean;
}

/** A file to send: bytes, type and a name. */
export interface SurveyFile {
  body: Buffer | string;
  contentType: string;
  fileName: string;
}

/**
 * What a survey's organisers get out of it: breakdowns with small cells suppressed (the survey's threshold,
 * with secondary suppression, `@ashar/survey-forms`), the answer table as CSV or XLSX with its codebook and
 * SPSS syntax, and the questionnaire as XLSForm, in and out. All of it organisers only (`surveys.manage`):
 * the answer table is microdata (one row per respondent), so each export is audited.
 *
 * Results read the newest form version: answers are kept by question name, so sets given on an older version
 * count under the questions the newest one still has. Over-quota sets are left out unless asked for: they are
 * kept for review, not for the sample.
 */
@Injectable()
export class SurveyResultsService {
  constructor(
    private readonly surveys: SurveyService,
    private readonly repo: SurveysRepository,
    private readonly answerSets: AnswerSetsRepository,
    private readonly territory: TerritoryService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async breakdown(actor: Actor, surveyId: string, r: BreakdownRequest): Promise<Breakdown & { label: string; villages: Map<string, string> }> {
    const s = await this.surveys.managed(actor, surveyId);
    const form = await this.newestForm(s);
    const rows = await this.answerSets.forResults(s.id, r.includeOverQuota ?? false);
    const villages = await this.villageNames(rows, r.language);
    try {
      const b = breakdown(form, rows, { question: r.question, by: r.by, threshold: s.suppressionThreshold, language: r.language, bins: r.bins, values: { ageGroup: s.ageGroups.map((g) => g.key) } });
      const q = form.questions.find((x) => x.name === r.question)!;
      return { ...b, label: pick(q.label, r.language, form.defaultLanguage), villages: new Map([...villages].map(([k, v]) => [k, pick(v, r.language)])) };
    } catch (e) {
      if (e instanceof ResultsError) throw new InvalidInputError(e.key.endsWith('unknownQuestion') ? 'question' : e.key.includes('bins') ? 'bins' : 'by', e.key, undefined, e.params);
      throw e;
    }
  }

  /** The answer table: `labels` false gives the CSV SPSS reads (codes, no label row). */
  async answers(actor: Actor, surveyId: string, language: SurveyLanguage, format: 'csv' | 'xlsx', labels: boolean): Promise<SurveyFile> {
    const { s, form, rows, opts } = await this.exportInput(actor, surveyId, language, `answers.${format}`);
    const table = answerTable(form, rows, language, { ...opts, labels });
    const base = `survey-${s.id.slice(0, 8)}-${language}`;
    if (format === 'csv') {
      const csv = '\uFEFF' + toCsv([table.header, ...(labels ? [table.variableLabels] : []), ...table.rows.map((r) => r.map(inertCell))]);
      return { body: csv, contentType: 'text/csv; charset=utf-8', fileName: `${base}${labels ? '-labels' : ''}.csv` };
    }
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Ashar';
    const data = wb.addWorksheet('data', { views: [{ state: 'frozen', ySplit: 2 }] });
    data.addRow(table.header).font = { bold: true };
    data.addRow(table.variableLabels).font = { italic: true };
    // Numbers stay numbers (0/1 of a multiple choice, scale points, integers); a string is a text cell (exceljs writes
    // a formula only when given one), so an answer "=1+1" stays the text it was.
    for (const r of table.rows) data.addRow(r);
    const book = wb.addWorksheet('codebook');
    book.addRow(CODEBOOK_HEADER.map((k) => translate(language as Locale, k))).font = { bold: true };
    for (const v of table.codebook.variables) {
      book.addRow([v.name, v.label, v.storage, v.measure, v.values.map((x) => `${x.code} = ${x.label}`).join('; '), v.missing.map((x) => `${x.code} = ${x.label}`).join('; ')]);
    }
    return { body: Buffer.from(await wb.xlsx.writeBuffer()), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${base}.xlsx` };
  }

  /** One line per variable: name, label, storage, measure, value labels, missing codes, in the chosen language. */
  async codebookCsv(actor: Actor, surveyId: string, language: SurveyLanguage): Promise<SurveyFile> {
    const { s, form, opts } = await this.exportInput(actor, surveyId, language, 'codebook.csv');
    const book = codebook(form, language, opts);
    const lines = [CODEBOOK_HEADER.map((k) => translate(language as Locale, k)), ...book.variables.map((v) => [v.name, v.label, v.storage, v.measure, v.values.map((x) => `${x.code} = ${x.label}`).join('; '), v.missing.map((x) => `${x.code} = ${x.label}`).join('; ')])];
    return { body: '\uFEFF' + toCsv(lines.map((r) => r.map(inertCell))), contentType: 'text/csv; charset=utf-8', fileName: `survey-${s.id.slice(0, 8)}-codebook-${language}.csv` };
  }

  /** SPSS syntax that reads `answers.csv` (codes) with variable and value labels in the chosen language. */
  async spss(actor: Actor, surveyId: string, language: SurveyLanguage): Promise<SurveyFile> {
    const { s, form, opts } = await this.exportInput(actor, surveyId, language, 'answers.sps');
    const base = `survey-${s.id.slice(0, 8)}-${language}`;
    return { body: spssSyntax(form, language, { ...opts, file: `${base}.csv` }), contentType: 'text/plain; charset=utf-8', fileName: `${base}.sps` };
  }

  /** A published version as an XLSForm workbook (ODK / KoboToolbox conventions). */
  async xlsform(actor: Actor, surveyId: string, number: number): Promise<SurveyFile> {
    const s = await this.surveys.managed(actor, surveyId);
    const v = (await this.repo.versions(s.id)).find((x) => x.number === number);
    if (!v) throw new InvalidInputError('number', 'errors.NOT_FOUND');
    return { body: await writeXlsForm(v.form as SurveyForm), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `survey-${s.id.slice(0, 8)}-v${v.number}-xlsform.xlsx` };
  }

  /** An uploaded XLSForm published as the survey's next version; problems name their cells (`survey!B7`). */
  async importXlsForm(actor: Actor, surveyId: string, data: Buffer) {
    await this.surveys.managed(actor, surveyId);
    const read = await readXlsForm(data);
    if (!read.ok) {
      const first = read.problems[0];
      throw new InvalidInputError(first?.path ?? 'file', first?.key ?? 'errors.BAD_USER_INPUT', undefined, { ...(first?.params ?? {}), problems: read.problems });
    }
    const version = await this.surveys.publishVersion(actor, surveyId, read.form);
    return { version: { id: version.id, number: version.number }, warnings: read.warnings };
  }

  private async newestForm(s: Survey): Promise<SurveyForm> {
    const [newest] = await this.repo.versions(s.id);
    if (!newest) throw new InvalidInputError('surveyId', 'errors.surveys.noVersion');
    return newest.form as SurveyForm;
  }

  private async exportInput(actor: Actor, surveyId: string, language: SurveyLanguage, what: string) {
    const s = await this.surveys.managed(actor, surveyId);
    const form = await this.newestForm(s);
    const rows = await this.answerSets.forResults(s.id, true);
    const villages = await this.villageNames(rows, language);
    const opts: CodebookOptions = { text: catalogueText, villages: Object.fromEntries(villages), ageGroups: s.ageGroups.map((g) => g.key) };
    // Microdata left the platform: who took which file, and how many rows.
    await this.tx.run((tx) => this.audit.record(tx, actor.toAudit(), { action: 'surveys.export', entityType: 'Survey', entityId: s.id, communityId: s.communityId, after: { file: what, language, rows: rows.length } }));
    return { s, form, rows, opts };
  }

  private async villageNames(rows: readonly ResultRow[], _language: SurveyLanguage): Promise<Map<string, Record<string, string>>> {
    const ids = [...new Set(rows.map((r) => r.villageKey))];
    const units = ids.length ? await this.territory.byIds(ids) : [];
    return new Map(units.map((u) => [u.id, Object.fromEntries(Object.entries(u.names ?? {}).filter(([, v]) => typeof v === 'string')) as Record<string, string>]));
  }
}

const CODEBOOK_HEADER = ['surveys.export.variable', 'surveys.export.label', 'surveys.export.storage', 'surveys.export.measure', 'surveys.export.values', 'surveys.export.missing'];

/** A text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe; numbers stay as they are. */
export function inertCell(v: string | number | null | undefined): string | number | null | undefined {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v) ? `'${v}` : v;
}
