/**
 * Every web address the rule data cites, so that the result's sources can be opened through the app's link
 * guard (issue 12.5): the guard lets these exact addresses through, and nothing else beyond its allow-list.
 */
import { DISPUTES, PATHWAY_RULES, PRE_APPROVALS, type Source } from './data';

function all(): Source[] {
  return [
    ...PATHWAY_RULES.rules.flatMap((r) => [...r.sources, ...(r.obligations ?? []).flatMap((o) => o.sources)]),
    ...PATHWAY_RULES.routes.flatMap((r) => r.sources),
    ...Object.values(PATHWAY_RULES.filingSubjects).flatMap((s) => s.sources),
    ...DISPUTES.flatMap((d) => d.views.flatMap((v) => v.sources)),
    ...PRE_APPROVALS.flatMap((e) => e.sources),
  ];
}

/** The cited http(s) addresses, exactly as written in the rule data. */
export const CITED_SOURCE_URLS: ReadonlySet<string> = new Set(
  all().flatMap((s) => (s.url && /^https?:\/\/[^\s]+$/.test(s.url) ? [s.url] : [])),
);
