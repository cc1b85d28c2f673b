/**
 * Which packet file to upload for each media field of applyIcpFiling, read from
 * templates/rules/wechat-filing-ids.json `mediaSources`: the attachment of a checklist item, or else a
 * generated document's file in the packet. A document signed by hand (the commitment letter, the
 * authorization letter, the rename letter) is in the packet only as its checked signed scan, so the file
 * named is that scan — never the unsigned original.
 */
import type { MiniProgram } from '../model/case';
import idsJson from '../../templates/rules/wechat-filing-ids.json' with { type: 'json' };
import type { MediaFileFor } from './wechat-filing';

interface MediaSource {
  checklistItems?: string[];
  /** Used instead of `checklistItems` when the mini-program's principal is the subject's. */
  whenSubjectPrincipal?: string[];
  documents?: string[];
  file?: number;
}

const SOURCES = (idsJson as unknown as { mediaSources: { fields: Record<string, MediaSource> } }).mediaSources
  .fields;

export interface MediaCandidates {
  /** Packet attachments in packet order. */
  attachments: readonly { file: string; checklistItemId: string }[];
  documents: readonly { file: string; templateId: string }[];
}

/** Checklist ids are `<base>` or `<base>@<service id | sector>` for per-service and per-sector items. */
function splitItemId(id: string): { base: string; scope: string | undefined } {
  const at = id.indexOf('@');
  return at === -1 ? { base: id, scope: undefined } : { base: id.slice(0, at), scope: id.slice(at + 1) };
}

export function wechatMediaResolver(service: MiniProgram, candidates: MediaCandidates): MediaFileFor {
  return (field) => {
    const index = /\[(\d+)\]/.exec(field)?.[1];
    const source = SOURCES[field.replace(/\[\d+\]/g, '[]')];
    if (!source) return [];
    // A pre-approval's scan belongs to its sector; a mini-program's own items to this service.
    const sector = index === undefined ? undefined : service.preApprovals[Number(index)]?.sector;
    const wantedScopes = sector
      ? [sector]
      : field.startsWith('icp_applets.')
        ? [service.id, undefined]
        : [undefined];
    const items =
      service.principal === null && source.whenSubjectPrincipal
        ? source.whenSubjectPrincipal
        : source.checklistItems;
    for (const base of items ?? []) {
      for (const scope of wantedScopes) {
        const files = candidates.attachments.filter((a) => {
          const id = splitItemId(a.checklistItemId);
          return id.base === base && id.scope === scope;
        });
        const chosen = files[source.file ?? 0];
        if (chosen) return [chosen.file];
      }
    }
    // A generated document: every file it is in the packet as (the pages of its signed scan, in order).
    return candidates.documents.filter((d) => source.documents?.includes(d.templateId)).map((d) => d.file);
  };
}
