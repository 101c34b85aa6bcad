import { JobDispatcher } from '@ashar/queue';
import { loadConfigOrExit } from '@ashar/runtime';
import { createWorkerApp } from './create-worker-app';

async function main() {
  const config = loadConfigOrExit('worker');
  const app = await createWorkerApp(config);
  // The dispatch table says which queues this worker serves by handlers (legacy processors are not in it).
  const handlers = app.get(JobDispatcher).dispatchTable();
  process.stdout.write(JSON.stringify({ level: 30, msg: 'worker started', queues: config.redisUrl ? 'redis' : 'postgres', handlers }) + '\n');
}

void main();
