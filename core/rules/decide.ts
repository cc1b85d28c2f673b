/**
 * The pathway decision: pathway answers in, conclusions out. Every rule of templates/rules/pathway-rules.json
 * is evaluated, in order and on every answer set, by the generic condition evaluator; nothing here knows what
 * a single rule means. Conclusions that rest on a disputed one inherit its weaker confidence and its disputes,
 * so "not eligible because a WFOE cannot hold B25" is never shown as firmer than "B25 is needed" itself.
 *
 * A decision never stops at the first obstacle: every obstacle (`blocked`, `no_filing`) is reported together,
 * each with every route forward the rule data offers for this case, and the route that clears the most of them
 * is named as the most likely one. The filing subject and its identity document come with it.
 */
import type { Bilingual } from '../validate/types';
import type { PathwayAnswers, Sector, Surface } from '../model/case';
import { mainlandProvinceByCode } from '../validate/provinces';
import { evaluate, recordLookup, type FactLookup, type Scalar } from './condition';
import {
  CONFIDENCE_RANK,
  DISPUTES,
  PATHWAY_RULES,
  RULES_VERSION,
  derivedFrom,
  preApprovalFor,
  type Confidence,
  type Dispute,
  type Effect,
  type FilingSubjectEntry,
  type Obligation,
  type PathwayRule,
  type PreApprovalEntry,
  type Route,
  type Source,
  type Timeline,
} from './data';
import { activeRulePack, type RulePackInfo } from './pack';

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
  /** For a licence conclusion: the catalogue category it calls for. */
  licenceCategory?: 'B25' | 'B21';
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
  /** For an obstacle: the ways forward that apply to this case, most likely first (empty otherwise). */
  routes: RouteOption[];
  /** For an obstacle with no way around it in the domain facts: says so. */
  noRoute?: Bilingual;
  /** A duty once the service is live (the go-live kit lists these). */
  postLaunch?: boolean;
}

/** A way past an obstacle, as the rule data words it for this case. */
export interface RouteOption {
  id: string;
  title: Bilingual;
  detail: Bilingual;
  confidence: Confidence;
  sources: Source[];
  asOf: string;
}

/** Something that stands between the case and a filing or licence, with every way forward. */
export interface Obstacle {
  ruleId: string;
  code: string;
  effect: Effect;
  surface?: Surface;
  sector?: Sector;
  title: Bilingual;
  confidence: Confidence;
  routes: RouteOption[];
  noRoute?: Bilingual;
}

/** The route that clears the most obstacles (ties: the first obstacle's first route). */
export interface LikelyRoute extends RouteOption {
  /** Codes of the obstacles it clears. */
  clears: string[];
}

/** The one question that most changes the result, and whom to ask. */
export interface OpenQuestion {
  /** The dispute it comes from, where there is one (shown once in the details). */
  disputeId?: string;
  topic: Bilingual;
  who: Bilingual;
  question: Bilingual;
}

/** The result in one line: the most likely way forward, how sure, the open question. */
export interface BottomLine {
  /** `pathway`: file or apply (`pathway` names which); `route`: take `route` first; `incomplete`: answer more. */
  kind: 'pathway' | 'route' | 'incomplete';
  pathway?: Extract<Pathway, 'icp_filing' | 'commercial_licence'>;
  route?: LikelyRoute;
  confidence: Confidence;
  openQuestion?: OpenQuestion;
}

/** Who files and what identifies it (pathways.md §4, identifiers.md). */
export interface FilingSubject extends FilingSubjectEntry {
  subject: NonNullable<PathwayAnswers['subject']>;
}

/** An answer the rules corrected before reading it (a WFOE entered at 60 % counts as 100 %). */
export interface Correction {
  answer: keyof PathwayAnswers;
  entered: unknown;
  used: unknown;
  message: Bilingual;
}

export interface MissingAnswer {
  answer: keyof PathwayAnswers;
  label: Bilingual;
  /** Rules that could not be settled without it. */
  neededBy: string[];
  /** The pathway waits for it; otherwise only duties or notes do (the pathway is reported all the same). */
  decidesPathway: boolean;
}

