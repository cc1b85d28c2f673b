/**
 * TEST ONLY — evaluates the built main bundle (package.json `main`, dist/electron/main.cjs) in this Node
 * process, with `require('electron')` answered by a stand-in. Each call evaluates the file afresh, as a new
 * module that Node's cache never holds: main keeps state at module level (its window, its IPC registrations).
 *
 * The `electron` request is answered through a `Module._load` hook, and only for requires made by that one
 * evaluation; everything else the bundle requires (Node built-ins, sharp) resolves as it would in the app,
 * unless the test makes it fail (`failing`). The hook also records what the bundle required, and when.
 */
import { readFileSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

type Load = (request: string, parent: Module | null | undefined, isMain: boolean) => unknown;
interface ModuleInternals {
  _load: Load;
  _nodeModulePaths(from: string): string[];
}

const internals = Module as unknown as ModuleInternals;
interface Evaluation {
  electron: unknown;
  /** Modules whose load fails, with the error it throws (a missing or wrong-platform native binary). */
  failing: Readonly<Record<string, () => Error>>;
  /** Every module the bundle required, in order. */
  required: string[];
}

/** Per evaluated bundle (its module object): its stand-in and what it required. */
const evaluations = new WeakMap<object, Evaluation>();
let hooked = false;

function installHook(): void {
  if (hooked) return;
  hooked = true;
  const original = internals._load;
  internals._load = function (this: unknown, request, parent, isMain) {
    const evaluation = parent ? evaluations.get(parent) : undefined;
    if (evaluation !== undefined) {
      evaluation.required.push(request);
      if (request === 'electron') return evaluation.electron;
      const failure = evaluation.failing[request];
      if (failure !== undefined) throw failure();
    }
    return original.call(this, request, parent, isMain);
  };
}

export interface LoadedMain {
  file: string;
  exports: unknown;
  /** Every module the bundle has required so far (live: later lazy requires are added). */
  required: readonly string[];
}

export interface LoadOptions {
  /** Modules whose `require` throws the error made here, as a broken install would. */
  failing?: Readonly<Record<string, () => Error>>;
}

/**
 * V8's compiled code of each bundle version, so the second and later evaluations skip parsing 5 MB again.
 * Only the compilation is reused: every evaluation runs the module's code from its first line.
 */
const compiled = new Map<string, vm.Script>();

function compile(file: string): vm.Script {
  const key = `${file}:${statSync(file).mtimeMs}`;
  let script = compiled.get(key);
  if (script === undefined) {
    // Node's own CommonJS wrapper, so the bundle sees exactly what it sees in Electron's main process.
    const wrapped = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
    script = new vm.Script(wrapped, { filename: file });
    compiled.set(key, script);
  }
  return script;
}

/** Evaluates `file` (a CommonJS bundle) with `electronModule` as its `electron`. */
export function loadMainBundle(file: string, electronModule: unknown, options: LoadOptions = {}): LoadedMain {
  installHook();
  const mod = new Module(file);
  mod.filename = file;
  mod.paths = internals._nodeModulePaths(path.dirname(file));
  const evaluation: Evaluation = { electron: electronModule, failing: options.failing ?? {}, required: [] };
  evaluations.set(mod, evaluation);
  // `require` as Node makes it for a module: resolution from the bundle's folder, loads through Module._load
  // with this module as the parent (which is how the hook knows the request is the bundle's).
  const base = createRequire(file);
  const require = Object.assign((id: string) => mod.require(id), {
    resolve: base.resolve,
    cache: base.cache,
    main: undefined,
    extensions: base.extensions,
  });
  const run = compile(file).runInThisContext() as (
    exports: unknown,
    require: unknown,
    module: Module,
    filename: string,
    dirname: string,
  ) => void;
  run.call(mod.exports, mod.exports, require, mod, file, path.dirname(file));
  mod.loaded = true;
  return { file, exports: mod.exports, required: evaluation.required };
}
