import { loadConfig, NotificationHttpConfig } from '@ashar/kernel';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpNotificationProvider, renderBody } from '../providers/http.provider';
import { AmbiguousDeliveryError, OutgoingMessage, PermanentDeliveryError, TransientDeliveryError } from '../providers/notification-provider';
import { renderNotification } from '../services/notification-renderer';

const message: OutgoingMessage = { deliveryId: 'd-1', channel: 'sms', to: '+996700000001', subject: 'S', text: 'Line "one"\nи {две}' };
const base = { JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://u@127.0.0.1/db' };
const httpConfig = (url: string, extra: Partial<NotificationHttpConfig> = {}): NotificationHttpConfig => ({
  url,
  authHeaderName: 'Authorization',
  authHeaderValue: null,
  bodyTemplate: '{"to":"{{to}}","text":"{{text}}"}',
  timeoutMs: 500,
  messageIdPath: 'id',
  idempotent: false,
  sender: null,
  ...extra,
});

describe('HTTP provider', () => {
  let server: http.Server;
  let url: string;
  let answer: (res: http.ServerResponse) => void;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => answer(res));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  });
  afterAll(() => new Promise((r) => (server.closeAllConnections(), server.close(r))));

  it('fills the body template with JSON-escaped values', () => {
    const body = renderBody('{"to":"{{to}}","text":"{{text}}","ref":"{{id}}"}', message);
    expect(JSON.parse(body)).toEqual({ to: '+996700000001', text: 'Line "one"\nи {две}', ref: 'd-1' });
    expect(JSON.parse(renderBody('{"sender":"{{from}}","to":"{{to}}"}', message, 'ASHAR'))).toEqual({ sender: 'ASHAR', to: '+996700000001' });
  });

  it('puts the configured SMS sender name into the default body, and refuses a bad one or a {{from}} without it', () => {
    const on = { ...base, NOTIFY_SMS_PROVIDER: 'http', NOTIFY_SMS_HTTP_URL: 'https://sms.example/send' };
    const c = loadConfig({ ...on, NOTIFY_SMS_HTTP_SENDER: 'ASHAR' }).notifications.sms.http!;
    expect(c.sender).toBe('ASHAR');
    expect(JSON.parse(renderBody(c.bodyTemplate, message, c.sender))).toEqual({ from: 'ASHAR', to: '+996700000001', text: message.text, reference: 'd-1' });
    expect(loadConfig(on).notifications.sms.http!.sender).toBeNull();
    expect(() => loadConfig({ ...on, NOTIFY_SMS_HTTP_SENDER: 'ASHAR-PLATFORM-KG' })).toThrow('NOTIFY_SMS_HTTP_SENDER must be an alpha name of 1-11');
    expect(() => loadConfig({ ...on, NOTIFY_SMS_HTTP_BODY: '{"from":"{{from}}","to":"{{to}}"}' })).toThrow('uses {{from}} but NOTIFY_SMS_HTTP_SENDER is not set');
  });

  it('keeps the message id of a 2xx, and takes a 2xx without JSON as sent', async () => {
    answer = (res) => res.writeHead(202).end(JSON.stringify({ id: 'gw-7' }));
    expect(await new HttpNotificationProvider(httpConfig(url)).send(message)).toEqual({ providerMessageId: 'gw-7' });
    answer = (res) => res.writeHead(200).end('OK');
    expect(await new HttpNotificationProvider(httpConfig(url)).send(message)).toEqual({ providerMessageId: null });
  });

  it('classifies 5xx and 429 as retryable, 4xx as final', async () => {
    const p = new HttpNotificationProvider(httpConfig(url));
    answer = (res) => res.writeHead(502).end();
    await expect(p.send(message)).rejects.toBeInstanceOf(TransientDeliveryError);
    answer = (res) => res.writeHead(429).end();
    await expect(p.send(message)).rejects.toBeInstanceOf(TransientDeliveryError);
    answer = (res) => res.writeHead(422).end('{"error":"bad number"}');
    await expect(p.send(message)).rejects.toBeInstanceOf(PermanentDeliveryError);
  });

  it('a gateway that cannot be reached is retryable; no answer after the request went out is ambiguous', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise((r) => closed.close(r));
    await expect(new HttpNotificationProvider(httpConfig(deadUrl)).send(message)).rejects.toBeInstanceOf(TransientDeliveryError);
    answer = () => undefined; // never answers
    await expect(new HttpNotificationProvider(httpConfig(url, { timeoutMs: 200 })).send(message)).rejects.toBeInstanceOf(AmbiguousDeliveryError);
  });
});

