import { answerHttp, attachmentDisposition, readUploadBody } from '@ashar/imports';
import { RequestActorService } from '@ashar/identity';
import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApplicationFileService, MAX_APPLICATION_FILE_BYTES } from '../services/application-file.service';

/**
 * Files of FILE fields over plain HTTP (raw bodies are too big for JSON); thin, the rules are the service's.
 *   POST /api/competition-applications/{applicationId}/files?stage=1&field=letter&fileName=   (201 { fileId, name, contentType, url })
 *   GET  /api/competition-files/{id}                                                         (always a download)
 */
@Controller('api')
export class CompetitionFilesController {
  constructor(
    private readonly files: ApplicationFileService,
    private readonly actors: RequestActorService,
  ) {}

  /** Anonymous callers and callers who do not edit the application are refused before one byte of the body is read. */
  @Post('competition-applications/:applicationId/files')
  async upload(@Param('applicationId') applicationId: string, @Query('stage') stage: string | undefined, @Query('field') field: string | undefined, @Query('fileName') fileName: string | undefined, @Req() req: Request, @Res() res: Response) {
    await answerHttp(res, async () => {
      const actor = await this.actors.actorOf(req);
      const target = await this.files.authorize(actor, applicationId, stage, field);
      const content = await readUploadBody(req, MAX_APPLICATION_FILE_BYTES, 'errors.competitions.fileTooLarge');
      res.status(201).json(await this.files.upload(actor, target, typeof fileName === 'string' ? fileName : undefined, content));
    }, { req, max: MAX_APPLICATION_FILE_BYTES });
  }

  /** Always a download, typed as stored (read from the bytes), never sniffed by the browser, sandboxed. */
  @Get('competition-files/:id')
  async download(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    await answerHttp(res, async () => {
      const actor = await this.actors.signedIn(req);
      const file = await this.files.download(actor, id);
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
      res.setHeader('Cache-Control', 'private, max-age=3600');
      res.setHeader('ETag', `"${file.sha256}"`);
      res.setHeader('Content-Disposition', attachmentDisposition(file.fileName, 'file'));
      res.send(file.content);
    });
  }
}
