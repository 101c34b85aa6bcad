import { Injectable } from '@nestjs/common';

/** A kind of notice a person may opt out of; `labelKey` names it in the shared catalogue. */
export interface NotificationKind {
  kind: string;
  labelKey: string;
}

const KIND = /^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/;

/**
 * The kinds the contexts send, registered by them at start (notifications knows no context). One
 * instance per application: the preferences query lists every registered kind.
 */
@Injectable()
export class NotificationKinds {
  private readonly kinds = new Map<string, NotificationKind>();

  register(kinds: readonly NotificationKind[]): void {
    for (const k of kinds) {
      if (!KIND.test(k.kind)) throw new Error(`Notification kind ${k.kind} must look like context.name`);
      this.kinds.set(k.kind, k);
    }
  }

  has(kind: string): boolean {
    return this.kinds.has(kind);
  }

  all(): NotificationKind[] {
    return [...this.kinds.values()].sort((a, b) => a.kind.localeCompare(b.kind));
  }
}
