/**
 * The pathway decision: pathway answers in, conclusions out. Every rule of templates/rules/pathway-rules.json
 * is evaluated in order by the generic condition evaluator; nothing here knows what a single rule means.
 * Conclusions that rest on a disputed one inherit its weaker confidence and its disputes, so "not eligible
 * because a WFOE cannot hold B25" is never shown as firmer than "B25 is needed" itself.
 */
import type { Bilingual } from '../validate/types';
import type { PathwayAnswers, Sector, Surface } from '../model/case';
import { mainlandProvinceByCode } from '../validate/provinces';
import { evaluate, recordLookup, type FactLookup, type Scalar } from './condition';
import {
  CONFIDENCE_RANK,
  DISPUTES,
  PATHWAY_RULES,
  RULES_AS_OF,
  RULES_VERSION,
  preApprovalFor,
  type Confidence,
  type Dispute,
  type Effect,
  type Obligation,
  type PathwayRule,
  type PreApprovalEntry,
  type Source,
  type Timeline,
} from './data';

export type Pathway = 'icp_filing' | 'commercial_licence' | 'not_eligible' | 'incomplete';

export interface Conclusion {
  ruleId: string;
  code: string;
  effect: Effect;
  confidence: Confidence;
  /** The surface (R2) or sector (R18, R19) this conclusion is about. */
  surface?: Surface;
  sector?: Sector;
  title: Bilingual;
  explanation: Bilingual;
  authority?: Bilingual;
  minRegisteredCapitalCny?: number;
  timeline?: Timeline;
  nextActions: Bilingual[];
  sources: Source[];
  asOf: string;
  /** Where sources disagree about this conclusion or a conclusion it rests on (pathways.md §13). */
  disputes: Dispute[];
  /** Rule ids of the earlier conclusions this one rests on. */
  basedOn: string[];
  preApproval?: PreApprovalEntry;
  obligations?: Obligation[];
}

export interface MissingAnswer {
  answer: keyof PathwayAnswers;
  label: Bilingual;
  /** Rules that could not be settled without it. */
  neededBy: string[];
}

export interface Decision {
  /** Overall result under the conservative default (any revenue needs the licence). */
  pathway: Pathway;
  pathwayConfidence: Confidence;
  /** The result if the disputed (confidence 'unclear') licence and blocking conclusions are set aside. */
  alternativePathway?: Pathway;
  conclusions: Conclusion[];
  missingAnswers: MissingAnswer[];
  rulesVersion: string;
  asOf: string;
}

const LICENCE_OR_BLOCK: readonly Effect[] = ['licence', 'blocked'];

const weaker = (a: Confidence, b: Confidence): Confidence =>
  CONFIDENCE_RANK[a] <= CONFIDENCE_RANK[b] ? a : b;
const stronger = (a: Confidence, b: Confidence): Confidence =>
  CONFIDENCE_RANK[a] >= CONFIDENCE_RANK[b] ? a : b;

function interpolate(text: Bilingual, params: Record<string, Bilingual>): Bilingual {
  const fill = (s: string, lang: keyof Bilingual): string =>
    s.replace(/\{(\w+)\}/g, (whole, key: string) => params[key]?.[lang] ?? whole);
  return { en: fill(text.en, 'en'), 'zh-CN': fill(text['zh-CN'], 'zh-CN') };
}

function provinceParams(code: string): Record<string, Bilingual> {
  const province = code ? mainlandProvinceByCode(code) : undefined;
  if (!province) {
    return {
      province: { en: 'the filing province', 'zh-CN': '备案省份' },
      provinceCa: {
        en: 'the communications administration of the filing province',
        'zh-CN': '备案省份的通信管理局',
      },
    };
  }
  return {
    province: { en: province.nameEn, 'zh-CN': province.nameZh },
    provinceCa: {
      en: `the ${province.nameEn} Communications Administration`,
      'zh-CN': province.communicationsAdministration ?? `${province.nameZh}通信管理局`,
    },
  };
}

