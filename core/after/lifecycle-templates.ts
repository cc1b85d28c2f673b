/**
 * The documents of a licence holder's later packets (templates/documents/lifecycle/*.json): the change
 * application, the shareholders' resolution, the renewal application and the evidence that the services are
 * live. They are never chosen by a case's own packet (`appliesWhen` is `{always: false}`); the renewal and
 * change packets (core/after/lifecycle-packet.ts) pick them and fill in their packet values.
 *
 * Packet values are `%name%` markers for facts of one event rather than of the case — the value before a
 * change, the numbered list of enclosures. {@link bindPacketValues} puts them in, in the language of each
 * text, before the document engine sees the template.
 */
import licenceChangeApplication from '../../templates/documents/lifecycle/licence-change-application.json' with { type: 'json' };
import renewalApplication from '../../templates/documents/lifecycle/renewal-application.json' with { type: 'json' };
import serviceLaunchEvidence from '../../templates/documents/lifecycle/service-launch-evidence.json' with { type: 'json' };
import shareholdersResolution from '../../templates/documents/lifecycle/shareholders-resolution.json' with { type: 'json' };
import { parseTemplate, type DocumentTemplate } from '../documents/template-schema';
import { documentTemplate } from '../documents/templates';

/** Every lifecycle template file, by file name. */
export const LIFECYCLE_TEMPLATE_SOURCES: Readonly<Record<string, unknown>> = {
  'licence-change-application.json': licenceChangeApplication,
  'renewal-application.json': renewalApplication,
  'service-launch-evidence.json': serviceLaunchEvidence,
  'shareholders-resolution.json': shareholdersResolution,
};

let parsed: DocumentTemplate[] | undefined;

export function lifecycleTemplates(): readonly DocumentTemplate[] {
  parsed ??= Object.entries(LIFECYCLE_TEMPLATE_SOURCES).map(([file, json]) =>
    parseTemplate(json, `templates/documents/lifecycle/${file}`),
  );
  return parsed;
}

/** A lifecycle template, or one of the case packet's templates a lifecycle packet reuses (the commitment). */
export function lifecycleTemplate(id: string): DocumentTemplate {
  const template = lifecycleTemplates().find((t) => t.id === id) ?? documentTemplate(id);
  if (!template) throw new Error(`no document template "${id}"`);
  return template;
}

export interface PacketValue {
  zh: string;
  en: string;
}

const MARKER = /%([a-zA-Z]+(?:\.[a-zA-Z]+)*)%/g;

// Values are the user's text: a `{{` in them must never be read as a placeholder of the case.
const literal = (text: string) => text.replaceAll('{{', '{ {');

function fill(text: string, values: Readonly<Record<string, PacketValue>>, lang: 'zh' | 'en'): string {
  return text.replace(MARKER, (_, key: string) => {
    const value = values[key];
    if (!value) throw new Error(`no packet value "%${key}%"`);
    return literal(value[lang]);
  });
}

function bind(node: unknown, values: Readonly<Record<string, PacketValue>>, lang: 'zh' | 'en'): unknown {
  if (typeof node === 'string') return fill(node, values, lang);
  if (Array.isArray(node)) return node.map((item) => bind(item, values, lang));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // A text's `en`, a form row's `valueEn`: English; every other string is the Chinese document.
    const language = key === 'en' || key === 'valueEn' ? 'en' : lang;
    out[key] = key === 'when' || key === 'appliesWhen' ? value : bind(value, values, language);
  }
  return out;
}

/** The template with its `%name%` packet values in place; a marker without a value throws. */
export function bindPacketValues(
  template: DocumentTemplate,
  values: Readonly<Record<string, PacketValue>>,
): DocumentTemplate {
  return { ...template, blocks: bind(template.blocks, values, 'zh') as DocumentTemplate['blocks'] };
}
