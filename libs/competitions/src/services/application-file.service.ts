import { Actor, PermissionService, RateLimiter } from '@ashar/auth';
import { FILE_UPLOADS_PER_ACCOUNT } from '../competitions.rate-limits';
import { AuditService } from '@ashar/audit';
import { TransactionRunner } from '@ashar/database';
import { DomainError, InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { safeDownloadName } from '@ashar/imports';
import { Injectable } from '@nestjs/common';
import { createHash } from 'crypto';
import { sniffFileType } from '../domain/file-type';
import { ApplicationFile } from '../entities/application-file.entity';
import { ApplicationFilesRepository } from '../repositories/application-files.repository';
import { ApplicationsRepository } from '../repositories/applications.repository';
import { ApplicationService } from './application.service';
import { CallService } from './call.service';
import { ReviewService } from './review.service';

export const MAX_APPLICATION_FILE_BYTES = 10 * 1024 * 1024;

export const applicationFileUrl = (id: string) => `/api/competition-files/${id}`;

export type FileTarget = Awaited<ReturnType<ApplicationService['fileTarget']>>;

/**
 * Files behind FILE fields, stored the way budgets stores receipts (bytes in PostgreSQL, type read from
 * the bytes, one copy of the same bytes per field). The form's allowed list decides what a field takes;
 * a file of another type is refused and stores nothing. The answer saved in the draft names the file
 * (`fileId`), and the draft takes its name and type from here.
 */
@Injectable()
export class ApplicationFileService {
  constructor(
    private readonly files: ApplicationFilesRepository,
    private readonly applicationsRepo: ApplicationsRepository,
    private readonly applications: ApplicationService,
    private readonly reviews: ReviewService,
    private readonly calls: CallService,
    private readonly permissions: PermissionService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
  ) {}

  /**
   * Run before one byte of the body is read: an editor, a stage taking drafts, a FILE field; then the
   * caller's upload limit (counted only for uploads they may make, so a refused one costs nothing).
   */
  async authorize(actor: Actor, applicationId: string, stage: string | undefined, fieldKey: string | undefined): Promise<FileTarget> {
    if (!actor.accountId) throw new DomainError('UNAUTHENTICATED', 'errors.UNAUTHENTICATED', 'Authentication required');
    const n = Number(stage);
    if (!Number.isInteger(n) || n < 1 || n > 20) throw new InvalidInputError('stage', 'errors.competitions.unknownStage');
    if (typeof fieldKey !== 'string' || !fieldKey) throw new InvalidInputError('field', 'errors.competitions.answers.unknownField');
    const target = await this.applications.fileTarget(actor, applicationId, n, fieldKey);
    await this.limiter.consume(FILE_UPLOADS_PER_ACCOUNT, [actor.accountId]);
    return target;
  }

  async upload(actor: Actor, target: FileTarget, fileName: string | undefined, content: Buffer): Promise<{ fileId: string; name: string; contentType: string; url: string }> {
    const { app, call, stage, field } = target;
    if (!content.length) throw new InvalidInputError('file', 'errors.competitions.answers.notFile');
    const contentType = sniffFileType(content);
    const allowed = field.allowedTypes ?? [];
    if (!contentType || !allowed.includes(contentType)) throw new InvalidInputError('file', 'errors.competitions.answers.fileType', undefined, { allowed: allowed.join(', ') });
    const name = safeDownloadName(fileName, 'file');
    const sha256 = createHash('sha256').update(content).digest('hex');
    return this.tx.run(async (tx) => {
      // Serialised per application: two uploads of the same bytes at once store one file.
      await this.applicationsRepo.lock(tx, app.id);
      const same = await this.files.findSame(tx, app.id, field.key, sha256);
      if (same) return { fileId: same.id, name: same.fileName, contentType: same.contentType, url: applicationFileUrl(same.id) };
      const f = await this.files.insert(tx, { applicationId: app.id, stageNumber: stage.number, fieldKey: field.key, fileName: name, contentType, sizeBytes: content.length, sha256, content, uploadedBy: actor.accountId! });
      await this.audit.record(tx, actor.toAudit(), { action: 'competitions.application.file', entityType: 'ApplicationFile', entityId: f.id, communityId: call.communityId, after: { applicationId: app.id, stage: stage.number, field: field.key, fileName: name, contentType, sizeBytes: content.length, sha256 } });
      return { fileId: f.id, name, contentType, url: applicationFileUrl(f.id) };
    });
  }

  /** The application's editors, its call's organisers and its assigned experts without a conflict; to anyone else it does not exist. */
  async download(actor: Actor, id: string): Promise<Pick<ApplicationFile, 'fileName' | 'contentType' | 'content' | 'sha256'>> {
    this.permissions.requireAccount(actor);
    const file = await this.files.withContent(uuidOrNotFound('ApplicationFile', id));
    if (!file) throw new NotFoundError('ApplicationFile', id);
    if (!(await this.mayRead(actor, file.applicationId))) throw new NotFoundError('ApplicationFile', id);
    return file;
  }

  private async mayRead(actor: Actor, applicationId: string): Promise<boolean> {
    if (actor.platformAdmin || (await this.applicationsRepo.isEditor(applicationId, actor.accountId!))) return true;
    const app = await this.applications.byId(applicationId);
    if (await this.calls.canManage(actor, (await this.calls.byId(app.callId)).communityId)) return true;
    try {
      await this.reviews.reviewable(actor, applicationId);
      return true;
    } catch (e) {
      if (e instanceof DomainError) return false;
      throw e;
    }
  }
}
