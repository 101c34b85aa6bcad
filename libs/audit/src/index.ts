export * from './audit-event.entity';
export * from './audit-hash';
export * from './services/audit.service';
export * from './services/audit-verifier';
export * from './audit.module';
