import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ImportKind } from '../domain/import-rows';
import { BudgetImportUpload } from '../entities/budget-import-upload.entity';

/** An upload is kept this long for its preview and confirm. */
export const UPLOAD_TTL_MS = 24 * 3600_000;
/** At most this many uploads per person and budget are kept (the newest). */
export const UPLOADS_KEPT = 3;

export interface NewUpload {
  communityId: string;
  budgetId: string;
  kind: ImportKind;
  fileName: string;
  fileSha256: string;
  content: Buffer;
  createdBy: string;
  locale: string | null;
}

/** Files uploaded to be previewed, then imported from here (budget_import_uploads). */
@Injectable()
export class BudgetImportUploadRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stores the upload, and drops this person's uploads for the budget beyond the newest few, and every expired one. */
  async insert(u: NewUpload): Promise<BudgetImportUpload> {
    return this.db.transaction(async (m) => {
      const [row] = (await m.query(
        `INSERT INTO budget_import_uploads (community_id, budget_id, kind, file_name, file_sha256, bytes, content, created_by, locale)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [u.communityId, u.budgetId, u.kind, u.fileName, u.fileSha256, u.content.length, u.content, u.createdBy, u.locale],
      )) as Array<{ id: string }>;
      await m.query(
        `DELETE FROM budget_import_uploads WHERE created_at < now() - make_interval(secs => $1)
            OR id IN (SELECT id FROM budget_import_uploads WHERE budget_id = $2 AND created_by = $3 ORDER BY created_at DESC, id OFFSET $4)`,
        [UPLOAD_TTL_MS / 1000, u.budgetId, u.createdBy, UPLOADS_KEPT],
      );
      return m.findOneByOrFail(BudgetImportUpload, { id: row.id });
    });
  }

  /** The upload with its content, or null when unknown or expired. */
  async withContent(id: string): Promise<(BudgetImportUpload & { content: Buffer }) | null> {
    const row = await this.db
      .getRepository(BudgetImportUpload)
      .createQueryBuilder('u')
      .addSelect('u.content')
      .where('u.id = :id', { id })
      .andWhere(`u.created_at >= now() - make_interval(secs => :ttl)`, { ttl: UPLOAD_TTL_MS / 1000 })
      .getOne();
    return (row as (BudgetImportUpload & { content: Buffer }) | null) ?? null;
  }
}
