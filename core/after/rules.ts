/**
 * The after-approval rule data (templates/rules/after-approval.json), checked at import like the other rule
 * files: deadlines of the journal's waiting states, number display per surface, public-security filing and
 * the obligation reminders.
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema';
import { bundledData } from '../bundled-data';
import json from '../../templates/rules/after-approval.json' with { type: 'json' };
import { CASE_STATUSES } from '../model/case';
import { ConditionSchema } from '../rules/condition';
import { BilingualSchema, CONFIDENCES, SourceSchema, ruleFileSchema } from '../rules/data';

const sources = lazySchema(() => z.array(SourceSchema).min(1));

export const WaitSchema = lazySchema(() =>
  z.strictObject({
    status: z.enum(CASE_STATUSES),
    deadline: z.strictObject({
      unit: z.enum(['workingDays', 'calendarDays', 'hours']),
      count: z.number().int().positive(),
    }),
    confidence: z.enum(CONFIDENCES),
    title: BilingualSchema,
    detail: BilingualSchema,
    sources,
  }),
);
export type Wait = z.infer<typeof WaitSchema>;

/** A cross-border route of PIPL Art. 38 and the volumes that call for it (conditions over the case's scale). */
export const CrossBorderRouteSchema = lazySchema(() =>
  z.strictObject({
    id: z.enum(['security_assessment', 'standard_contract_or_certification', 'exempt']),
    when: ConditionSchema,
    /** The inventory's mechanisms this route allows. */
    mechanisms: z.array(
      z.enum(['security_assessment', 'standard_contract', 'certification', 'other_legal_ground']),
    ),
    /** Certification is a route only from this day. */
    certificationFrom: z.iso.date().optional(),
    confidence: z.enum(CONFIDENCES),
    title: BilingualSchema,
    /** What the privacy policy says of the transfers on this route (templates/documents/privacy-policy.json). */
    policy: BilingualSchema,
    detail: BilingualSchema,
    sources,
  }),
);
export type CrossBorderRoute = z.infer<typeof CrossBorderRouteSchema>;

export const AfterApprovalRulesSchema = lazySchema(() =>
  ruleFileSchema('icp-packet/after-approval', {
    waits: z.array(WaitSchema),
    display: z.strictObject({
      miitUrl: z.url(),
      publicSecurityUrl: z.string().includes('{{code}}'),
      publicSecurityUrlNote: BilingualSchema,
      subjectNumberProvinces: z.array(z.string().regex(/^\d{6}$/)),
      numberChoiceNote: BilingualSchema,
      miniProgramNote: BilingualSchema,
      sources,
    }),
    publicSecurity: z.strictObject({
      dueDays: z.number().int().positive(),
      confidence: z.enum(CONFIDENCES),
      sources,
      asks: z.array(z.strictObject({ id: z.string().min(1), title: BilingualSchema })),
      reviewTimeNote: BilingualSchema,
      appsNote: BilingualSchema,
    }),
    obligations: z.strictObject({
      documentExpiryLeadDays: z.number().int().positive(),
      permitExpiryLeadDays: z.number().int().positive(),
      changeFilingLeadDays: z.number().int().positive(),
      sources: z.record(z.string(), sources),
    }),
    /** Duties that scale with the personal information handled (core/after/pipl.ts). */
    personalInformation: z.strictObject({
      audit: z.strictObject({
        when: ConditionSchema,
        everyYears: z.number().int().positive(),
        inForceFrom: z.iso.date(),
        confidence: z.enum(CONFIDENCES),
        title: BilingualSchema,
        detail: BilingualSchema,
        sources,
      }),
      crossBorder: z.strictObject({ routes: z.array(CrossBorderRouteSchema).min(1) }),
    }),
  }),
);

export type AfterApprovalRules = z.infer<typeof AfterApprovalRulesSchema>;

/** The after-approval rules in use: a live binding that installing a newer rule pack replaces (core/rules/pack.ts). */
export let AFTER_APPROVAL_RULES: AfterApprovalRules = bundledData(
  'after-approval',
  AfterApprovalRulesSchema,
  json,
);

export function useAfterApprovalRules(rules: AfterApprovalRules): void {
  AFTER_APPROVAL_RULES = rules;
}

export function waitFor(status: string): Wait | undefined {
  return AFTER_APPROVAL_RULES.waits.find((w) => w.status === status);
}
