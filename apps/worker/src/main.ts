import { ConfigError, loadConfig } from '@ashar/kernel';
import { createWorkerApp } from './create-worker-app';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`ashar worker: configuration error: ${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  await createWorkerApp(config);
  process.stdout.write(JSON.stringify({ level: 30, msg: 'worker started', queues: config.redisUrl ? 'redis' : 'postgres' }) + '\n');
}

void main();
