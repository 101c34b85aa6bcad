import { DEFAULT_LOCALE, isLocale, Locale } from '@ashar/i18n';
import { answerHttp, attachmentDisposition } from '@ashar/imports';
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { OpenDataService } from '../services/open-data.service';

/** The reader's language: `?lang=`, else `X-Lang`, else the first supported one of Accept-Language, else Kyrgyz. */
function requestLocale(req: Request): Locale {
  const explicit = [req.query?.lang, req.headers['x-lang']].find((v) => isLocale(v));
  if (explicit) return explicit as Locale;
  for (const part of String(req.headers['accept-language'] ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase().slice(0, 2);
    if (isLocale(tag)) return tag;
  }
  return DEFAULT_LOCALE;
}

/**
 * Open data of municipality indicators, public and read-only: one row per municipality of a raion or an
 * oblast with its current observation. `.csv` (RFC 4180), `-excel.csv` (`;`, BOM, CRLF) and `.json`.
 * The audit anchor headers come from the api's `/api/public` middleware, as for every public file.
 * The Excel route is declared first: `:areaUnitId.csv` would also match `<id>-excel.csv`.
 */
@Controller('api/public/municipal-indicators')
export class MunicipalOpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Get(':areaUnitId-excel.csv')
  excel(@Param('areaUnitId') id: string, @Req() req: Request, @Res() res: Response) {
    return this.send(res, async () => {
      const f = await this.openData.file(id, 'excel', requestLocale(req));
      return { body: f.body, type: 'text/csv; charset=utf-8', name: f.name };
    });
  }

  @Get(':areaUnitId.csv')
  csv(@Param('areaUnitId') id: string, @Req() req: Request, @Res() res: Response) {
    return this.send(res, async () => {
      const f = await this.openData.file(id, 'csv', requestLocale(req));
      return { body: f.body, type: 'text/csv; charset=utf-8; header=present', name: f.name };
    });
  }

  @Get(':areaUnitId.json')
  json(@Param('areaUnitId') id: string, @Req() req: Request, @Res() res: Response) {
    return this.send(res, async () => {
      const f = await this.openData.file(id, 'json', requestLocale(req));
      return { body: f.body, type: 'application/json; charset=utf-8', name: f.name };
    });
  }

  private send(res: Response, fn: () => Promise<{ body: string | Buffer; type: string; name: string }>) {
    return answerHttp(res, async () => {
      const f = await fn();
      res.setHeader('Content-Type', f.type);
      res.setHeader('Cache-Control', 'public, max-age=60');
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Content-Disposition', attachmentDisposition(f.name, 'municipal-indicators'));
      res.send(f.body);
    });
  }
}
