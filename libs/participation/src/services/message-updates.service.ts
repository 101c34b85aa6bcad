import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { TransactionRunner } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { ParticipatoryProcess } from '../entities/participatory-process.entity';
import { PARTICIPATION_PERMISSIONS } from '../participation.permissions';
import { MessageUpdatesRepository } from '../repositories/message-updates.repository';
import { ProcessService } from './process.service';

/** A resident asks for (or stops) a process's notices by SMS, else email: residents of the community only. */
@Injectable()
export class MessageUpdatesService {
  constructor(
    private readonly processes: ProcessService,
    private readonly repo: MessageUpdatesRepository,
    private readonly permissions: PermissionService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async set(actor: Actor, processId: string, on: boolean): Promise<ParticipatoryProcess> {
    const process = await this.processes.visible(actor, processId);
    await this.permissions.assert(actor, process.communityId, 'participation.vote', PARTICIPATION_PERMISSIONS);
    await this.tx.run(async (tx) => {
      const changed = await this.repo.set(tx, process.id, actor.accountId!, on);
      // The person's own choice, audited as such (who, which process, on or off); nothing when it did not change.
      if (changed) await this.audit.record(tx, actor.toAudit(), { action: on ? 'participation.messageUpdates.on' : 'participation.messageUpdates.off', entityType: 'ParticipatoryProcess', entityId: process.id, communityId: process.communityId });
    });
    return process;
  }

  async askedByMe(actor: Actor, processId: string): Promise<boolean> {
    if (!actor.accountId) return false;
    return (await this.repo.askedBy(actor.accountId, [processId])).has(processId);
  }
}
