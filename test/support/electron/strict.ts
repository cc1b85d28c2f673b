/**
 * TEST ONLY — strictness for the stand-in Electron: reading a member the stand-in does not provide throws and
 * is recorded, so a bundle that starts using a new Electron API fails its test instead of passing silently
 * against a stand-in that quietly answers `undefined`.
 */

/**
 * Properties that tooling reads on any object it is handed, which are not Electron API: promise resolution
 * (`then`), esbuild's module interop (`__esModule`), JSON and the test runner's printing and matching.
 */
const TOOLING_PROBES = new Set([
  'then',
  '__esModule',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'inspect',
  '_isMockFunction',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
]);

/** Where a stand-in's misses are collected (one list per stand-in Electron). */
export interface MissRecorder {
  /** `module.member` for every member the code read that the stand-in lacks, in order. */
  readonly misses: string[];
}

/**
 * `target` behind a proxy that records and throws on a missing member. Methods keep working when called on
 * the proxy (`this` is the proxy, and every own or inherited member of the target reads through).
 */
export function strict<T extends object>(label: string, target: T, recorder: MissRecorder): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'symbol' || property in object) return Reflect.get(object, property, receiver);
      if (TOOLING_PROBES.has(property)) return undefined;
      const name = `${label}.${property}`;
      recorder.misses.push(name);
      throw new TypeError(
        `The stand-in Electron has no ${name}. If the app now uses it, add it to test/support/electron/ ` +
          '(after checking Electron 45 has it).',
      );
    },
  });
}