/** The answers as facts, with the defaults the rule data declares (a WFOE's foreign share is 100 %). */
function answerFacts(answers: PathwayAnswers): Record<string, unknown> {
  const facts: Record<string, unknown> = { ...answers, province: answers.province || null };
  const lookup = recordLookup(facts, { unansweredWhenEmpty: PATHWAY_RULES.unansweredWhenEmpty });
  for (const d of PATHWAY_RULES.factDefaults) {
    if (!lookup(d.fact).known && evaluate(d.when, lookup).result === 'true') facts[d.fact] = d.value;
  }
  return facts;
}

function disputesOf(ruleId: string): Dispute[] {
  return DISPUTES.filter((d) => d.appliesTo.includes(ruleId));
}

function summarise(conclusions: Conclusion[], incomplete: boolean): Pathway {
  const has = (...effects: Effect[]) => conclusions.some((c) => effects.includes(c.effect));
  if (has('blocked', 'no_filing')) return 'not_eligible';
  if (incomplete) return 'incomplete';
  if (has('licence')) return 'commercial_licence';
  if (has('filing')) return 'icp_filing';
  return 'incomplete';
}

const DECIDING_EFFECTS: Record<Pathway, Effect[]> = {
  not_eligible: ['blocked', 'no_filing'],
  commercial_licence: ['licence'],
  icp_filing: ['filing'],
  incomplete: [],
};

export function decidePathway(answers: PathwayAnswers): Decision {
  const baseFacts = answerFacts(answers);
  const conclusions: Conclusion[] = [];
  const fired: string[] = [];
  const undecided: string[] = [];
  const missing = new Map<string, Set<string>>();
  const noteMissing = (fact: string, ruleId: string) => {
    if (!(fact in PATHWAY_RULES.answerLabels)) return;
    const set = missing.get(fact) ?? new Set<string>();
    set.add(ruleId);
    missing.set(fact, set);
  };
  const baseParams = provinceParams(answers.province);

  for (const rule of PATHWAY_RULES.rules) {
    const facts = { ...baseFacts, outcomes: fired };
    const lookup = recordLookup(facts, {
      unansweredWhenEmpty: PATHWAY_RULES.unansweredWhenEmpty,
      maybe: { outcomes: undecided },
    });
    const items: (Scalar | undefined)[] = [];
    if (rule.forEach) {
      const list = lookup(rule.forEach);
      if (!list.known) {
        noteMissing(rule.forEach, rule.id);
        undecided.push(rule.code);
        continue;
      }
      items.push(...(list.value as Scalar[]));
    } else {
      items.push(undefined);
    }

    let anyUnknown = false;
    for (const item of items) {
      const itemLookup: FactLookup =
        item === undefined
          ? lookup
          : (name) => (name === 'item' ? { known: true, value: item } : lookup(name));
      const evaluation = evaluate(rule.when, itemLookup);
      if (evaluation.result === 'unknown') {
        anyUnknown = true;
        for (const fact of evaluation.unknownFacts) noteMissing(fact, rule.id);
        continue;
      }
      if (evaluation.result === 'false') continue;
      const premises = conclusions.filter((c) => evaluation.matched.get('outcomes')?.has(c.code));
      conclusions.push(buildConclusion(rule, item, premises, baseParams));
      for (const fact of rule.needs ?? []) if (!lookup(fact).known) noteMissing(fact, rule.id);
      if (!fired.includes(rule.code)) fired.push(rule.code);
    }
    if (anyUnknown && !fired.includes(rule.code)) undecided.push(rule.code);
  }

  shareIssuerWithLicences(conclusions);

  const missingAnswers: MissingAnswer[] = [...missing.entries()].map(([answer, rules]) => ({
    answer: answer as keyof PathwayAnswers,
    label: PATHWAY_RULES.answerLabels[answer] as Bilingual,
    neededBy: [...rules],
  }));
  const incomplete = missingAnswers.length > 0;
  const pathway = summarise(conclusions, incomplete);
  const firmOnly = conclusions.filter(
    (c) => !(c.confidence === 'unclear' && LICENCE_OR_BLOCK.includes(c.effect)),
  );
  const lenient = summarise(firmOnly, incomplete);
  const deciding = conclusions.filter((c) => DECIDING_EFFECTS[pathway].includes(c.effect));
  const pathwayConfidence =
    lenient !== pathway || deciding.length === 0
      ? 'unclear'
      : deciding.map((c) => c.confidence).reduce(stronger);

  return {
    pathway,
    pathwayConfidence,
    ...(lenient !== pathway ? { alternativePathway: lenient } : {}),
    conclusions,
    missingAnswers,
    rulesVersion: RULES_VERSION,
    asOf: RULES_AS_OF,
  };
}

