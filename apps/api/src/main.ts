import { loadConfigOrExit } from '@ashar/runtime';
import { join } from 'path';
import { createApiApp } from './create-api-app';

async function main() {
  const config = loadConfigOrExit('api');
  const schemaFile = config.nodeEnv === 'production' ? false : join(process.cwd(), 'apps/api/schema.gql');
  const app = await createApiApp(config, { schemaFile });
  await app.listen(config.port, config.host);
  process.stdout.write(JSON.stringify({ level: 30, msg: 'api listening', url: `http://${config.host}:${config.port}` }) + '\n');
}

void main();
