import type { PreflightIssue } from './preflight';

/**
 * What keeps a packet from being exported, from the pre-flight's findings: its errors, and the warnings
 * nobody has acknowledged yet. The export gate (core/packet/gate.ts), Home's case rows and the Export step
 * all read it here, so they cannot disagree on what blocks.
 */
export function exportHold(issues: readonly PreflightIssue[]): {
  errors: PreflightIssue[];
  openWarnings: PreflightIssue[];
} {
  return {
    errors: issues.filter((i) => i.severity === 'error'),
    openWarnings: issues.filter((i) => i.severity === 'warning' && !i.acknowledged),
  };
}
