import { loadConfigOrExit } from '@ashar/runtime';
import { createWorkerApp } from './create-worker-app';

async function main() {
  const config = loadConfigOrExit('worker');
  await createWorkerApp(config);
  process.stdout.write(JSON.stringify({ level: 30, msg: 'worker started', queues: config.redisUrl ? 'redis' : 'postgres' }) + '\n');
}

void main();
