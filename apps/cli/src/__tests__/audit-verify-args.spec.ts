import { AnchorFormatError } from '@ashar/audit';
import { parseVerifyArgs } from '../commands/audit-verify';

const H = 'ab'.repeat(32);

describe('audit-verify arguments', () => {
  it('takes repeatable --anchor seq:hash and --anchor-file, with a space or "="', () => {
    expect(parseVerifyArgs(['--anchor', `12:${H}`, `--anchor=007:${H.toUpperCase()}`, '--anchor-file', 'a.jsonl', '--anchor-file=b.log'])).toEqual({
      anchors: [{ seq: '12', hash: H }, { seq: '7', hash: H }],
      anchorFiles: ['a.jsonl', 'b.log'],
    });
  });

  it('takes no arguments (chain only)', () => {
    expect(parseVerifyArgs([])).toEqual({ anchors: [], anchorFiles: [] });
  });

  it.each([
    [['--anchor'], /--anchor needs a value/],
    [['--anchor', H], /wants seq:hash/],
    [['--anchor', `x:${H}`], /seq must be a whole number/],
    [['--anchor', '3:abc'], /64 hex characters/],
    [['--anchor-file'], /--anchor-file needs a value/],
    [['--verbose'], /unknown argument "--verbose"/],
  ])('refuses %j', (args, message) => {
    expect(() => parseVerifyArgs(args)).toThrow(AnchorFormatError);
    expect(() => parseVerifyArgs(args)).toThrow(message);
  });
});
