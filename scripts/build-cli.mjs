// Builds the icp-packet CLI with esbuild into dist/cli/: icp-packet.mjs (the entry: argument parsing, the
// command table, --help and --version) and one file per command under chunks/, loaded only when that command
// runs — so `check` never loads pdf-lib, fontkit or sharp, and `--version` loads almost nothing. Each command's
// file holds the code only it uses (joinCommandChunks), beside the few chunks it shares with the entry or with
// a module it loads lazily.
//
// `npm install` runs this through the `prepare` script, `npm run build` and `npm run build:cli` too.
// `--if-available`: in an install without the development dependencies (`npm ci --omit=dev`) esbuild is
// absent; the install then goes on without the CLI instead of failing (bin/icp-packet.mjs says how to build it).
// `--outdir <dir>` builds elsewhere than dist/cli, `--metafile <file>` writes esbuild's account of which
// sources went into which output (the CLI bundle test uses both).
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { noWoff2Decoder, zodEnglishOnly } from './bundle-plugins.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Data files (rule data, templates, the field catalogue) as `JSON.parse('…')`: V8 reads a JSON string several
 * times faster than the same data written as a JavaScript object literal, esbuild's default. Marked pure, so a
 * file nothing uses is left out (the document templates' sources: the build defines them parsed).
 */
const jsonAsString = {
  name: 'json-as-string',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, async (args) => {
      const text = JSON.stringify(JSON.parse(await readFile(args.path, 'utf8')));
      return {
        contents: `export default /* @__PURE__ */ JSON.parse(${JSON.stringify(text)});`,
        loader: 'js',
      };
    });
  },
};

/**
 * Checks the bundled data the CLI may load, the way the modules do at start-up (core/bundled-data.ts):
 * every command module is loaded once with the checks on, which throws on malformed data, and every data
 * file whose parse would change it is named. Only then may the bundle use the data unparsed.
 */
