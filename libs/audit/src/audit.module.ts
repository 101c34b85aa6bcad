import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEvent } from './audit-event.entity';
import { AuditAnchorResolver } from './resolvers/audit-anchor.resolver';
import { AuditAnchorService } from './services/audit-anchor.service';
import { AuditService } from './services/audit.service';
import { LeastPrivilegeCheck } from './services/least-privilege.check';
import { AuditEventsRepository } from './repositories/audit-events.repository';
import { DatabaseRoleQueries } from './repositories/database-role.queries';

export const AUDIT_ENTITIES = [AuditEvent];

/** Recording (API and worker). Also warns at start when the database login could bypass the trigger. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(AUDIT_ENTITIES)],
  providers: [AuditService, DatabaseRoleQueries, LeastPrivilegeCheck],
  exports: [AuditService],
})
export class AuditModule {}

/** Anchors (API only): the public `auditAnchor` query and the periodic publication of the head. */
@Module({
  providers: [AuditEventsRepository, AuditAnchorService, AuditAnchorResolver],
  exports: [AuditAnchorService],
})
export class AuditAnchorModule {}
