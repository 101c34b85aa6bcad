import { Injectable } from '@nestjs/common';
import { Actor } from '@ashar/auth';
import { TransactionRunner } from '@ashar/database';
import { InvalidInputError, UnauthenticatedError } from '@ashar/kernel';
import { NotificationPreferencesRepository } from '../repositories/notification-preferences.repository';
import { NotificationKind, NotificationKinds } from './notification-kinds';

export interface PreferenceView extends NotificationKind {
  enabled: boolean;
}

/** A person's opt-outs, one per kind of notice; `NotificationService.send` with a `kind` respects them. */
@Injectable()
export class NotificationPreferenceService {
  constructor(
    private readonly prefs: NotificationPreferencesRepository,
    private readonly kinds: NotificationKinds,
    private readonly tx: TransactionRunner,
  ) {}

  /** Every registered kind with the caller's choice (sent unless opted out). */
  async mine(actor: Actor): Promise<PreferenceView[]> {
    if (!actor.accountId) throw new UnauthenticatedError();
    const stored = new Map((await this.prefs.ofAccount(actor.accountId)).map((p) => [p.kind, p.enabled]));
    return this.kinds.all().map((k) => ({ ...k, enabled: stored.get(k.kind) ?? true }));
  }

  async set(actor: Actor, kind: string, enabled: boolean): Promise<PreferenceView> {
    if (!actor.accountId) throw new UnauthenticatedError();
    if (!this.kinds.has(kind)) throw new InvalidInputError('kind', 'errors.notifications.unknownKind');
    await this.tx.run((tx) => this.prefs.upsert(tx, actor.accountId!, kind, enabled));
    return (await this.mine(actor)).find((k) => k.kind === kind)!;
  }
}
