import { Actor, actorFromAuthorization } from '@ashar/auth';
import { discardUpload, readUploadBody } from '@ashar/imports';
import { AppConfig, DomainError, httpErrorAnswer } from '@ashar/kernel';
import { MembershipService, SessionService } from '@ashar/identity';
import { InjectConfig } from '@ashar/runtime';
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
    private readonly memberships: MembershipService,
    private readonly sessions: SessionService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  private actor(req: Request): Promise<Actor> {
    return actorFromAuthorization(req.headers.authorization, this.config.jwtSecret, (id) => this.memberships.rolesOfAccount(id), (sid, id) => this.sessions.isLive(sid, id));
  }

  private async handle(res: Response, fn: () => Promise<void>, upload?: { req: Request; max: number }) {
    try {
      await fn();
    } catch (e) {
      if (e instanceof DomainError) {
        const { status, body } = httpErrorAnswer(e);
        res.status(status).json(body);
        if (upload) discardUpload(upload.req, upload.max);
      } else throw e;
    }
  }

  /** Who may add the photo is checked from the token and the proposal before one byte of the body is read. */
  @Post('pb-proposals/:proposalId/photos')
  async upload(@Param('proposalId') proposalId: string, @Query('fileName') fileName: string | undefined, @Query('updateId') updateId: string | undefined, @Req() req: Request, @Res() res: Response) {
    await this.handle(res, async () => {
      const actor = await this.actor(req);
      if (!actor.accountId) throw new DomainError('UNAUTHENTICATED', 'errors.UNAUTHENTICATED', 'Authentication required');
      const target = await this.photos.authorize(actor, proposalId, typeof updateId === 'string' && updateId ? updateId : null);
      const content = await readUploadBody(req, MAX_PHOTO_BYTES, 'errors.participation.photoTooLarge');
      res.status(201).json(await this.photos.upload(actor, target, typeof fileName === 'string' ? fileName : undefined, content));
    }, { req, max: MAX_PHOTO_BYTES });
  }

  /** Typed by its first bytes, never sniffed by the browser, sandboxed: shown in an <img>, never run. */
  @Get('pb-photos/:id')
  async download(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    await this.handle(res, async () => {
      const photo = await this.photos.download(await this.actor(req), id);
      res.setHeader('Content-Type', photo.contentType);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.setHeader('ETag', `"${photo.sha256}"`);
      res.send(photo.content);
    });
  }
}
