/**
 * Data bundled with the code (rule files, the field catalogue), checked against its schema when its module
 * loads, so a malformed file fails loudly at start-up and in the tests, never halfway through a decision.
 *
 * A build that has already checked the same data at build time defines `ICP_BUNDLED_DATA_CHECKED` (the CLI:
 * scripts/build-cli.mjs evaluates every command module with the checks on, then bundles with the constant
 * set), and the data is then used as it is: parsing some 500 KB of rules on every `icp-packet check` costs a
 * fifth of its start-up. That is only sound where parsing changes nothing — no defaults, no transforms, no
 * stripped keys — so the build also compares each parse with its input (`verifyBundledData`) and fails
 * otherwise. Data whose schema fills in or reshapes values keeps calling `schema.parse`.
 */
import type { z } from 'zod';
import { deepEqual } from './model/changes';

declare const ICP_BUNDLED_DATA_CHECKED: boolean | undefined;

const checked: { name: string; data: unknown; parsed: unknown }[] = [];

/** Whether this build checked its bundled data at build time (the CLI bundle). */
export function bundledDataChecked(): boolean {
  return typeof ICP_BUNDLED_DATA_CHECKED !== 'undefined' && ICP_BUNDLED_DATA_CHECKED;
}

/** `schema.parse(data)`, or `data` itself in a build that checked it at build time. */
export function bundledData<S extends z.ZodType>(name: string, schema: S, data: unknown): z.output<S> {
  if (bundledDataChecked()) return data as z.output<S>;
  const parsed = schema.parse(data);
  checked.push({ name, data, parsed });
  return parsed;
}

/**
 * The names of the data loaded so far whose parse differs from the file (which may therefore not be used
 * unparsed); empty when every one may. The build calls it after loading every module that uses bundledData.
 */
export function verifyBundledData(): { loaded: string[]; changedByParse: string[] } {
  return {
    loaded: checked.map((c) => c.name),
    changedByParse: checked.filter((c) => !deepEqual(c.data, c.parsed)).map((c) => c.name),
  };
}
