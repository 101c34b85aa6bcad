import { Actor, actorFromAuthorization } from '@ashar/auth';
import { DEFAULT_LOCALE } from '@ashar/i18n';
import { DomainError, AppConfig, httpErrorAnswer, NotFoundError } from '@ashar/kernel';
import { MembershipService, SessionService } from '@ashar/identity';
import { InjectConfig } from '@ashar/runtime';
import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { IMPORT_KINDS, ImportKind, ImportUnit } from '../domain/import-rows';
import { ExportFile, ExportRenderer } from '../services/export.renderer';
import { ExportService } from '../services/export.service';
import { ImportService, MAX_IMPORT_BYTES } from '../services/import.service';
import { DocumentService, MAX_DOCUMENT_BYTES, sniffDocumentType } from '../services/document.service';
import { attachmentDisposition, discardUpload, readUploadBody, requestLocale } from '@ashar/imports';

/**
 * Files over plain HTTP: uploads of CSV/XLSX (too big for a JSON body), downloads of error reports
 * and exports, and the stable public URLs of every public version:
 *   /api/public/budgets/{budgetId}/versions/{n}/budget.csv | budget-excel.csv | budget.xlsx | budget.json
 *   (budget-excel.csv and budget.xlsx in the reader's language: ?lang=, X-Lang or Accept-Language; else Kyrgyz)
 *   /api/public/budgets/{budgetId}/versions/{n}/fdp/datapackage.json (+ fdp/budget.csv next to it)
 */
