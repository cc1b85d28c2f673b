// ESLint rule `local/no-import-cycle`: no file may reach itself through relative imports (type-only imports
// included — a type cycle is still two modules that cannot be understood apart). Shared types go in a module
// of their own. The import graph is read with TypeScript's own pre-processor and cached for the lint run.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs'];
const depsCache = new Map();

function resolve(fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const stem = base.replace(/\.(js|mjs)$/, '');
  const candidates = [
    base,
    ...EXTENSIONS.map((e) => stem + e),
    ...EXTENSIONS.map((e) => path.join(base, `index${e}`)),
  ];
  for (const candidate of candidates) {
    if (!/\.(ts|tsx|mts|js|mjs)$/.test(candidate)) continue;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function importsOf(file, text) {
  if (text === undefined && depsCache.has(file)) return depsCache.get(file);
  let source = text;
  if (source === undefined) {
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      source = '';
    }
  }
  const info = ts.preProcessFile(source, true, true);
  const deps = [...new Set(info.importedFiles.map((f) => resolve(file, f.fileName)).filter(Boolean))];
  if (text === undefined) depsCache.set(file, deps);
  return deps;
}

/** The shortest chain of files from `start` back to `target`, or undefined. */
function pathBack(start, target, overrides) {
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length) {
    const file = queue.shift();
    const deps = overrides.get(file) ?? importsOf(file);
    for (const dep of deps) {
      if (dep === target) {
        const chain = [target];
        for (let f = file; f !== undefined; f = previous.get(f)) chain.unshift(f);
        return chain;
      }
      if (!previous.has(dep)) {
        previous.set(dep, file);
        queue.push(dep);
      }
    }
  }
  return undefined;
}

export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow import cycles between files (type-only imports included).' },
    schema: [],
    messages: { cycle: 'Import cycle: {{chain}}. Move what both files share into a module of its own.' },
  },
  create(context) {
    const file = path.resolve(context.filename);
    const root = context.cwd;
    const check = (node) => {
      const specifier = node.source && typeof node.source.value === 'string' ? node.source.value : undefined;
      if (!specifier) return;
      const dep = resolve(file, specifier);
      if (!dep || dep === file) return;
      // The file being linted is read from the editor's text, not the disk.
      const overrides = new Map([[file, importsOf(file, context.sourceCode.text)]]);
      const chain = pathBack(dep, file, overrides);
      if (!chain) return;
      const shown = [file, ...chain].map((f) => path.relative(root, f).split(path.sep).join('/'));
      context.report({ node: node.source, messageId: 'cycle', data: { chain: shown.join(' → ') } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default { rules: { 'no-import-cycle': noImportCycle } };
