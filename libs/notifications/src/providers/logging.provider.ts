import type { Logger } from 'pino';
import { NotificationProvider, OutgoingMessage, ProviderReceipt } from './notification-provider';

/**
 * Development default: the message goes to the log instead of a gateway. Outside production the text
 * is logged too (it holds the invitation or unlock link a developer needs); in production only that a
 * message would have gone, since the text carries one-time links.
 */
export class LoggingNotificationProvider implements NotificationProvider {
  readonly name = 'log';
  readonly idempotent = true;
  readonly timeoutMs = 1000;

  constructor(private readonly log: Logger, private readonly showText: boolean) {}

  async send(m: OutgoingMessage): Promise<ProviderReceipt> {
    this.log.info({ channel: m.channel, deliveryId: m.deliveryId, ...(this.showText ? { to: m.to, subject: m.subject, text: m.text } : {}) }, 'notification logged (no gateway configured)');
    return { providerMessageId: `log-${m.deliveryId}` };
  }
}
