import { answerHttp, readUploadBody } from '@ashar/imports';
import { RequestActorService } from '@ashar/identity';
import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { MAX_PHOTO_BYTES, ProposalPhotoService } from '../services/proposal-photo.service';

/**
 * Photos over plain HTTP (raw JPEG/PNG bodies are too big for JSON): thin, the rules are the service's.
 *   POST /api/pb-proposals/{proposalId}/photos?fileName=&updateId=   (201 { id, url })
 *   GET  /api/pb-photos/{id}                                         (public like the proposal)
 */
@Controller('api')
export class ParticipationPhotosController {
  constructor(
    private readonly photos: ProposalPhotoService,
    private readonly actors: RequestActorService,
  ) {}

  /** Who may add the photo is checked from the token and the proposal before one byte of the body is read. */
  @Post('pb-proposals/:proposalId/photos')
  async upload(@Param('proposalId') proposalId: string, @Query('fileName') fileName: string | undefined, @Query('updateId') updateId: string | undefined, @Req() req: Request, @Res() res: Response) {
    await answerHttp(res, async () => {
      const actor = await this.actors.signedIn(req);
      const target = await this.photos.authorize(actor, proposalId, typeof updateId === 'string' && updateId ? updateId : null);
      const content = await readUploadBody(req, MAX_PHOTO_BYTES, 'errors.participation.photoTooLarge');
      res.status(201).json(await this.photos.upload(actor, target, typeof fileName === 'string' ? fileName : undefined, content));
    }, { req, max: MAX_PHOTO_BYTES });
  }

  /** Typed by its first bytes, never sniffed by the browser, sandboxed: shown in an <img>, never run. */
  @Get('pb-photos/:id')
  async download(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    await answerHttp(res, async () => {
      const photo = await this.photos.download(await this.actors.actorOf(req), id);
      res.setHeader('Content-Type', photo.contentType);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.setHeader('ETag', `"${photo.sha256}"`);
      res.send(photo.content);
    });
  }
}
