import { safeNext, withNext } from '../session/next-path';

describe('safeNext', () => {
  it('follows a same-site path', () => {
    expect(safeNext('?next=%2Finvitations%2Fabc')).toBe('/invitations/abc');
  });

  it('never leaves the site (open redirect), falling back to my communities', () => {
    for (const bad of ['?next=https%3A%2F%2Fevil.example', '?next=%2F%2Fevil.example', '?next=%2F%5Cevil.example', '?next=javascript%3Aalert(1)', '', '?other=1']) {
      expect(safeNext(bad)).toBe('/me');
    }
  });

  it('carries the destination through links between log-in and sign-up', () => {
    expect(withNext('/signup', '/invitations/abc')).toBe('/signup?next=%2Finvitations%2Fabc');
    expect(withNext('/login', '/me')).toBe('/login');
  });
});
