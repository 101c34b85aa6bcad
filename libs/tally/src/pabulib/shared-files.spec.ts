import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { sharedPabulibDir, sharedPbFiles } from '../testing/shared-data';
import { readPabulibFile } from './read-pabulib-file';
import { parsePabulib } from './pabulib.reader';
import { writePabulib } from './pabulib.writer';

describe('every shared pabulib file', () => {
  const files = sharedPbFiles();
  it('finds the shared data', () => {
    expect(files.length).toBeGreaterThanOrEqual(21);
  });
  it.each(files)('%s: stream-read equals string parse, and read → write → read is the same election', async (f) => {
    const file = path.join(sharedPabulibDir(), f);
    const streamed = await readPabulibFile(file);
    const parsed = parsePabulib(readFileSync(file, 'utf8'));
    expect(streamed).toEqual(parsed);
    expect(Number(parsed.meta['num_votes'] ?? parsed.ballots.length)).toBe(parsed.ballots.length);
    expect(Number(parsed.meta['num_projects'] ?? parsed.projects.length)).toBe(parsed.projects.length);
    const again = parsePabulib(writePabulib(parsed));
    expect(again).toEqual(parsed);
  });
});
