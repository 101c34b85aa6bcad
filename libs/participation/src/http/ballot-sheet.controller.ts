import { isLocale } from '@ashar/i18n';
import { DomainError, httpErrorAnswer } from '@ashar/kernel';
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { BallotSheetService } from '../services/ballot-sheet.service';

/** The language asked for: `?lang=`, else the first supported one of Accept-Language; else Kyrgyz. */
function sheetLocale(req: Request): string | null {
  if (isLocale(req.query?.lang)) return req.query.lang as string;
  for (const part of String(req.headers['accept-language'] ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase().slice(0, 2);
    if (isLocale(tag)) return tag;
  }
  return null;
}

/**
 * The printable paper ballot: GET /api/public/participation/processes/{id}/ballot-sheet?lang=ky|ru|kk&from=1&count=30
 * answers an A4 print-ready HTML page; `.../ballot-sheet.pdf` the same sheets as a PDF with DejaVu embedded.
 */
@Controller('api/public/participation')
export class BallotSheetController {
  constructor(private readonly sheets: BallotSheetService) {}

  @Get('processes/:processId/ballot-sheet')
  async sheet(@Param('processId') processId: string, @Query('from') from: string | undefined, @Query('count') count: string | undefined, @Req() req: Request, @Res() res: Response) {
    try {
      const html = await this.sheets.html(processId, sheetLocale(req), from === undefined ? 1 : Number(from), count === undefined ? 1 : Number(count));
      res
        .status(200)
        .set({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'", 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' })
        .send(html);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const { status, body } = httpErrorAnswer(e);
      res.status(status).json(body);
    }
  }

  @Get('processes/:processId/ballot-sheet.pdf')
  async sheetPdf(@Param('processId') processId: string, @Query('from') from: string | undefined, @Query('count') count: string | undefined, @Req() req: Request, @Res() res: Response) {
    try {
      const pdf = await this.sheets.pdf(processId, sheetLocale(req), from === undefined ? 1 : Number(from), count === undefined ? 1 : Number(count));
      res
        .status(200)
        .set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="ballot-sheet-${processId}.pdf"`, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' })
        .send(pdf);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const { status, body } = httpErrorAnswer(e);
      res.status(status).json(body);
    }
  }
}
