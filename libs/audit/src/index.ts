export * from './audit-event.entity';
export * from './audit-hash';
export * from './audit-anchor';
export * from './services/audit.service';
export * from './services/audit-verifier';
export * from './services/audit-anchor.service';
export * from './services/least-privilege.check';
export * from './audit.module';
