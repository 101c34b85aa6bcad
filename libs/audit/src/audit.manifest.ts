import { defineContext } from '@ashar/manifest';
import { AuditEvent } from './audit-event.entity';
import { AuditAnchorModule, AuditModule } from './audit.module';

/** Audit: the hash-chained event log. Its table and trigger are in the platform's foundation migration. */
export const AUDIT_MANIFEST = defineContext({
  name: 'audit',
  // The API records and publishes anchors; the worker only records.
  apiModule: { module: AuditAnchorModule, imports: [AuditModule] },
  workerModule: AuditModule,
  entities: [AuditEvent],
  // The public head of the hash chain: anyone may pin it to check the log later.
  operationPolicies: [{ operation: 'Query.auditAnchor', allow: 'public' }],
});
