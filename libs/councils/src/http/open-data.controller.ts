import { answerHttp } from '@ashar/imports';
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { OpenDataService } from '../services/open-data.service';

/**
 * Councils' open data, public and read-only (OParl 1.1; votes as Popolo, which OParl lacks). Every id
 * in the answers is a URL that one of these routes serves. Cached briefly by clients and proxies.
 */
@Controller('api/public')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Get('oparl/v1.1/system')
  system(@Res() res: Response) {
    return this.send(res, async () => this.openData.system());
  }

  @Get('oparl/v1.1/bodies')
  bodies(@Res() res: Response) {
    return this.send(res, () => this.openData.bodies());
  }

  @Get('oparl/v1.1/body/:bodyId')
  async body(@Param('bodyId') bodyId: string, @Res() res: Response) {
    return this.send(res, async () => (await this.openData.export(bodyId)).body);
  }

  @Get('oparl/v1.1/body/:bodyId/vote-events')
  voteEvents(@Param('bodyId') bodyId: string, @Res() res: Response) {
    return this.send(res, () => this.openData.voteEvents(bodyId));
  }

  @Get('oparl/v1.1/body/:bodyId/:list')
  list(@Param('bodyId') bodyId: string, @Param('list') list: string, @Res() res: Response) {
    return this.send(res, () => this.openData.list(bodyId, list));
  }

  @Get('oparl/v1.1/body/:bodyId/:kind/:id')
  object(@Param('bodyId') bodyId: string, @Param('kind') kind: string, @Param('id') id: string, @Res() res: Response) {
    return this.send(res, () => this.openData.object(bodyId, kind, id));
  }

  /** The bulk file of one body: every OParl object, and the vote events. */
  @Get('councils/:bodyId/open-data.json')
  bulk(@Param('bodyId') bodyId: string, @Res() res: Response) {
    return this.send(res, () => this.openData.export(bodyId), `council-${bodyId}-open-data.json`);
  }

  private send(res: Response, fn: () => Promise<unknown>, download?: string) {
    return answerHttp(res, async () => {
      const body = await fn();
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Cache-Control', 'public, max-age=60');
      res.setHeader('Access-Control-Allow-Origin', '*');
      if (download) res.setHeader('Content-Disposition', `attachment; filename="${download}"`);
      res.send(JSON.stringify(body));
    });
  }
}
