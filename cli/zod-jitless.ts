/**
 * Turns off zod's compiled fast path for this process (the built CLI does, scripts/build-cli.mjs). A module of its own, imported by name:
 * importing zod/v4/core's whole namespace instead would bundle every module it re-exports, the fast-path
 * compiler among them, into what each command loads.
 */
import { config } from 'zod/v4/core';

export function zodJitless(): void {
  config({ jitless: true });
}
