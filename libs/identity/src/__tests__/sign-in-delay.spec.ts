import { signInDelaySeconds } from '../services/sign-in-throttle.service';

describe('signInDelaySeconds', () => {
  it('lets the first four wrong passwords of a (login, address) pair go without a wait', () => {
    expect([1, 2, 3, 4].map(signInDelaySeconds)).toEqual([0, 0, 0, 0]);
  });

  it('doubles the wait from 15 s after the fifth, and never waits more than 15 minutes', () => {
    expect([5, 6, 7, 8, 9, 10, 11, 50].map(signInDelaySeconds)).toEqual([15, 30, 60, 120, 240, 480, 900, 900]);
  });
});