describe('notification configuration (kernel)', () => {
  it('defaults to the logging provider for both channels', () => {
    expect(loadConfig(base).notifications).toEqual({ email: { provider: 'log', http: null }, sms: { provider: 'log', http: null }, smsPrice: { perPartMinor: 0, currency: 'KGS', reportSecret: null } });
  });

  it('reads the SMS price and the report secret, and refuses bad ones with a clear line', () => {
    expect(loadConfig({ ...base, NOTIFY_SMS_PRICE_PER_PART: '150', NOTIFY_SMS_CURRENCY: 'KZT', NOTIFY_SMS_REPORT_SECRET: 'x'.repeat(16) }).notifications.smsPrice).toEqual({ perPartMinor: 150, currency: 'KZT', reportSecret: 'x'.repeat(16) });
    expect(() => loadConfig({ ...base, NOTIFY_SMS_PRICE_PER_PART: '1.5' })).toThrow('NOTIFY_SMS_PRICE_PER_PART must be a whole number');
    expect(() => loadConfig({ ...base, NOTIFY_SMS_CURRENCY: 'som' })).toThrow('NOTIFY_SMS_CURRENCY must be an ISO 4217 code');
    expect(() => loadConfig({ ...base, NOTIFY_SMS_REPORT_SECRET: 'short' })).toThrow('NOTIFY_SMS_REPORT_SECRET must have at least 16 characters');
  });

  it('reads an HTTP gateway from the environment and refuses a bad one with a clear line', () => {
    const c = loadConfig({ ...base, NOTIFY_SMS_PROVIDER: 'http', NOTIFY_SMS_HTTP_URL: 'https://sms.example/send', NOTIFY_SMS_HTTP_AUTH: 'Bearer t', NOTIFY_SMS_HTTP_IDEMPOTENT: 'true' });
    expect(c.notifications.sms.http).toMatchObject({ url: 'https://sms.example/send', authHeaderName: 'Authorization', authHeaderValue: 'Bearer t', timeoutMs: 10000, idempotent: true, messageIdPath: 'id' });
    expect(() => loadConfig({ ...base, NOTIFY_SMS_PROVIDER: 'http' })).toThrow('NOTIFY_SMS_HTTP_URL is required when NOTIFY_SMS_PROVIDER=http');
    expect(() => loadConfig({ ...base, NOTIFY_EMAIL_PROVIDER: 'smtp' })).toThrow('NOTIFY_EMAIL_PROVIDER must be log or http');
    expect(() => loadConfig({ ...base, NOTIFY_EMAIL_PROVIDER: 'http', NOTIFY_EMAIL_HTTP_URL: 'https://m.example', NOTIFY_EMAIL_HTTP_BODY: '{"to": {{to}}' })).toThrow('NOTIFY_EMAIL_HTTP_BODY must be a JSON document');
    expect(() => loadConfig({ ...base, NOTIFY_SMS_PROVIDER: 'http', NOTIFY_SMS_HTTP_URL: 'ftp://x' })).toThrow('NOTIFY_SMS_HTTP_URL must start with');
  });
});

describe('rendering from the shared catalogue', () => {
  it('renders in the recipient language, translating catalogue keys and picking multilingual names', () => {
    const params = { link: 'https://a.example/invitations/t', role: { key: 'role.EXPERT' }, community: { text: { ru: 'Бюджетная группа', ky: 'Бюджеттик топ' } }, days: 14 };
    const ky = renderNotification('notifications.invitation', params, 'ky');
    expect(ky.text).toContain('«Бюджеттик топ»');
    expect(ky.text).toContain('https://a.example/invitations/t');
    const ru = renderNotification('notifications.invitation', params, 'ru');
    expect(ru.text).toContain('«Бюджетная группа»');
    expect(ru.subject).toBe('Приглашение в «Бюджетная группа» на Ashar');
    // A name missing in English falls back instead of showing a blank.
    expect(renderNotification('notifications.invitation', params, 'en').text).toContain('“Бюджетная группа”');
    expect(renderNotification('notifications.invitation', params, 'xx').text).toContain('Бюджеттик топ');
  });
});
