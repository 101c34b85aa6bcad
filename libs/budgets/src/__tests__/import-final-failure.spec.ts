import { isFailedForGood } from '@ashar/queue';
import { UnrecoverableError } from 'bullmq';

describe('when a job has failed for good (the import is then marked FAILED)', () => {
  it('only after the last allowed attempt, or at once for an unrecoverable error', () => {
    const job = (attemptsMade: number, attempts?: number) => ({ attemptsMade, opts: { attempts } });
    expect(isFailedForGood(job(1, 5), new Error('db blip'))).toBe(false);
    expect(isFailedForGood(job(4, 5), new Error('db blip'))).toBe(false);
    expect(isFailedForGood(job(5, 5), new Error('db blip'))).toBe(true);
    expect(isFailedForGood(job(1), new Error('no retries configured'))).toBe(true);
    expect(isFailedForGood(job(1, 5), new UnrecoverableError('bad input'))).toBe(true);
    expect(isFailedForGood(undefined, new Error('job gone'))).toBe(false);
  });
});
