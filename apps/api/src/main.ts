import { ConfigError, loadConfig } from '@ashar/kernel';
import { join } from 'path';
import { createApiApp } from './create-api-app';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`ashar api: configuration error: ${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const app = await createApiApp(config, { schemaFile: config.nodeEnv === 'production' ? false : join(process.cwd(), 'apps/api/schema.gql') });
  await app.listen(config.port, config.host);
  process.stdout.write(JSON.stringify({ level: 30, msg: 'api listening', url: `http://${config.host}:${config.port}` }) + '\n');
}

void main();