export interface Decision {
  /** Overall result under the conservative default (any revenue needs the licence). */
  pathway: Pathway;
  pathwayConfidence: Confidence;
  /** The result if the disputed (confidence 'unclear') licence and blocking conclusions are set aside. */
  alternativePathway?: Pathway;
  conclusions: Conclusion[];
  /** Every obstacle of the case at once, each with its routes. */
  obstacles: Obstacle[];
  likelyRoute?: LikelyRoute;
  /** `null` until the applicant kind is answered. */
  filingSubject: FilingSubject | null;
  corrections: Correction[];
  /** Every dispute the conclusions touch, once each (conclusions refer to them by id). */
  disputes: Dispute[];
  bottomLine: BottomLine;
  missingAnswers: MissingAnswer[];
  /** The revision of each rule file (for manifests and support; users see `rulePack`). */
  rulesVersion: string;
  /** When the facts behind these rules were last checked (the rule pack's `asOf`). */
  asOf: string;
  /** The rule pack the decision was made with: its edition and dates. */
  rulePack: RulePackInfo;
}

const LICENCE_OR_BLOCK: readonly Effect[] = ['licence', 'blocked'];
/**
 * Conclusions that decide the pathway or the licence's issuer. An answer only other rules wait for (a duty,
 * a note, a pre-launch step such as the generative-AI filing) is listed as missing, but the pathway that
 * already follows is reported rather than "incomplete".
 */
const PATHWAY_DECIDING: readonly Effect[] = ['filing', 'licence', 'blocked', 'no_filing', 'issuer'];
const OBSTACLE_EFFECTS: readonly Effect[] = ['blocked', 'no_filing'];

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

interface AnswerFacts {
  facts: Record<string, unknown>;
  corrections: Correction[];
  /** For each derived fact still unknown: the answers that would settle it. */
  derivedUnknown: Map<string, Set<string>>;
}

/**
 * The answers as facts: corrected where the rule data says an answer cannot be (a WFOE below 100 %), with the
 * defaults it declares (a WFOE's foreign share is 100 %), and the derived facts (true, false, or unknown).
 */
function answerFacts(answers: PathwayAnswers): AnswerFacts {
  const facts: Record<string, unknown> = { ...answers, province: answers.province || null };
  const options = { unansweredWhenEmpty: PATHWAY_RULES.unansweredWhenEmpty };
  const corrections: Correction[] = [];
  for (const c of PATHWAY_RULES.corrections) {
    if (evaluate(c.when, recordLookup(facts, options)).result !== 'true') continue;
    corrections.push({
      answer: c.fact as keyof PathwayAnswers,
      entered: facts[c.fact],
      used: c.value,
      message: c.message,
    });
    facts[c.fact] = c.value;
  }
  for (const d of PATHWAY_RULES.factDefaults) {
    const lookup = recordLookup(facts, options);
    if (!lookup(d.fact).known && evaluate(d.when, lookup).result === 'true') facts[d.fact] = d.value;
  }
  const derivedUnknown = new Map<string, Set<string>>();
  for (const d of PATHWAY_RULES.derivedFacts) {
    // A derived fact read by a later one passes on the answers it is waiting for (derivedUnknown below).
    const evaluation = evaluate(d.when, recordLookup(facts, options));
    if (evaluation.result === 'unknown') {
      facts[d.fact] = null;
      const waiting = new Set<string>();
      for (const f of evaluation.unknownFacts) for (const a of derivedUnknown.get(f) ?? [f]) waiting.add(a);
      derivedUnknown.set(d.fact, waiting);
    } else {
      facts[d.fact] = evaluation.result === 'true';
    }
  }
  return { facts, corrections, derivedUnknown };
}

function answerParams(answers: PathwayAnswers, base: Record<string, Bilingual>): Record<string, Bilingual> {
  const params: Record<string, Bilingual> = {};
  for (const [name, p] of Object.entries(PATHWAY_RULES.params)) {
    const value = answers[p.answer as keyof PathwayAnswers];
    const text = (typeof value === 'string' ? p.values[value] : undefined) ?? p.otherwise;
    params[name] = interpolate(text, base);
  }
  return params;
}

function disputesOf(ruleId: string): Dispute[] {
  return DISPUTES.filter((d) => d.appliesTo.includes(ruleId));
}

