import { Actor, actorFromAuthorization } from '@ashar/auth';
import { DomainError, AppConfig, toCsv } from '@ashar/kernel';
import { MembershipService, SessionService } from '@ashar/identity';
import { InjectConfig } from '@ashar/runtime';
import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { ImportKind } from '../domain/import-rows';
import { BudgetViewService } from '../services/budget-view.service';
import { ExportFile, ExportRenderer } from '../services/export.renderer';
import { ExportService } from '../services/export.service';
import { ImportService, MAX_IMPORT_BYTES } from '../services/import.service';
import { DocumentService, MAX_DOCUMENT_BYTES } from '../services/document.service';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429 };

/**
 * Files over plain HTTP: uploads of CSV/XLSX (too big for a JSON body), downloads of error reports
 * and exports, and the stable public URLs of every public version:
 *   /api/public/budgets/{budgetId}/versions/{n}/budget.csv | budget.xlsx | budget.json
 *   /api/public/budgets/{budgetId}/versions/{n}/fdp/datapackage.json (+ fdp/budget.csv next to it)
 */
@Controller('api')
export class BudgetFilesController {
  private readonly renderer: ExportRenderer;

  constructor(
    private readonly imports: ImportService,
    private readonly exports: ExportService,
    private readonly memberships: MembershipService,
    private readonly documents: DocumentService,
    private readonly sessions: SessionService,
    views: BudgetViewService,
    @InjectDataSource() db: DataSource,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.renderer = new ExportRenderer(db, views, config);
  }

  private actor(req: Request): Promise<Actor> {
    return actorFromAuthorization(req.headers.authorization, this.config.jwtSecret, (id) => this.memberships.rolesOfAccount(id), (sid, id) => this.sessions.isLive(sid, id));
  }

  private async handle(res: Response, fn: () => Promise<void>) {
    try {
      await fn();
    } catch (e) {
      if (e instanceof DomainError) {
        res.status(STATUS[e.code] ?? 400).json({ code: e.code, messageKey: e.messageKey, ...(e.details as object) });
      } else throw e;
    }
  }

  /**
   * Reads an upload up to `max` bytes. Past the limit the rest is drained and dropped (not cut off), so
   * the client gets the 400 answer instead of a reset connection.
   */
  private readBody(req: Request, max = MAX_IMPORT_BYTES, tooLargeKey = 'errors.budgets.import.tooLarge'): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= max) chunks.push(c);
      });
      req.on('end', () =>
        size > max
          ? reject(new DomainError('BAD_USER_INPUT', tooLargeKey, 'File too large', { field: 'file', params: { max: Math.round(max / 1024 / 1024) } }))
          : resolve(Buffer.concat(chunks)),
      );
      req.on('error', reject);
    });
  }

  /** A scanned receipt, invoice or contract for a record. Body: the raw PDF, JPEG or PNG (at most 5 MB). */
  @Post('budget-transactions/:transactionId/documents')
  async uploadDocument(@Param('transactionId') transactionId: string, @Query('fileName') fileName: string, @Req() req: Request, @Res() res: Response) {
    await this.handle(res, async () => {
      const actor = await this.actor(req);
      this.documentsAuth(actor);
      const content = await this.readBody(req, MAX_DOCUMENT_BYTES, 'errors.budgets.document.tooLarge');
      res.status(201).json(await this.documents.upload(actor, transactionId, fileName, content));
    });
  }

  /** Budget group only: receipts carry names and signatures. */
  @Get('budget-documents/:id')
  async downloadDocument(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    await this.handle(res, async () => {
      const doc = await this.documents.download(await this.actor(req), id);
      res.setHeader('Content-Type', doc.contentType);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, max-age=3600');
      res.setHeader('ETag', `"${doc.sha256}"`);
      res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`);
      res.send(doc.content);
    });
  }

  private documentsAuth(actor: Actor) {
    if (!actor.accountId) throw new DomainError('UNAUTHENTICATED', 'errors.UNAUTHENTICATED', 'Authentication required');
  }

  /** Body: the raw file (Content-Type text/csv or application/octet-stream). */
  @Post('budgets/:budgetId/imports')
  async upload(@Param('budgetId') budgetId: string, @Query('kind') kind: string, @Query('fileName') fileName: string, @Req() req: Request, @Res() res: Response) {
    await this.handle(res, async () => {
      const actor = await this.actor(req);
      if (kind !== 'LEDGER' && kind !== 'BUDGET') throw new DomainError('BAD_USER_INPUT', 'errors.validation.invalid', 'kind must be LEDGER or BUDGET', { field: 'kind' });
      const content = await this.readBody(req);
      const imp = await this.imports.start(actor, { budgetId, kind: kind as ImportKind, fileName: fileName ?? 'upload.csv', content });
      res.status(202).json({ id: imp.id, status: imp.status });
    });
  }

  @Get('budgets/imports/:id/errors.csv')
  async errorReport(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    await this.handle(res, async () => {
      const imp = await this.imports.get(await this.actor(req), id);
      const rows = (imp.errors ?? []).map((e) => [e.line, e.column ?? '', e.messageKey, e.value ?? '']);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="import-${imp.id}-errors.csv"`);
      res.send('\ufeff' + toCsv([['line', 'column', 'error', 'value'], ...rows]));
    });
  }

  @Get('budgets/exports/:id/download')
  async download(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    await this.handle(res, async () => {
      const e = await this.exports.get(await this.actor(req), id, true);
      if (e.status !== 'DONE' || !e.content) throw new DomainError('CONFLICT', 'errors.budgets.exportNotReady', 'Not ready');
      res.setHeader('Content-Type', e.contentType ?? 'application/octet-stream');
      res.send(e.content);
    });
  }

  private async servePublic(res: Response, budgetId: string, n: string, file: ExportFile) {
    await this.handle(res, async () => {
      const number = /^\d{1,6}$/.test(n) ? Number(n) : -1;
      const out = await this.renderer.render(budgetId, number, file, true);
      res.setHeader('Content-Type', out.contentType);
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.setHeader('Access-Control-Allow-Origin', '*');
      if (!file.startsWith('fdp/')) res.setHeader('Content-Disposition', `inline; filename="${out.fileName}"`);
      res.send(out.body);
    });
  }

  @Get('public/budgets/:budgetId/versions/:n/budget.csv')
  csv(@Param('budgetId') b: string, @Param('n') n: string, @Res() res: Response) {
    return this.servePublic(res, b, n, 'budget.csv');
  }

  @Get('public/budgets/:budgetId/versions/:n/budget.xlsx')
  xlsx(@Param('budgetId') b: string, @Param('n') n: string, @Res() res: Response) {
    return this.servePublic(res, b, n, 'budget.xlsx');
  }

  @Get('public/budgets/:budgetId/versions/:n/budget.json')
  json(@Param('budgetId') b: string, @Param('n') n: string, @Res() res: Response) {
    return this.servePublic(res, b, n, 'budget.json');
  }

  @Get('public/budgets/:budgetId/versions/:n/fdp/datapackage.json')
  fdp(@Param('budgetId') b: string, @Param('n') n: string, @Res() res: Response) {
    return this.servePublic(res, b, n, 'fdp/datapackage.json');
  }

  @Get('public/budgets/:budgetId/versions/:n/fdp/budget.csv')
  fdpCsv(@Param('budgetId') b: string, @Param('n') n: string, @Res() res: Response) {
    return this.servePublic(res, b, n, 'fdp/budget.csv');
  }
}
