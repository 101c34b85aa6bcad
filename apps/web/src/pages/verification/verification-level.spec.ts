import { meetsLevel } from './verification-level';

describe('meetsLevel', () => {
  it('orders the levels self-declared < phone < in person', () => {
    expect(meetsLevel('SELF_DECLARED', 'SELF_DECLARED')).toBe(true);
    expect(meetsLevel('SELF_DECLARED', 'PHONE')).toBe(false);
    expect(meetsLevel('PHONE', 'PHONE')).toBe(true);
    expect(meetsLevel('PHONE', 'IN_PERSON')).toBe(false);
    expect(meetsLevel('IN_PERSON', 'PHONE')).toBe(true);
  });
});
