import { Actor, PermissionService, RateLimiter } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { TransactionRunner } from '@ashar/database';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { Injectable } from '@nestjs/common';
import { createHash } from 'crypto';
import { ProposalPhoto } from '../entities/proposal-photo.entity';
import { PARTICIPATION_PERMISSIONS } from '../participation.permissions';
import { PHOTO_UPLOADS_PER_ACCOUNT } from '../participation.rate-limits';
import { ProposalsRepository } from '../repositories/proposals.repository';
import { ProjectsRepository } from '../repositories/projects.repository';
import { ProposalPhotosRepository } from '../repositories/proposal-photos.repository';
import { ProposalService } from './proposal.service';
import { ProcessService } from './process.service';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS = 12;

/** What a photo is, from its first bytes (the declared type is not trusted): JPEG or PNG, else null. */
export function sniffPhotoType(content: Buffer): 'image/jpeg' | 'image/png' | null {
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

export const photoUrl = (id: string) => `/api/pb-photos/${id}`;

export interface PhotoTarget {
  proposalId: string;
  updateId: string | null;
  communityId: string;
}

/**
 * Photos of proposals (by their author while ideas are taken, by organisers at any time) and of a
 * project's updates (organisers), stored in PostgreSQL the way budgets stores receipts: the type
 * read from the bytes, 5 MB at most, the same bytes twice are one photo. Public like the proposal.
 */
@Injectable()
export class ProposalPhotoService {
  constructor(
    private readonly photos: ProposalPhotosRepository,
    private readonly projects: ProjectsRepository,
    private readonly proposalsRepo: ProposalsRepository,
    private readonly proposals: ProposalService,
    private readonly processes: ProcessService,
    private readonly permissions: PermissionService,
    private readonly limiter: RateLimiter,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** Run before one byte of the body is read: who may add a photo here. */
  async authorize(actor: Actor, proposalId: string, updateId: string | null): Promise<PhotoTarget> {
    const proposal = await this.proposals.byId(actor, proposalId);
    const process = await this.processes.byId(proposal.processId);
    const organiser = await this.permissions.can(actor, process.communityId, 'participation.manage', PARTICIPATION_PERMISSIONS);
    if (updateId) {
      if (!organiser) throw new ForbiddenError('participation.photo.update');
      const update = await this.projects.updateById(uuidOrNotFound('ProjectUpdate', updateId));
      if (!update || update.proposalId !== proposal.id) throw new InvalidInputError('updateId', 'errors.validation.invalid');
    } else if (!organiser && !(proposal.authorAccountId === actor.accountId && process.phase === 'IDEAS')) {
      throw new ForbiddenError('participation.photo.add');
    }
    return { proposalId: proposal.id, updateId, communityId: process.communityId };
  }

  async upload(actor: Actor, target: PhotoTarget, fileName: string | undefined, content: Buffer): Promise<{ id: string; url: string }> {
    if (!content.length) throw new InvalidInputError('file', 'errors.validation.required');
    if (content.length > MAX_PHOTO_BYTES) throw new InvalidInputError('file', 'errors.participation.photoTooLarge', undefined, { max: MAX_PHOTO_BYTES / 1024 / 1024 });
    const contentType = sniffPhotoType(content);
    if (!contentType) throw new InvalidInputError('file', 'errors.participation.photoType');
    await this.limiter.consume(PHOTO_UPLOADS_PER_ACCOUNT, [actor.accountId]);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const name = (fileName ?? '').trim().slice(0, 200) || 'photo';
    return this.tx.run(async (tx) => {
      // Under the proposal's lock: two uploads at once cannot both pass the limit.
      await this.proposalsRepo.lock(tx, target.proposalId);
      const same = await this.photos.findSame(tx, target.proposalId, sha256);
      if (same) return { id: same.id, url: photoUrl(same.id) };
      if ((await this.photos.countOf(tx, target.proposalId)) >= MAX_PHOTOS) throw new ConflictError('errors.validation.tooMany', 'too many photos', { max: MAX_PHOTOS });
      const photo = await this.photos.insert(tx, { proposalId: target.proposalId, updateId: target.updateId, fileName: name, contentType, sizeBytes: content.length, sha256, content, uploadedBy: actor.accountId! });
      await this.audit.record(tx, actor.toAudit(), { action: 'participation.photo.upload', entityType: 'ProposalPhoto', entityId: photo.id, communityId: target.communityId, after: { proposalId: target.proposalId, updateId: target.updateId, contentType, sizeBytes: content.length, sha256 } });
      return { id: photo.id, url: photoUrl(photo.id) };
    });
  }

  /** Public when the proposal is (a draft process's photos only for its organisers). */
  async download(actor: Actor, id: string): Promise<ProposalPhoto> {
    const photo = await this.photos.withContent(uuidOrNotFound('ProposalPhoto', id));
    if (!photo) throw new NotFoundError('ProposalPhoto', id);
    await this.proposals.byId(actor, photo.proposalId);
    return photo;
  }

  ofProposals(ids: readonly string[]): Promise<ProposalPhoto[]> {
    return this.photos.ofProposals(ids);
  }
}
