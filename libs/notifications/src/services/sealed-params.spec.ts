import { isSealed, sealParam, unsealParams } from './sealed-params';

describe('sealed notification params', () => {
  const secret = 'server-secret-0123456789abcdef0123456789';
  it('keep a one-time secret unreadable at rest and open it with the server key only', () => {
    const sealed = sealParam('482913', secret);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('482913');
    expect(sealParam('482913', secret)).not.toBe(sealed); // a fresh IV each time
    expect(unsealParams({ code: sealed, minutes: 10 }, secret)).toEqual({ code: '482913', minutes: 10 });
    expect(() => unsealParams({ code: sealed }, 'another-secret-0123456789abcdef01234')).toThrow();
  });
  it('refuses a tampered value', () => {
    const sealed = sealParam('https://ashar.kg/unlock-sign-in/abc', secret);
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
    expect(() => unsealParams({ link: tampered }, secret)).toThrow();
  });
});
