import { answerHttp } from '@ashar/imports';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AnnualReportService } from '../services/annual-report.service';

/** A body's annual report, public and read-only: JSON (open data) or PDF, `?lang=ky|ru|kk|en` (default ky). */
@Controller('api/public/councils')
export class AnnualReportController {
  constructor(private readonly reports: AnnualReportService) {}

  @Get(':bodyId/annual-report/:year.json')
  async json(@Param('bodyId') bodyId: string, @Param('year') year: string, @Query('lang') lang: string | undefined, @Res() res: Response) {
    return this.answer(res, async () => {
      const report = await this.reports.report(bodyId, year, lang);
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Content-Disposition', `inline; filename="council-${report.body.id}-${report.year}-${report.language}.json"`);
      res.send(JSON.stringify(report));
    });
  }

  @Get(':bodyId/annual-report/:year.pdf')
  async pdf(@Param('bodyId') bodyId: string, @Param('year') year: string, @Query('lang') lang: string | undefined, @Res() res: Response) {
    return this.answer(res, async () => {
      const { report, pdf } = await this.reports.pdf(bodyId, year, lang);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `inline; filename="council-${report.body.id}-${report.year}-${report.language}.pdf"`);
      res.send(pdf);
    });
  }

  private answer(res: Response, fn: () => Promise<void>) {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('Access-Control-Allow-Origin', '*');
    // An error answer is JSON, not the file the disposition named.
    return answerHttp(res, () => fn().catch((e) => {
      res.removeHeader('Content-Disposition');
      throw e;
    }));
  }
}