function summarise(conclusions: Conclusion[], incomplete: boolean): Pathway {
  const has = (...effects: Effect[]) => conclusions.some((c) => effects.includes(c.effect));
  // A surface that cannot be filed sinks the case only when nothing else is filed (a website filed in the
  // mainland beside an overseas-entity mini-program is still an ICP filing).
  if (has('blocked') || (has('no_filing') && !has('filing'))) return 'not_eligible';
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
  const { facts: baseFacts, corrections, derivedUnknown } = answerFacts(answers);
  const conclusions: Conclusion[] = [];
  const fired: string[] = [];
  const undecided: string[] = [];
  const itemOf = new Map<Conclusion, Scalar | undefined>();
  const missing = new Map<string, Set<string>>();
  const noteMissing = (fact: string, ruleId: string) => {
    for (const answer of derivedUnknown.get(fact) ?? [fact]) {
      if (!(answer in PATHWAY_RULES.answerLabels)) continue;
      const set = missing.get(answer) ?? new Set<string>();
      set.add(ruleId);
      missing.set(answer, set);
    }
  };
  const provinceText = provinceParams(answers.province);
  const baseParams = { ...provinceText, ...answerParams(answers, provinceText) };

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
      // Each distinct value once: a list from a file may repeat one (the schema forbids it, but decide also
      // takes answers straight from a file), and a spread into push() of a long list overflows the stack.
      for (const value of new Set(list.value as Scalar[])) items.push(value);
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
      const conclusion = buildConclusion(rule, item, premises, baseParams);
      conclusions.push(conclusion);
      if (item !== undefined) itemOf.set(conclusion, item);
      for (const fact of rule.needs ?? []) if (!lookup(fact).known) noteMissing(fact, rule.id);
      if (!fired.includes(rule.code)) fired.push(rule.code);
    }
    if (anyUnknown && !fired.includes(rule.code)) undecided.push(rule.code);
  }

  shareIssuerWithLicences(conclusions);

  // Routes are chosen once every rule has spoken, so a route can depend on any outcome of the case.
  const finalLookup = recordLookup(
    { ...baseFacts, outcomes: fired },
    { unansweredWhenEmpty: PATHWAY_RULES.unansweredWhenEmpty },
  );
  for (const c of conclusions) {
    if (!OBSTACLE_EFFECTS.includes(c.effect)) continue;
    const rule = PATHWAY_RULES.rules.find((r) => r.id === c.ruleId);
    const item = itemOf.get(c);
    const lookup: FactLookup = (name) =>
      name === 'item' && item !== undefined ? { known: true, value: item } : finalLookup(name);
    c.routes = (rule?.routes ?? [])
      .map((id) => routesById().get(id))
      .filter((r): r is Route => r !== undefined && evaluate(r.when, lookup).result === 'true')
      .map((r) => routeOption(r, baseParams));
    if (c.routes.length === 0 && rule?.noRoute) c.noRoute = rule.noRoute;
  }
  const obstacles: Obstacle[] = conclusions
    .filter((c) => OBSTACLE_EFFECTS.includes(c.effect))
    .map((c) => ({
      ruleId: c.ruleId,
      code: c.code,
      effect: c.effect,
      ...(c.surface ? { surface: c.surface } : {}),
      ...(c.sector ? { sector: c.sector } : {}),
      title: c.title,
      confidence: c.confidence,
      routes: c.routes,
      ...(c.noRoute ? { noRoute: c.noRoute } : {}),
    }));
  const likelyRoute = mostLikelyRoute(obstacles);
  const disputes: Dispute[] = [];
  for (const d of conclusions.flatMap((c) => c.disputes)) if (!disputes.includes(d)) disputes.push(d);

  const effectOf = new Map(PATHWAY_RULES.rules.map((r) => [r.id, r.effect]));
  const missingAnswers: MissingAnswer[] = [...missing.entries()].map(([answer, rules]) => ({
    answer: answer as keyof PathwayAnswers,
    label: PATHWAY_RULES.answerLabels[answer] as Bilingual,
    neededBy: [...rules],
    decidesPathway: [...rules].some((id) => PATHWAY_DECIDING.includes(effectOf.get(id) ?? 'filing')),
  }));
  const incomplete = missingAnswers.some((m) => m.decidesPathway);
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

  const filingSubject = filingSubjectOf(answers);
  const bottomLine = bottomLineOf({
    pathway,
    pathwayConfidence,
    alternative: lenient !== pathway ? lenient : undefined,
    conclusions,
    likelyRoute,
    filingSubject,
  });

  return {
    pathway,
    pathwayConfidence,
    ...(lenient !== pathway ? { alternativePathway: lenient } : {}),
    conclusions,
    obstacles,
    ...(likelyRoute ? { likelyRoute } : {}),
    filingSubject,
    corrections,
    disputes,
    bottomLine,
    missingAnswers,
    rulesVersion: RULES_VERSION,
    asOf: activeRulePack().asOf,
    rulePack: activeRulePack(),
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
    ...(rule.licenceCategory ? { licenceCategory: rule.licenceCategory } : {}),
    ...(rule.timeline ? { timeline: rule.timeline } : {}),
    nextActions: rule.nextActions.map((a) => interpolate(a, params)),
    sources: uniqueSources([...rule.sources, ...(preApproval ? preApproval.sources : [])]),
    asOf: rule.asOf,
    disputes,
    basedOn: [...new Set(premises.map((p) => p.ruleId))],
    ...(preApproval ? { preApproval } : {}),
    ...(rule.obligations ? { obligations: rule.obligations } : {}),
    ...(rule.postLaunch ? { postLaunch: true } : {}),
    routes: [],
  };
}

