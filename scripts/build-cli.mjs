// Builds the icp-packet CLI with esbuild into dist/cli/: one CommonJS file per command (`check.cjs` …), each
// holding the command table, that command and all it may load, and `icp-packet.cjs` for --help, --version and
// unknown commands; bin/icp-packet.cjs runs the one a command line names, with V8's code cache. So each run
// compiles and reads one file, `check` never runs pdf-lib, fontkit or sharp (what it loads only for an
// .icpcase or a PDF scan is in its file, evaluated only then), and `--version` runs almost nothing.
//
// `npm install` runs this through the `prepare` script, `npm run build` and `npm run build:cli` too.
// `--if-available`: in an install without the development dependencies (`npm ci --omit=dev`) esbuild is
// absent; the install then goes on without the CLI instead of failing (bin/icp-packet.cjs says how to build it).
// `--outdir <dir>` builds elsewhere than dist/cli, `--metafile <file>` writes esbuild's account of which
// sources went into which output (the CLI bundle test uses both).
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { helveticaMetricsOnly, noWoff2Decoder, zodEnglishOnly } from './bundle-plugins.mjs';

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
 * Bundles the CLI into `outdir` (emptied first, so no file of an earlier build lingers): one CommonJS file per
 * command, `<command>.cjs`, holding cli/bin.ts, the command table and that command with everything it loads
 * (what it imports lazily too, evaluated only when it is imported); `icp-packet.cjs`, the same without any
 * command, for --help, --version and unknown commands; and `bundles.json`, which names each file and the
 * SHA-256 of its text. bin/icp-packet.cjs picks the file by the command's name and runs it with V8's code
 * cache (see there).
 *
 * Returns esbuild's metafile of all the files.
 */
