/**
 * Crash safety, the hard way: a child process saves two cases in a loop and is SIGKILLed at a random moment,
 * 200 times. After every kill both cases must open, their history must read, every attachment they list must
 * decrypt and match its hash, and the saved counter may trail the last acknowledged save by nothing — at most
 * the one save in flight may be missing or present.
 *
 * Start-up would dominate (measured: ~0.6 s per child through the tsx loader), so the fixture is bundled once
 * with esbuild (plain `node` start) and children are started ahead of time in a small pool: each loads while
 * the previous one is being killed and checked, and touches the store only when told to go.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { CaseStore } from '../../../host/store/case-store';
import { PassphraseKeyProvider } from '../../../host/store/keys';
import { removeTempDirs, tempDir } from './helpers';

/** 200 in the suite; ICP_CRASH_KILLS lets a developer run a longer soak. */
const KILLS = Number(process.env.ICP_CRASH_KILLS ?? 200);
/** Children started ahead of the one being killed. */
const POOL = 2;

afterAll(removeTempDirs);

async function bundleFixture(): Promise<string> {
  const outDir = path.resolve('node_modules/.cache/icp-store-crash-test');
  await mkdir(outDir, { recursive: true });
  const outfile = path.join(outDir, 'save-loop.mjs');
  await build({
    entryPoints: [path.resolve('test/host/store/fixtures/save-loop.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // zod and fflate are bundled in (one file parses faster than hundreds); pdf-lib and sharp (a native
    // addon, loaded only when a scan is checked) are never loaded here.
    external: ['pdf-lib', 'sharp'],
    outfile,
    minify: true,
    logLevel: 'silent',
  });
  return outfile;
}

interface Acks {
  saved: Map<string, number>;
  attached: Map<string, Set<string>>;
}

/**
 * A child started ahead of time: node and the bundle load while earlier children are being killed and
 * checked, so the pool hides the start-up cost; `run` lets it loose on the store.
 */
class PooledChild {
  readonly #child: ChildProcess;
  readonly #loaded: Promise<void>;
  readonly #exited: Promise<NodeJS.Signals | null>;
  #onReady: (() => void) | undefined;
  #onSaved: (() => void) | undefined;
  #acks: Acks | undefined;
  #stderr = '';

  constructor(script: string, root: string, ids: string[]) {
    this.#child = spawn(process.execPath, [script, root, ...ids], { stdio: ['pipe', 'pipe', 'pipe'] });
    let markLoaded: () => void = () => undefined;
    this.#loaded = new Promise((resolve) => (markLoaded = resolve));
    this.#exited = new Promise((resolve) => this.#child.on('exit', (_code, signal) => resolve(signal)));
    let buffer = '';
    this.#child.stdout?.setEncoding('utf8');
    this.#child.stdout?.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [what, id, value] = line.split(' ');
        if (what === 'loaded') markLoaded();
        else if (what === 'ready') this.#onReady?.();
        else if (what === 'saved' && id && value) {
          this.#acks?.saved.set(id, Number(value));
          this.#onSaved?.();
        } else if (what === 'attached' && id && value) this.#acks?.attached.get(id)?.add(value);
      }
    });
    this.#child.stderr?.on('data', (chunk: Buffer) => (this.#stderr += chunk.toString()));
  }

  /**
   * Starts saving and SIGKILLs the child at a random moment inside one of its first few saves: after
   * `afterSaves` acknowledged saves, plus a random fraction of a typical save's duration (measured on the
   * way, so the kills land mid-save on a fast or a slow machine alike). Waits for the child to die.
   */
  async run(afterSaves: number, fraction: number, timing: { saveMs: number }, acks: Acks): Promise<void> {
    await Promise.race([this.#loaded, this.#exited]);
    this.#acks = acks;
    let seen = 0;
    let last = 0;
    const arm = () => setTimeout(() => this.#child.kill('SIGKILL'), fraction * timing.saveMs);
    this.#onReady = () => {
      last = performance.now();
      if (afterSaves === 0) arm();
    };
    this.#onSaved = () => {
      const now = performance.now();
      timing.saveMs = 0.8 * timing.saveMs + 0.2 * (now - last);
      last = now;
      if (++seen === afterSaves) arm();
    };
    this.#child.stdin?.write('go\n');
    const signal = await this.#exited;
    if (signal !== 'SIGKILL') throw new Error(`child exited by itself: ${this.#stderr}`);
  }

  kill(): void {
    this.#child.kill('SIGKILL');
  }
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs at random moments during saves`, { timeout: 600_000 }, async () => {
    const script = await bundleFixture();
    const root = await tempDir('icp-crash-');
    const keyProvider = new PassphraseKeyProvider('crash-test', { costLog2: 10 });
    const setup = new CaseStore({ root, keyProvider });
    const ids = [
      (await setup.create({ name: 'counter:0' })).id,
      (await setup.create({ name: 'counter:0' })).id,
    ];
    const acks: Acks = {
      saved: new Map(ids.map((id) => [id, 0])),
      attached: new Map(ids.map((id) => [id, new Set()])),
    };
    const pool = Array.from({ length: POOL }, () => new PooledChild(script, root, ids));
    const timing = { saveMs: 20 };
    const checked = new Set<string>();
    let inFlightKept = 0;
    const started = performance.now();
    try {
      for (let kill = 0; kill < KILLS; kill++) {
        const child = pool.shift()!;
        if (kill + pool.length + 1 < KILLS + 1) pool.push(new PooledChild(script, root, ids));
        await child.run(Math.floor(Math.random() * 4), Math.random() * 1.2, timing, acks);

        const store = new CaseStore({ root, keyProvider });
        const listed = await store.list();
        expect(
          listed.every((e) => e.readable),
          `kill ${kill}: ${JSON.stringify(listed)}`,
        ).toBe(true);
        for (const id of ids) {
          const { case: c } = await store.open(id);
          const counter = Number(c.name.split(':')[1]);
          const acked = acks.saved.get(id) ?? 0;
          expect(
            counter === acked || counter === acked + 1,
            `kill ${kill}: case at ${counter}, last acknowledged ${acked}`,
          ).toBe(true);
          if (counter === acked + 1) inFlightKept++;
          acks.saved.set(id, counter);
          const present = new Set(c.attachments.map((a) => a.id));
          for (const sha of acks.attached.get(id) ?? []) {
            expect(present.has(sha), `kill ${kill}: an acknowledged attachment is missing`).toBe(true);
          }
          // New attachments are decrypted and hash-checked after each kill; all of them, and the logs, at the end.
          for (const a of c.attachments) {
            if (checked.has(a.id)) continue;
            expect((await store.readAttachment(id, a.id)).bytes.length).toBe(a.bytes);
            checked.add(a.id);
          }
        }
      }
    } finally {
      for (const child of pool) child.kill();
    }
    const store = new CaseStore({ root, keyProvider });
    for (const id of ids) {
      const { case: c } = await store.open(id);
      for (const a of c.attachments)
        expect((await store.readAttachment(id, a.id)).bytes.length).toBe(a.bytes);
      // Every save logs its edit before writing the document, so the log holds at least one edit per save.
      const edits = (await store.history(id)).filter((e) => e.kind === 'edit').length;
      expect(edits).toBeGreaterThanOrEqual(Number(c.name.split(':')[1]));
    }
    const seconds = (performance.now() - started) / 1000;
    const saves = [...acks.saved.values()].reduce((a, b) => a + b, 0);
    // Reported for the closing note; not asserted (no timing assertions in tests).
    console.info(
      `crash test: ${KILLS} kills, ${saves} saves, ${inFlightKept} unacknowledged in-flight saves found complete, typical save ${timing.saveMs.toFixed(0)} ms, ${seconds.toFixed(1)} s`,
    );
    expect(saves).toBeGreaterThan(0);
  });
});
