import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditAnchor', { description: 'The head of the audit hash chain, to keep outside the platform and check later with audit-verify --anchor seq:hash' })
export class AuditAnchorType {
  @Field({ description: 'Sequence number of the newest audit event (0 for an empty log)' }) seq: string;
  @Field({ description: 'SHA-256 hash (hex) of that event' }) hash: string;
  @Field({ description: 'When the head was read (ISO-8601)' }) at: string;
  @Field(() => String, { nullable: true, description: 'HMAC-SHA256 (hex) by the server over seq, hash and at; null when no key is configured' })
  signature: string | null;
}