@Controller('api')
export class BudgetFilesController {
  constructor(
    private readonly imports: ImportService,
    private readonly exports: ExportService,
    private readonly memberships: MembershipService,
    private readonly documents: DocumentService,
    private readonly sessions: SessionService,
    private readonly renderer: ExportRenderer,
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

  /** A signed-in caller with a live session, checked from the Authorization header alone (no body read). */
  private async signedIn(req: Request): Promise<Actor> {
    const actor = await this.actor(req);
    if (!actor.accountId) throw new DomainError('UNAUTHENTICATED', 'errors.UNAUTHENTICATED', 'Authentication required');
    return actor;
  }

  /**
   * Private files (receipts, error reports, exports) say nothing about ids the caller may not see:
   * anonymous → 401 before any lookup, whether the id exists or not; signed in but not allowed → the
   * same 404 as an id that does not exist.
   */
  private async privateFile<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof DomainError && e.code === 'FORBIDDEN') throw new NotFoundError(what);
      throw e;
    }
  }

  private readBody(req: Request, max = MAX_IMPORT_BYTES, tooLargeKey = 'errors.budgets.import.tooLarge'): Promise<Buffer> {
    return readUploadBody(req, max, tooLargeKey);
  }

  /** A scanned receipt, invoice or contract for a record. Body: the raw PDF, JPEG or PNG (at most 5 MB); `takenAt` optional (a photo's date). */
  @Post('budget-transactions/:transactionId/documents')
  async uploadDocument(
    @Param('transactionId') transactionId: string,
    @Query('fileName') fileName: string,
    @Query('takenAt') takenAt: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await this.handle(res, async () => {
      const actor = await this.signedIn(req);
      // A member without the right is refused before one byte of the (up to 5 MB) body is read.
      await this.documents.authorizeUpload(actor, transactionId);
      const content = await this.readBody(req, MAX_DOCUMENT_BYTES, 'errors.budgets.document.tooLarge');
      res.status(201).json(await this.documents.upload(actor, transactionId, fileName, content, typeof takenAt === 'string' ? takenAt : null));
    }, { req, max: MAX_DOCUMENT_BYTES });
  }

  /**
   * Budget group and admin only: receipts carry names and signatures. Always a download (never shown
   * in the page: a PDF/PNG polyglot holding HTML must not run as our origin), typed by its first bytes
   * against the allowed list, sandboxed by CSP.
   */
  @Get('budget-documents/:id')
  async downloadDocument(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    await this.handle(res, async () => {
      const actor = await this.signedIn(req);
      const doc = await this.privateFile('BudgetDocument', () => this.documents.download(actor, id));
      res.setHeader('Content-Type', sniffDocumentType(doc.content) ?? 'application/octet-stream');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
      res.setHeader('Cache-Control', 'private, max-age=3600');
      res.setHeader('ETag', `"${doc.sha256}"`);
      res.setHeader('Content-Disposition', attachmentDisposition(doc.fileName));
      res.send(doc.content);
    });
  }

  /**
   * Body: the raw file (Content-Type text/csv or application/octet-stream). Who may import is checked
   * from the token and the budget before one byte of the body is read. `unit=ONE|THOUSAND` sets the
   * unit of the amounts (else read from the file); `preview=1` answers the preview (200) and writes nothing;
   * `stage=1` stores the file for a day and answers its preview with `uploadId` (201): preview it again
   * with other settings (`previewBudgetImportUpload`) and import it (`confirmBudgetImportUpload`)
   * without sending it again.
   */
  @Post('budgets/:budgetId/imports')
  async upload(@Param('budgetId') budgetId: string, @Query('kind') kind: string, @Query('fileName') fileName: string, @Query('unit') unit: string | undefined, @Query('preview') preview: string | undefined, @Query('stage') stage: string | undefined, @Query('asOf') asOf: string | undefined, @Req() req: Request, @Res() res: Response) {
    await this.handle(res, async () => {
      const actor = await this.signedIn(req);
      if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new DomainError('BAD_USER_INPUT', 'errors.validation.invalid', 'kind must be LEDGER, BUDGET or TREASURY', { field: 'kind' });
      if (unit !== undefined && unit !== 'ONE' && unit !== 'THOUSAND') throw new DomainError('BAD_USER_INPUT', 'errors.validation.invalid', 'unit must be ONE or THOUSAND', { field: 'unit' });
      await this.imports.assertMayImport(actor, budgetId, kind as ImportKind);
      const content = await this.readBody(req);
      // asOf (TREASURY): checked by the service (a real date in the fiscal year; other kinds refuse it).
      const input = { budgetId, kind: kind as ImportKind, content, locale: requestLocale(req), unit: (unit as ImportUnit | undefined) ?? null, asOf: asOf || null };
      // ?preview=1: read and check, write nothing (the same as Query.previewBudgetImport).
      if (stage === '1' || stage === 'true') {
        res.status(201).json(await this.imports.stage(actor, { ...input, fileName: fileName ?? 'upload.csv' }));
        return;
      }
      if (preview === '1' || preview === 'true') {
        res.status(200).json(await this.imports.preview(actor, input));
        return;
      }
      const imp = await this.imports.start(actor, { ...input, fileName: fileName ?? 'upload.csv' });
      res.status(202).json({ id: imp.id, status: imp.status });
    }, { req, max: MAX_IMPORT_BYTES });
  }

  @Get('budgets/imports/:id/errors.csv')
  async errorReport(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    await this.handle(res, async () => {
      const actor = await this.signedIn(req);
      const report = await this.privateFile('BudgetImport', () => this.imports.errorReport(actor, id, requestLocale(req)));
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Disposition', `attachment; filename="${report.fileName}"`);
      res.send(report.body);
    });
  }

  @Get('budgets/exports/:id/download')
  async download(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    await this.handle(res, async () => {
      const actor = await this.signedIn(req);
      const e = await this.privateFile('BudgetExport', () => this.exports.get(actor, id, true));
      if (e.status !== 'DONE' || !e.content) throw new DomainError('CONFLICT', 'errors.budgets.exportNotReady', 'Not ready');
      res.setHeader('Content-Type', e.contentType ?? 'application/octet-stream');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.send(e.content);
    });
  }

  private async servePublic(res: Response, budgetId: string, n: string, file: ExportFile, req?: Request) {
    await this.handle(res, async () => {
      const number = /^\d{1,6}$/.test(n) ? Number(n) : -1;
      const out = await this.renderer.render(budgetId, number, file, true, (req && requestLocale(req)) ?? DEFAULT_LOCALE);
      if (req) res.setHeader('Vary', 'Accept-Language, X-Lang');
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

  @Get('public/budgets/:budgetId/versions/:n/budget-excel.csv')
  csvExcel(@Param('budgetId') b: string, @Param('n') n: string, @Req() req: Request, @Res() res: Response) {
    return this.servePublic(res, b, n, 'budget-excel.csv', req);
  }

  @Get('public/budgets/:budgetId/versions/:n/budget.xlsx')
  xlsx(@Param('budgetId') b: string, @Param('n') n: string, @Req() req: Request, @Res() res: Response) {
    return this.servePublic(res, b, n, 'budget.xlsx', req);
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
