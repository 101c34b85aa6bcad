import { answerHttp, attachmentDisposition, readUploadBody } from '@ashar/imports';
import { RequestActorService } from '@ashar/identity';
import { InvalidInputError } from '@ashar/kernel';
import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SurveyFile, surveyLanguage, SurveyResultsService } from '../services/survey-results.service';
import { SurveyService } from '../services/survey.service';

/** An XLSForm workbook is small: 5 MB is far above any questionnaire (the reader also caps rows and cells). */
export const MAX_XLSFORM_BYTES = 5 * 1024 * 1024;

/**
 * A survey's files over plain HTTP, organisers only (`Authorization: Bearer`); thin, the rules are the services':
 *   GET  /api/surveys/{id}/answers.csv?lang=&labels=1 | answers.xlsx?lang= | codebook.csv?lang= | answers.sps?lang=
 *   GET  /api/surveys/{id}/versions/{n}/xlsform.xlsx
 *   POST /api/surveys/{id}/xlsform   (the .xlsx bytes) → 201 { version: { id, number }, warnings }
 */
@Controller('api/surveys')
export class SurveyFilesController {
  constructor(
    private readonly results: SurveyResultsService,
    private readonly surveys: SurveyService,
    private readonly actors: RequestActorService,
  ) {}

  @Get(':surveyId/answers.csv')
  answersCsv(@Param('surveyId') id: string, @Query('lang') lang: string | undefined, @Query('labels') labels: string | undefined, @Req() req: Request, @Res() res: Response) {
    return this.send(req, res, async (actor) => this.results.answers(actor, id, surveyLanguage(lang), 'csv', labels === '1' || labels === 'true'));
  }

  @Get(':surveyId/answers.xlsx')
  answersXlsx(@Param('surveyId') id: string, @Query('lang') lang: string | undefined, @Req() req: Request, @Res() res: Response) {
    return this.send(req, res, async (actor) => this.results.answers(actor, id, surveyLanguage(lang), 'xlsx', true));
  }

  @Get(':surveyId/codebook.csv')
  codebook(@Param('surveyId') id: string, @Query('lang') lang: string | undefined, @Req() req: Request, @Res() res: Response) {
    return this.send(req, res, async (actor) => this.results.codebookCsv(actor, id, surveyLanguage(lang)));
  }

  @Get(':surveyId/answers.sps')
  spss(@Param('surveyId') id: string, @Query('lang') lang: string | undefined, @Req() req: Request, @Res() res: Response) {
    return this.send(req, res, async (actor) => this.results.spss(actor, id, surveyLanguage(lang)));
  }

  @Get(':surveyId/versions/:number/xlsform.xlsx')
  xlsform(@Param('surveyId') id: string, @Param('number') number: string, @Req() req: Request, @Res() res: Response) {
    return this.send(req, res, async (actor) => {
      if (!/^\d{1,6}$/.test(number)) throw new InvalidInputError('number', 'errors.validation.invalid');
      return this.results.xlsform(actor, id, Number(number));
    });
  }

  /** Refused before the body is read unless the caller organises the survey. */
  @Post(':surveyId/xlsform')
  async importXlsForm(@Param('surveyId') id: string, @Req() req: Request, @Res() res: Response) {
    await answerHttp(res, async () => {
      const actor = await this.actors.signedIn(req);
      await this.surveys.managed(actor, id);
      const body = await readUploadBody(req, MAX_XLSFORM_BYTES, 'errors.surveys.xlsform.tooLarge');
      res.status(201).json(await this.results.importXlsForm(actor, id, body));
    }, { req, max: MAX_XLSFORM_BYTES });
  }

  private async send(req: Request, res: Response, make: (actor: Awaited<ReturnType<RequestActorService['signedIn']>>) => Promise<SurveyFile>): Promise<void> {
    await answerHttp(res, async () => {
      const file = await make(await this.actors.signedIn(req));
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('Content-Disposition', attachmentDisposition(file.fileName, 'survey'));
      res.send(file.body);
    });
  }
}
