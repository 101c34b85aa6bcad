import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Election } from '../model/election.model';
import { PabulibFormatError, PabulibParser } from './pabulib.reader';
import { writePabulibLines } from './pabulib.writer';

/**
 * Node-only: streams a `.pb` file line by line so that tens of MB never sit in memory as one string.
 * Kept apart from the parser so that the engine itself stays browser-safe.
 */
export async function readPabulibFile(path: string): Promise<Election> {
  const parser = new PabulibParser();
  const stream = createReadStream(path, { encoding: 'utf8' });
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const line of rl) parser.pushLine(line);
  } catch (e) {
    if (e instanceof PabulibFormatError) throw e;
    throw new Error(`cannot read ${path}: ${(e as Error).message}`);
  } finally {
    rl.close();
    stream.destroy();
  }
  return parser.finish();
}

export async function writePabulibFile(path: string, election: Election): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  await new Promise<void>((resolve, reject) => {
    out.on('error', reject);
    for (const line of writePabulibLines(election)) out.write(line + '\n');
    out.end(resolve);
  });
}
