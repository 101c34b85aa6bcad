import { ConfigError, loadConfig } from '@ashar/kernel';
import { AnchorFormatError, anchorSignatureValid, parseAnchorLines, signAnchor } from '../audit-anchor';

const KEY = 'k'.repeat(32);
const H = '0f'.repeat(32);

describe('audit anchors (pure)', () => {
  it('signs seq, hash and at, and a change of any of them invalidates the signature', () => {
    const a = { seq: '5', hash: H, at: '2026-12-02T10:00:00.000Z' };
    const signature = signAnchor(a, KEY);
    expect(anchorSignatureValid({ ...a, signature }, KEY)).toBe(true);
    expect(anchorSignatureValid({ ...a, seq: '6', signature }, KEY)).toBe(false);
    expect(anchorSignatureValid({ ...a, at: '2026-12-02T10:00:01.000Z', signature }, KEY)).toBe(false);
    expect(anchorSignatureValid({ ...a, signature }, 'x'.repeat(32))).toBe(false);
    expect(anchorSignatureValid({ ...a, signature: null }, KEY)).toBe(false);
    expect(anchorSignatureValid({ ...a, signature: 'zz' }, KEY)).toBe(false);
  });

  it('reads anchors out of an anchor file or the API log, skipping other lines', () => {
    const text = [
      '{"level":30,"msg":"api listening"}',
      `{"level":30,"time":1,"msg":"audit anchor","seq":"3","hash":"${H}","at":"2026-12-02T10:00:00.000Z","signature":null}`,
      'not json',
      '',
      `{"msg":"audit anchor","seq":"4","hash":"${H}","at":"2026-12-02T10:10:00.000Z","signature":"ab"}`,
    ].join('\n');
    expect(parseAnchorLines(text)).toEqual([
      { seq: '3', hash: H, at: '2026-12-02T10:00:00.000Z', signature: null },
      { seq: '4', hash: H, at: '2026-12-02T10:10:00.000Z', signature: 'ab' },
    ]);
  });

  it('refuses a malformed anchor line, naming it', () => {
    expect(() => parseAnchorLines(`\n{"msg":"audit anchor","seq":"4","hash":"short"}`, 'anchors.jsonl')).toThrow(AnchorFormatError);
    expect(() => parseAnchorLines(`\n{"msg":"audit anchor","seq":"4","hash":"short"}`, 'anchors.jsonl')).toThrow(/anchors.jsonl line 2/);
  });

  it('configuration: anchor settings default off, a short key is refused', () => {
    const base = { DATABASE_URL: 'postgres://u@h/db', JWT_SECRET: 's'.repeat(32) };
    expect(loadConfig(base)).toMatchObject({ auditAnchorKey: null, auditAnchorFile: null, auditAnchorIntervalMinutes: 10 });
    expect(loadConfig({ ...base, AUDIT_ANCHOR_KEY: KEY, AUDIT_ANCHOR_FILE: '/var/log/a', AUDIT_ANCHOR_INTERVAL_MINUTES: '0' })).toMatchObject({
      auditAnchorKey: KEY,
      auditAnchorFile: '/var/log/a',
      auditAnchorIntervalMinutes: 0,
    });
    expect(() => loadConfig({ ...base, AUDIT_ANCHOR_KEY: 'short' })).toThrow(ConfigError);
  });
});