export async function buildCli(outdir = path.join(ROOT, 'dist', 'cli')) {
  const { build } = await import('esbuild');
  const { templatesJson } = await checkBundledData(build);
  await rm(outdir, { recursive: true, force: true });
  const bundle = (command, file, realImport = false) =>
    build({
      absWorkingDir: ROOT,
      stdin: {
        contents: entryOf(command.name),
        resolveDir: ROOT,
        sourcefile: `${file}.entry.js`,
        loader: 'js',
      },
      outfile: path.join(outdir, file),
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      // sharp loads a native binary for the platform, which cannot be bundled: it is resolved from
      // node_modules when a scan is first normalised.
      external: ['sharp'],
      // import() becomes a lazy require(): bin/icp-packet.cjs compiles a bundle with vm.Script, where import()
      // needs an experimental callback. Except in a bundle holding a package that loads an ES module at run
      // time (IMPORTS_ES_MODULES), which Node's CommonJS loader then runs (without the code cache).
      supported: { 'dynamic-import': realImport },
      // onnxruntime-web's ESM build for Node reads import.meta.url, which is empty in CommonJS: its CommonJS
      // build (which loads its WebAssembly glue, an ES module in resources/ocr, with import()).
      alias: { 'onnxruntime-web': './node_modules/onnxruntime-web/dist/ort.node.min.js' },
      minifyWhitespace: true,
      minifySyntax: true,
      legalComments: 'none',
      plugins: [
        jsonAsString,
        zodEnglishOnly,
        noWoff2Decoder,
        helveticaMetricsOnly,
        onlyCommand(command),
        zodJitlessFirst,
        // Not in a file Node's CommonJS loader runs with real import(): `import('pdf-lib')` of an external
        // CommonJS file gives a namespace whose only export is `default`.
        ...(realImport ? [] : [sharedLibraries]),
      ],
      // Checked above by checkBundledData(): the rule data is used as bundled (core/bundled-data.ts).
      define: {
        ICP_BUNDLED_DATA_CHECKED: 'true',
        ICP_PARSED_TEMPLATES_JSON: JSON.stringify(templatesJson),
      },
      metafile: true,
      logLevel: 'warning',
      // In CommonJS esbuild leaves import.meta empty: a path derived from it would be wrong (issue 20).
      logOverride: { 'empty-import-meta': 'error' },
    });
  const importsEsModules = (result) =>
    Object.keys(result.metafile.inputs).some((input) =>
      IMPORTS_ES_MODULES.some((pkg) => input.startsWith(`node_modules/${pkg}/`)),
    );
  const libraries = await Promise.all(
    SHARED_LIBRARIES.map((name) =>
      build({
        absWorkingDir: ROOT,
        stdin: { contents: `module.exports = require('${name}');`, resolveDir: ROOT, loader: 'js' },
        outfile: path.join(outdir, 'lib', `${name}.cjs`),
        bundle: true,
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        minifyWhitespace: true,
        minifySyntax: true,
        legalComments: 'none',
        metafile: true,
        logLevel: 'warning',
      }),
    ),
  );
  for (const name of SHARED_LIBRARIES) await escapeToAscii(path.join(outdir, 'lib', `${name}.cjs`));
  const commands = [];
  const entry = await bundle({ collect: commands }, 'icp-packet.cjs');
  if (commands.length === 0) throw new Error('the CLI build found no command in cli/main.ts');
  const results = { 'icp-packet': entry };
  await Promise.all(
    commands.map(async (name) => {
      const result = await bundle({ name }, `${name}.cjs`);
      results[name] = importsEsModules(result) ? await bundle({ name }, `${name}.cjs`, true) : result;
    }),
  );
  const manifest = {};
  for (const [name, result] of Object.entries(results)) {
    const file = path.join(outdir, `${name}.cjs`);
    await escapeToAscii(file);
    manifest[name] = {
      file: `${name}.cjs`,
      sha256: createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
      codeCache: !importsEsModules(result),
    };
  }
  await writeFile(path.join(outdir, 'bundles.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const outputs = {};
  for (const result of [...libraries, ...Object.values(results)])
    for (const [key, output] of Object.entries(result.metafile.outputs))
      if (key.endsWith('.cjs')) outputs[key] = output;
  const all = [...libraries, ...Object.values(results)];
  return { inputs: Object.assign({}, ...all.map((r) => r.metafile.inputs)), outputs };
}

/**
 * What a file of the CLI runs: cli/bin.ts's runCli, given the command's module (`name`), or none. The module
 * is imported statically, not through the command table's import(): esbuild then leaves out what the command
 * does not use (a module imported lazily keeps all its exports, and all it imports). zod's compiled fast
 * path is turned off first (`icp-cli:zod-jitless`), before the command's modules define their schemas: a CLI
 * run parses each schema about once, and building the compiled code (with `new Function`) costs more than
 * it saves.
 */
function entryOf(name) {
  if (name === undefined) return "import { runCli } from './cli/bin.ts';\nrunCli();\n";
  return [
    "import 'icp-cli:zod-jitless';",
    `import command from './cli/commands/${name}.ts';`,
    "import { runCli } from './cli/bin.ts';",
    `runCli({ ${JSON.stringify(name)}: command });`,
  ].join('\n');
}

const zodJitlessFirst = {
  name: 'zod-jitless-first',
  setup(b) {
    b.onResolve({ filter: /^icp-cli:zod-jitless$/ }, () => ({ path: 'zod-jitless', namespace: 'icp-cli' }));
    b.onLoad({ filter: /.*/, namespace: 'icp-cli' }, () => ({
      contents: "import { zodJitless } from './cli/zod-jitless.ts';\nzodJitless();\n",
      resolveDir: ROOT,
      loader: 'js',
    }));
  },
};

/**
 * Libraries built once into `lib/<name>.cjs` and required from there by the files that use them: pdf-lib (with
 * its fonts and inflater, 0.7 MB), which the documents' commands load at their start, while `check` needs it
 * only to look inside a PDF scan of an .icpcase. In `check`'s file it would be read on every run. Loaded with
 * require(), without the code cache: compiling it is a small part of the commands that run it.
 */
const SHARED_LIBRARIES = ['pdf-lib'];

const sharedLibraries = {
  name: 'shared-libraries',
  setup(b) {
    const filter = new RegExp(`^(${SHARED_LIBRARIES.join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: `./lib/${args.path}.cjs`, external: true }));
  },
};

/**
 * Packages that load an ES module with import() at run time: onnxruntime-web, its WebAssembly glue
 * (resources/ocr/ort-wasm-simd-threaded.mjs).
 */
const IMPORTS_ES_MODULES = ['onnxruntime-web'];

/**
 * cli/main.ts's command table imports each command's module lazily. In the built CLI the command comes
 * loaded (entryOf), so every `import('./commands/<x>')` of the table becomes a module that only says where
 * command x is built; the table's commands are listed in `command.collect` when given.
 */
function onlyCommand(command) {
  return {
    name: 'only-command',
    setup(b) {
      b.onResolve({ filter: /^\.\/commands\/[\w-]+$/ }, (args) => {
        if (!args.importer.endsWith(path.join('cli', 'main.ts'))) return undefined;
        const name = args.path.slice('./commands/'.length);
        command.collect?.push(name);
        return { path: name, namespace: 'other-command' };
      });
      b.onLoad({ filter: /.*/, namespace: 'other-command' }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`icp-packet: the ${args.path} command is built into ${args.path}.cjs`)});`,
        loader: 'js',
      }));
    },
  };
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
