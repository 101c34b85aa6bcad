import { Actor, PermissionService, RateLimiter } from '@ashar/auth';
import { DOCUMENT_UPLOADS_PER_ACCOUNT } from '../budgets.rate-limits';
import { AuditService } from '@ashar/audit';
import { DomainError, InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { TransactionRunner } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { createHash } from 'crypto';
import { BUDGETS_PERMISSIONS } from '../budgets.permissions';
import { BudgetDocument } from '../entities/budget-document.entity';
import { BudgetDocumentsRepository } from '../repositories/budget-documents.repository';
import { BudgetTransactionsRepository } from '../repositories/budget-transactions.repository';
import { BudgetService } from './budget.service';

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;

/** What a file is, from its first bytes: the declared Content-Type is not trusted. */
export function sniffDocumentType(content: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

export function documentUrl(id: string): string {
  return `/api/budget-documents/${id}`;
}

/** Scanned receipts and other documents of execution records, stored in PostgreSQL. */
@Injectable()
export class DocumentService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly transactions: BudgetTransactionsRepository,
    private readonly documents: BudgetDocumentsRepository,
    private readonly permissions: PermissionService,
    private readonly budgets: BudgetService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
  ) {}

  /**
   * `takenAt` (optional): when the photo was taken, as the phone read it (EXIF DateTimeOriginal, local
   * time without zone, or the file's date in ISO 8601 with zone); kept in the document's `metadata`.
   * Anything else: BAD_USER_INPUT on `takenAt`.
   */
  /** The record and the caller's right to attach to it, checked before the upload's body is read. */
  async authorizeUpload(actor: Actor, transactionId: string): Promise<void> {
    const t = await this.transactions.findById(uuidOrNotFound('BudgetTransaction', transactionId));
    if (!t) throw new NotFoundError('BudgetTransaction', transactionId);
    const budget = await this.budgets.budgetById(t.budgetId);
    await this.permissions.assert(actor, budget.communityId, 'budget.recordExecution', BUDGETS_PERMISSIONS);
  }

  async upload(actor: Actor, transactionId: string, fileName: string, content: Buffer, takenAt?: string | null): Promise<{ id: string; url: string }> {
    const t = await this.transactions.findById(uuidOrNotFound('BudgetTransaction', transactionId));
    if (!t) throw new NotFoundError('BudgetTransaction', transactionId);
    const budget = await this.budgets.budgetById(t.budgetId);
    await this.permissions.assert(actor, budget.communityId, 'budget.recordExecution', BUDGETS_PERMISSIONS);
    const name = (fileName ?? '').trim().slice(0, 200) || 'document';
    if (!content.length) throw new InvalidInputError('file', 'errors.validation.required');
    if (content.length > MAX_DOCUMENT_BYTES) throw new InvalidInputError('file', 'errors.budgets.document.tooLarge', undefined, { max: MAX_DOCUMENT_BYTES / 1024 / 1024 });
    const taken = takenAtOrNull(takenAt);
    const contentType = sniffDocumentType(content);
    if (!contentType) throw new InvalidInputError('file', 'errors.budgets.document.type');
    await this.limiter.consume(DOCUMENT_UPLOADS_PER_ACCOUNT, [actor.accountId]);
    const sha256 = createHash('sha256').update(content).digest('hex');
    return this.tx.run(async (tx) => {
      // Lock the record: two uploads at once can neither both pass the attachment limit nor both
      // store the same file.
      const locked = await this.transactions.lock(tx, t.id);
      if (!locked) throw new NotFoundError('BudgetTransaction', t.id);
      // The same bytes uploaded again to the same record (a retry, a double tap) are the same
      // document: the first one is answered, nothing is stored or audited twice.
      const same = await this.documents.findSame(tx, t.id, sha256);
      if (same) return { id: same.id, url: documentUrl(same.id) };
      if (locked.attachments.length >= MAX_ATTACHMENTS) throw new DomainError('CONFLICT', 'errors.validation.tooMany', 'too many attachments', { params: { max: MAX_ATTACHMENTS } });
      const doc = await this.documents.insert(tx, {
        transactionId: t.id,
        fileName: name,
        contentType,
        sizeBytes: content.length,
        sha256,
        content,
        uploadedBy: actor.accountId!,
        metadata: taken ? { takenAt: taken } : {},
      });
      const attachment = { name, url: documentUrl(doc.id) };
      await this.transactions.setAttachments(tx, t.id, [...locked.attachments, attachment]);
      await this.audit.record(tx, actor.toAudit(), {
        action: 'budget.uploadDocument',
        entityType: 'BudgetDocument',
        entityId: doc.id,
        communityId: budget.communityId,
        after: { transactionId: t.id, fileName: name, contentType, sizeBytes: content.length, sha256: doc.sha256, ...(taken ? { takenAt: taken } : {}) },
      });
      return { id: doc.id, url: attachment.url };
    });
  }

  async download(actor: Actor, id: string): Promise<Pick<BudgetDocument, 'fileName' | 'contentType' | 'content' | 'sha256'>> {
    const doc = await this.documents.withContent(uuidOrNotFound('BudgetDocument', id));
    if (!doc) throw new NotFoundError('BudgetDocument', id);
    const t = await this.transactions.findById(doc.transactionId);
    if (!t) throw new NotFoundError('BudgetDocument', id);
    const budget = await this.budgets.budgetById(t.budgetId);
    this.permissions.requireAccount(actor);
    await this.permissions.assert(actor, budget.communityId, 'budget.viewInternal', BUDGETS_PERMISSIONS);
    return doc;
  }
}

const TAKEN_AT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})?$/;

/** A photo's date as sent by the phone, checked (a real calendar date and time, years 1990–2100). */
export function takenAtOrNull(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const m = typeof value === 'string' ? TAKEN_AT.exec(value) : null;
  const ok =
    m &&
    +m[1] >= 1990 && +m[1] <= 2100 && +m[4] < 24 && +m[5] < 60 && +m[6] < 60 &&
    new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).toISOString().slice(0, 10) === `${m[1]}-${m[2]}-${m[3]}`;
  if (!ok) throw new InvalidInputError('takenAt', 'errors.validation.invalid');
  return value as string;
}
