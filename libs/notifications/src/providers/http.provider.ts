import type { NotificationHttpConfig } from '@ashar/kernel';
import http from 'node:http';
import https from 'node:https';
import {
  AmbiguousDeliveryError,
  NotificationProvider,
  OutgoingMessage,
  PermanentDeliveryError,
  ProviderReceipt,
  TransientDeliveryError,
} from './notification-provider';

/** Fills {{to}} {{subject}} {{text}} {{id}} {{from}} inside the JSON template, escaped as JSON string content. */
export function renderBody(template: string, m: OutgoingMessage, sender: string | null = null): string {
  const values: Record<string, string> = { to: m.to, subject: m.subject, text: m.text, id: m.deliveryId, from: sender ?? '' };
  return template.replace(/\{\{(to|subject|text|id|from)\}\}/g, (_, k: string) => JSON.stringify(values[k]).slice(1, -1));
}

function pick(body: unknown, path: string): string | null {
  let v: unknown = body;
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}

/**
 * POSTs a JSON body to a gateway (NOTIFY_EMAIL_HTTP_* / NOTIFY_SMS_HTTP_*). 2xx is sent, 5xx/408/429
 * and connection failures before the request was sent are retried, other answers are final. A timeout
 * or reset after the whole request was sent is ambiguous: the gateway may have the message.
 */
export class HttpNotificationProvider implements NotificationProvider {
  readonly name = 'http';
  readonly idempotent: boolean;
  readonly timeoutMs: number;

  constructor(private readonly config: NotificationHttpConfig) {
    this.idempotent = config.idempotent;
    this.timeoutMs = config.timeoutMs;
  }

  send(m: OutgoingMessage): Promise<ProviderReceipt> {
    const body = Buffer.from(renderBody(this.config.bodyTemplate, m, this.config.sender ?? null));
    const target = new URL(this.config.url);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'content-length': String(body.length),
      'idempotency-key': m.deliveryId,
    };
    if (this.config.authHeaderValue) headers[this.config.authHeaderName.toLowerCase()] = this.config.authHeaderValue;
    const lib = target.protocol === 'https:' ? https : http;
    return new Promise<ProviderReceipt>((resolve, reject) => {
      let sent = false;
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      const req = lib.request(target, { method: 'POST', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (err) => settle(() => reject(new AmbiguousDeliveryError(`gateway answer broke off: ${err.message}`))));
        res.on('end', () =>
          settle(() => {
            const status = res.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString('utf8').slice(0, 2000);
            if (status >= 200 && status < 300) {
              let parsed: unknown = null;
              try {
                parsed = text ? JSON.parse(text) : null;
              } catch {
                // A gateway that answers 2xx without JSON still took the message.
              }
              return resolve({ providerMessageId: this.config.messageIdPath ? pick(parsed, this.config.messageIdPath) : null });
            }
            const detail = `gateway answered HTTP ${status}: ${text.slice(0, 300)}`;
            if (status >= 500 || status === 408 || status === 429) reject(new TransientDeliveryError(detail));
            else reject(new PermanentDeliveryError(detail));
          }),
        );
      });
      // 'finish': the whole request is handed to the socket, so the gateway may act on it from now on.
      req.on('finish', () => (sent = true));
      req.on('error', (err) =>
        settle(() => reject(sent ? new AmbiguousDeliveryError(`gateway connection failed after the request was sent: ${err.message}`) : new TransientDeliveryError(`gateway not reached: ${err.message}`))),
      );
      const timer = setTimeout(() => {
        settle(() =>
          reject(sent ? new AmbiguousDeliveryError(`gateway did not answer within ${this.timeoutMs} ms after the request was sent`) : new TransientDeliveryError(`gateway not reached within ${this.timeoutMs} ms`)),
        );
        req.destroy();
      }, this.timeoutMs);
      req.end(body);
    });
  }
}
