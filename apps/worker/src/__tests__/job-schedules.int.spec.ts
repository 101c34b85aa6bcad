import { composeContexts, CONTEXTS } from '@ashar/contexts';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { RunningApi, startApi } from '../../../../test/support/api-harness';

/** The worker makes every manifest's timers real: each declared schedule is a job scheduler in its queue. */
let api: RunningApi;
beforeAll(async () => {
  api = await startApi({ label: 'schedules', worker: true });
});
afterAll(() => api?.stop());

test('every schedule of the manifests is kept by the worker (the phase timer, councils’ overdue check)', async () => {
  const all = composeContexts(CONTEXTS).schedules;
  expect(all.map((s) => s.id)).toEqual(expect.arrayContaining(['participation.advance-phases', 'councils.mark-overdue']));
  for (const s of all) {
    const queue = api.worker!.get<Queue>(getQueueToken(s.job.queue), { strict: false });
    expect((await queue.getJobSchedulers()).map((j) => [j.key, j.name, j.every])).toContainEqual([s.id, s.job.name, s.every]);
  }
});