function buildConclusion(
  rule: PathwayRule,
  item: Scalar | undefined,
  premises: Conclusion[],
  baseParams: Record<string, Bilingual>,
): Conclusion {
  const params: Record<string, Bilingual> = { ...baseParams };
  let surface: Surface | undefined;
  let sector: Sector | undefined;
  if (rule.forEach === 'surfaces') {
    surface = item as Surface;
    const label = PATHWAY_RULES.labels.surfaces[surface];
    if (label) params.surface = label;
  }
  if (rule.forEach === 'sectors') sector = item as Sector;
  sector ??= rule.preApprovalSector;
  const preApproval = sector ? preApprovalFor(sector) : undefined;
  if (preApproval) {
    params.sector = preApproval.label;
    params.authority = preApproval.authority;
    params.permit = preApproval.permit;
  }

  let confidence = rule.confidence;
  if (preApproval && rule.effect === 'preapproval') confidence = weaker(confidence, preApproval.confidence);
  const disputes = disputesOf(rule.id);
  if (premises.length > 0) {
    const premiseConfidence = premises.map((p) => p.confidence).reduce(stronger);
    confidence = weaker(confidence, premiseConfidence);
    // A conclusion resting only on disputed premises carries their disputes beside it.
    if (premiseConfidence === 'unclear') {
      for (const d of premises.flatMap((p) => p.disputes)) if (!disputes.includes(d)) disputes.push(d);
    }
  }

  return {
    ruleId: rule.id,
    code: rule.code,
    effect: rule.effect,
    confidence,
    ...(surface ? { surface } : {}),
    ...(sector ? { sector } : {}),
    title: interpolate(rule.title, params),
    explanation: interpolate(rule.explanation, params),
    ...(rule.authority ? { authority: interpolate(rule.authority, params) } : {}),
    ...(rule.minRegisteredCapitalCny ? { minRegisteredCapitalCny: rule.minRegisteredCapitalCny } : {}),
    ...(rule.timeline ? { timeline: rule.timeline } : {}),
    nextActions: rule.nextActions.map((a) => interpolate(a, params)),
    sources: [...rule.sources, ...(preApproval ? preApproval.sources : [])],
    asOf: rule.asOf,
    disputes,
    basedOn: [...new Set(premises.map((p) => p.ruleId))],
    ...(preApproval ? { preApproval } : {}),
    ...(rule.obligations ? { obligations: rule.obligations } : {}),
  };
}

/** Licence conclusions name the issuing authority and capital floor once the scope has settled them. */
function shareIssuerWithLicences(conclusions: Conclusion[]): void {
  const issuer = conclusions.find((c) => c.effect === 'issuer');
  if (!issuer) return;
  for (const c of conclusions) {
    if (c.effect !== 'licence') continue;
    c.authority ??= issuer.authority;
    c.minRegisteredCapitalCny ??= issuer.minRegisteredCapitalCny;
  }
}
