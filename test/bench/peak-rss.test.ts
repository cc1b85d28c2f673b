import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const root = path.resolve(__dirname, '../..');

describe('peakRssMb (the packet bench jobs’ peak memory)', () => {
  it.runIf(process.platform === 'linux')(
    'is the job process’s own peak, not the resident memory of the process that spawned it',
    async () => {
      // The bench's parent holds the generated scans when it starts a job: here 400 MB, every page touched.
      const held = Buffer.alloc(400 * 1024 * 1024, 1);
      const { stdout } = await exec(
        process.execPath,
        ['--import', 'tsx', '-e', "import('./bench/peak-rss.ts').then((m) => console.log(m.peakRssMb()))"],
        { cwd: root },
      );
      expect(held.length).toBeGreaterThan(0);
      // A Node process with tsx loaded stays well under 300 MB; the parent's 400 MB must not show.
      expect(Number(stdout.trim())).toBeGreaterThan(10);
      expect(Number(stdout.trim())).toBeLessThan(300);
    },
    60_000,
  );
});
