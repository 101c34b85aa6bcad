import { answerHttp, requestLocale } from '@ashar/imports';
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { BallotSheetService } from '../services/ballot-sheet.service';

/**
 * The printable paper ballot: GET /api/public/participation/processes/{id}/ballot-sheet?lang=ky|ru|kk&from=1&count=30
 * answers an A4 print-ready HTML page; `.../ballot-sheet.pdf` the same sheets as a PDF with DejaVu embedded.
 */
@Controller('api/public/participation')
export class BallotSheetController {
  constructor(private readonly sheets: BallotSheetService) {}

  @Get('processes/:processId/ballot-sheet')
  async sheet(@Param('processId') processId: string, @Query('from') from: string | undefined, @Query('count') count: string | undefined, @Req() req: Request, @Res() res: Response) {
    await answerHttp(res, async () => {
      const html = await this.sheets.html(processId, requestLocale(req), from === undefined ? 1 : Number(from), count === undefined ? 1 : Number(count));
      res
        .status(200)
        .set({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'", 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' })
        .send(html);
    });
  }

  @Get('processes/:processId/ballot-sheet.pdf')
  async sheetPdf(@Param('processId') processId: string, @Query('from') from: string | undefined, @Query('count') count: string | undefined, @Req() req: Request, @Res() res: Response) {
    await answerHttp(res, async () => {
      const pdf = await this.sheets.pdf(processId, requestLocale(req), from === undefined ? 1 : Number(from), count === undefined ? 1 : Number(count));
      res
        .status(200)
        .set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="ballot-sheet-${processId}.pdf"`, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' })
        .send(pdf);
    });
  }
}
