import { Query, Resolver } from '@nestjs/graphql';
import { AuditAnchorType } from '../dtos/audit-anchor.type';
import { AuditAnchorService } from '../services/audit-anchor.service';

/** Public: anyone may keep a copy of the chain head; that is what makes a rewritten tail visible. */
@Resolver(() => AuditAnchorType)
export class AuditAnchorResolver {
  constructor(private readonly anchors: AuditAnchorService) {}

  @Query(() => AuditAnchorType, { description: 'The current head of the audit log (public)' })
  auditAnchor() {
    return this.anchors.current();
  }
}