async function checkBundledData(build) {
  const commands = (await readdir(path.join(ROOT, 'cli', 'commands'))).filter((f) => f.endsWith('.ts'));
  const entry = [
    ...commands.map((f) => `import './cli/commands/${f}';`),
    "export { verifyBundledData } from './core/bundled-data.ts';",
    "export { parseDocumentTemplates } from './core/documents/templates.ts';",
    "export { deepEqual } from './core/model/changes.ts';",
  ].join('\n');
  // Inside the project, so the libraries left external resolve from its node_modules.
  const file = path.join(ROOT, 'dist', `.cli-data-check-${process.pid}.mjs`);
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await build({
      absWorkingDir: ROOT,
      stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
      outfile: file,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
    const { verifyBundledData, parseDocumentTemplates, deepEqual } = await import(pathToFileURL(file).href);
    const { loaded, changedByParse } = verifyBundledData();
    if (loaded.length === 0) throw new Error('no bundled data was checked: is core/bundled-data.ts in use?');
    if (changedByParse.length > 0) {
      throw new Error(
        `bundledData() is used for data its schema changes (defaults, transforms or stripped keys): ${changedByParse.join(', ')}. Parse it with schema.parse() instead.`,
      );
    }
    // The document templates parsed here, defined into the bundle as JSON text (core/documents/templates.ts):
    // sound only if JSON carries them unchanged (no undefined, Date or Map in a parsed template).
    const templates = parseDocumentTemplates();
    const templatesJson = JSON.stringify(templates);
    if (!deepEqual(JSON.parse(templatesJson), templates))
      throw new Error('a parsed document template does not survive JSON: it cannot be defined into the CLI');
    return { templatesJson };
  } finally {
    await rm(file, { force: true });
  }
}

/**
 * Bundles cli/bin.ts into `outdir` (emptied first, so no chunk of an earlier build lingers) and returns
 * esbuild's metafile: which sources went into which output file.
 */
export async function buildCli(outdir = path.join(ROOT, 'dist', 'cli')) {
  const { build } = await import('esbuild');
  const { templatesJson } = await checkBundledData(build);
  await rm(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { 'icp-packet': 'cli/bin.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // sharp loads a native binary for the platform, which cannot be bundled: it is resolved from
    // node_modules when `build` first normalises a scan.
    external: ['sharp'],
    // Bundled CommonJS packages may require() Node's own modules; an ES module has no require of its own.
    banner: {
      js: "import { createRequire as __icpCreateRequire } from 'node:module';\nconst require = __icpCreateRequire(import.meta.url);",
    },
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    plugins: [jsonAsString, zodEnglishOnly, noWoff2Decoder],
    // Checked above by checkBundledData(): the rule data is used as bundled (core/bundled-data.ts).
    define: {
      ICP_BUNDLED_DATA_CHECKED: 'true',
      ICP_PARSED_TEMPLATES_JSON: JSON.stringify(templatesJson),
    },
    metafile: true,
    logLevel: 'warning',
  });
  const metafile = await joinCommandChunks(build, result.metafile);
  for (const key of Object.keys(metafile.outputs)) await escapeToAscii(path.resolve(ROOT, key));
  // The package is "type": "module", so the .mjs files are ES modules either way; this marks the folder too.
  await writeFile(path.join(outdir, 'package.json'), '{ "type": "module" }\n');
  return metafile;
}

/**
 * Rewrites the characters beyond ASCII in a built file as `\uXXXX` escapes. esbuild escapes them in strings
 * and names but leaves them in regular expressions (`/[。．｡]/u`), and one such character is enough for Node
 * to decode the whole file the slow way and for V8 to hold and scan it as two-byte text: `check`'s file is
 * 1.6 MB. `\uXXXX` means the same character in a regular expression, a string or a name (a character
 * beyond U+FFFF as its two surrogate escapes, which a `u` expression reads as one character). A character
 * escaped with a backslash of its own would need another rewrite; none is written that way, and the build
 * stops if one ever is.
 */
async function escapeToAscii(file) {
  const text = await readFile(file, 'utf8');
  // eslint-disable-next-line no-control-regex -- the pattern is "anything beyond ASCII"
  const escaped = text.replace(/(\\*)([^\u0000-\u007f])/gu, (match, backslashes, char, offset) => {
    if (backslashes.length % 2 === 1)
      throw new Error(
        `${file}: an escaped non-ASCII character at ${offset}: ${text.slice(offset - 20, offset + 20)}`,
      );
    let units = '';
    for (let i = 0; i < char.length; i++)
      units += `\\u${char.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
    return backslashes + units;
  });
  if (escaped !== text) await writeFile(file, escaped);
}

/**
 * Code splitting leaves a command spread over many chunks (`check`: 28 files), each shared by a different set
 * of commands; Node's module loader costs about half a millisecond per file before any code runs. So each
 * command's file is bundled again with the chunks only it loads, leaving separate only the chunks that are
 * loaded before the command (the entry, zod-jitless) or that a module it imports lazily also imports (an
 * .icpcase reader, the scan checks): those must stay one module each, or a run would hold two copies of their
 * state — their classes, caches, the case schema. Chunks no file imports any more are then deleted, and the
 * metafile is rewritten to match (each command's file lists the sources of the chunks joined into it).
 */
async function joinCommandChunks(build, metafile) {
  const outputs = structuredClone(metafile.outputs);
  const keyOf = (file) => path.relative(ROOT, file).split(path.sep).join('/');
  const fileOf = (key) => path.resolve(ROOT, key);
  const edges = (key, dynamic) =>
    outputs[key].imports
      .filter((i) => !i.external && outputs[i.path] && (i.kind === 'dynamic-import') === dynamic)
      .map((i) => i.path);
  const staticClosure = (start) => {
    const seen = new Set();
    const stack = [start];
    while (stack.length > 0) {
      const key = stack.pop();
      if (seen.has(key)) continue;
      seen.add(key);
      stack.push(...edges(key, false));
    }
    return seen;
  };
  /** Every file a module imported lazily (at any depth) from `keys` loads. */
  const lazyClosure = (keys) => {
    const loaded = new Set();
    const pending = [...keys].flatMap((key) => edges(key, true));
    while (pending.length > 0) {
      const key = pending.pop();
      if (loaded.has(key)) continue;
      for (const file of staticClosure(key)) {
        loaded.add(file);
        pending.push(...edges(file, true));
      }
    }
    return loaded;
  };
  const keys = Object.keys(outputs);
  const entry = keys.find((key) => outputs[key].entryPoint === 'cli/bin.ts');
  const commands = new Set(keys.filter((key) => outputs[key].entryPoint?.startsWith('cli/commands/')));
  if (!entry || commands.size === 0) throw new Error('the CLI build has no entry or no command files');
  // Loaded before any command: the entry's own files and what it imports lazily that is not a command.
  const loadedFirst = staticClosure(entry);
  for (const key of [...loadedFirst].flatMap((k) => edges(k, true)))
    if (!commands.has(key)) for (const file of staticClosure(key)) loadedFirst.add(file);

  for (const command of commands) {
    const own = staticClosure(command);
    const lazy = lazyClosure(own);
    const shared = new Set([...own].filter((key) => loadedFirst.has(key) || lazy.has(key)));
    const joined = [...own].filter((key) => !shared.has(key));
    if (joined.length <= 1) continue;
    const file = fileOf(command);
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: [file],
      outfile: file,
      allowOverwrite: true,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: ['sharp'],
      minifyWhitespace: true,
      minifySyntax: true,
      legalComments: 'none',
      metafile: true,
      // The first build has reported what its sources give cause to; bundled libraries' quirks (a duplicate
      // key in fontkit) would be reported here again as this build's own.
      logLevel: 'error',
      plugins: [
        {
          name: 'keep-shared-chunks',
          setup(b) {
            b.onResolve({ filter: /^\.\.?\// }, (args) => {
              if (args.kind === 'entry-point') return undefined;
              const key = keyOf(path.resolve(args.resolveDir, args.path));
              if (args.kind === 'dynamic-import' || shared.has(key))
                return { path: args.path, external: true };
              if (!joined.includes(key))
                throw new Error(`${command} imports ${key}, which the first build did not list`);
              return undefined;
            });
          },
        },
      ],
    });
    const [out] = Object.values(result.metafile.outputs);
    const inputs = {};
    for (const key of joined) Object.assign(inputs, outputs[key].inputs);
    outputs[command] = {
      ...outputs[command],
      bytes: out.bytes,
      inputs,
      imports: out.imports.map((i) =>
        i.path.startsWith('.')
          ? { ...i, path: keyOf(path.resolve(path.dirname(file), i.path)), external: false }
          : i,
      ),
    };
  }

  // What no file imports any longer (a chunk every command that used it has taken in) is deleted.
  const reachable = new Set();
  const pending = [entry];
  while (pending.length > 0) {
    const key = pending.pop();
    if (reachable.has(key)) continue;
    reachable.add(key);
    pending.push(...edges(key, false), ...edges(key, true));
  }
  for (const key of keys) {
    if (reachable.has(key)) continue;
    await rm(fileOf(key));
    delete outputs[key];
  }
  return { ...metafile, outputs };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const at = args.indexOf(name);
    return at >= 0 && args[at + 1] ? path.resolve(args[at + 1]) : undefined;
  };
  try {
    await import('esbuild');
  } catch {
    if (args.includes('--if-available')) {
      process.stdout.write(
        'icp-packet: esbuild is not installed (production install); the CLI was not built.\n',
      );
      process.exit(0);
    }
    throw new Error('esbuild is missing: run `npm install` first');
  }
  const metafile = await buildCli(option('--outdir'));
  const metafilePath = option('--metafile');
  if (metafilePath) await writeFile(metafilePath, JSON.stringify(metafile));
}