/** One entry per address (or per title, for sources without one): the same page is cited once. */
function uniqueSources(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = s.url ?? s.title;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const routesById = derivedFrom(
  () => PATHWAY_RULES,
  (rules) => new Map(rules.routes.map((r) => [r.id, r])),
);

function routeOption(route: Route, params: Record<string, Bilingual>): RouteOption {
  return {
    id: route.id,
    title: interpolate(route.title, params),
    detail: interpolate(route.detail, params),
    confidence: route.confidence,
    sources: route.sources,
    asOf: route.asOf,
  };
}

function mostLikelyRoute(obstacles: Obstacle[]): LikelyRoute | undefined {
  let best: LikelyRoute | undefined;
  for (const obstacle of obstacles) {
    for (const route of obstacle.routes) {
      const clears = obstacles.filter((o) => o.routes.some((r) => r.id === route.id)).map((o) => o.code);
      if (!best || clears.length > best.clears.length) best = { ...route, clears: [...new Set(clears)] };
    }
  }
  return best;
}

function filingSubjectOf(answers: PathwayAnswers): FilingSubject | null {
  if (answers.subject === null) return null;
  const entry = PATHWAY_RULES.filingSubjects[answers.subject];
  return entry ? { subject: answers.subject, ...entry } : null;
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

const FILEABLE = ['icp_filing', 'commercial_licence'] as const;
type Fileable = (typeof FILEABLE)[number];
const fileable = (p: Pathway | undefined): p is Fileable => FILEABLE.includes(p as Fileable);

const ASK_PROVIDER = {
  en: "your hosting provider's or platform's filing desk",
  'zh-CN': '您的接入服务商或平台的备案客服',
};

function questionOf(dispute: Dispute): OpenQuestion {
  return {
    disputeId: dispute.id,
    topic: dispute.topic,
    who: dispute.ask?.who ?? ASK_PROVIDER,
    question: dispute.ask?.question ?? dispute.topic,
  };
}

function bottomLineOf(d: {
  pathway: Pathway;
  pathwayConfidence: Confidence;
  alternative: Pathway | undefined;
  conclusions: Conclusion[];
  likelyRoute: LikelyRoute | undefined;
  filingSubject: FilingSubject | null;
}): BottomLine {
  const unclear = d.conclusions.filter((c) => c.confidence === 'unclear');
  // The dispute that would change the result first, then any dispute on an unclear conclusion.
  const deciding =
    unclear.flatMap((c) => c.disputes).find((x) => x.alternativeOutcome !== undefined) ??
    unclear.flatMap((c) => c.disputes).find((x) => x.ask !== undefined);
  let openQuestion: OpenQuestion | undefined = deciding ? questionOf(deciding) : undefined;
  if (!openQuestion && d.filingSubject?.providerDependent) {
    openQuestion = {
      topic: d.filingSubject.document,
      who: ASK_PROVIDER,
      question: d.filingSubject.note,
    };
  }
  const withQuestion = openQuestion ? { openQuestion } : {};
  if (fileable(d.pathway)) {
    return { kind: 'pathway', pathway: d.pathway, confidence: d.pathwayConfidence, ...withQuestion };
  }
  if (d.pathway === 'not_eligible' && fileable(d.alternative)) {
    return {
      kind: 'pathway',
      pathway: d.alternative,
      confidence: 'unclear',
      ...(d.likelyRoute ? { route: d.likelyRoute } : {}),
      ...withQuestion,
    };
  }
  if (d.pathway === 'not_eligible' && d.likelyRoute) {
    return { kind: 'route', route: d.likelyRoute, confidence: d.likelyRoute.confidence, ...withQuestion };
  }
  return { kind: 'incomplete', confidence: 'unclear', ...withQuestion };
}
