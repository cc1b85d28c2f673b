/**
 * Every web address the rule data in use cites, so that the sources shown beside a result can be opened
 * through the app's link guard (issue 12.5): the guard lets these exact addresses through, and nothing else
 * beyond its allow-list. Read from the installed rule pack, so an imported pack's sources open too.
 */
import { AD_TERMS } from '../after/ad-check';
import { AFTER_APPROVAL_RULES } from '../after/rules';
import { DISPUTES, PATHWAY_RULES, PRE_APPROVALS, derivedFrom, type Source } from './data';

function all(): Source[] {
  const after = AFTER_APPROVAL_RULES;
  return [
    ...PATHWAY_RULES.rules.flatMap((r) => [...r.sources, ...(r.obligations ?? []).flatMap((o) => o.sources)]),
    ...PATHWAY_RULES.routes.flatMap((r) => r.sources),
    ...Object.values(PATHWAY_RULES.filingSubjects).flatMap((s) => s.sources),
    ...DISPUTES.flatMap((d) => d.views.flatMap((v) => v.sources)),
    ...PRE_APPROVALS.flatMap((e) => e.sources),
    ...after.waits.flatMap((w) => w.sources),
    ...after.display.sources,
    ...after.publicSecurity.sources,
    ...Object.values(after.obligations.sources).flat(),
    ...after.personalInformation.audit.sources,
    ...after.personalInformation.crossBorder.routes.flatMap((r) => r.sources),
    ...AD_TERMS.rules.flatMap((r) => r.sources),
  ];
}

const citedUrls = derivedFrom(
  () => [PATHWAY_RULES, DISPUTES, PRE_APPROVALS, AFTER_APPROVAL_RULES, AD_TERMS] as const,
  () => new Set(all().flatMap((s) => (s.url && /^https?:\/\/[^\s]+$/.test(s.url) ? [s.url] : []))),
);

/** The cited http(s) addresses of the rule data in use, exactly as written. */
export function citedSourceUrls(): ReadonlySet<string> {
  return citedUrls();
}
