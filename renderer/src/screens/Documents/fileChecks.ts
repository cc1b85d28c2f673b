import type { AttachmentMeta } from '../../../../core/model/case';
import type { FormatRules } from '../../../../core/rules/data';

export type FileCheckId = 'type' | 'size' | 'pixels';

/** One format rule applied to one attached file: what the rule asks, what the file has, whether it passes. */
export type FileCheck =
  | { id: 'type'; pass: boolean; found: string; accepted: readonly string[] }
  | { id: 'size'; pass: boolean; bytes: number; maxBytes: number }
  | { id: 'pixels'; pass: boolean; width: number; height: number; minLong: number; minShort: number };

/**
 * The format rules of a checklist item, file by file — the same limits buildChecklist() judges the item by,
 * shown per file so the user sees which file breaks which rule. Rules the item does not set are left out;
 * pixel rules apply to images (a PDF has no pixel size).
 */
export function checkFile(file: AttachmentMeta, format: FormatRules | undefined): FileCheck[] {
  if (format === undefined) return [];
  const checks: FileCheck[] = [
    {
      id: 'type',
      pass: (format.mediaTypes as readonly string[]).includes(file.mediaType),
      found: file.mediaType,
      accepted: format.mediaTypes,
    },
  ];
  if (format.maxBytes !== undefined) {
    checks.push({
      id: 'size',
      pass: file.bytes <= format.maxBytes,
      bytes: file.bytes,
      maxBytes: format.maxBytes,
    });
  }
  const minLong = format.minLongEdgePx ?? 0;
  const minShort = format.minShortEdgePx ?? 0;
  if ((minLong > 0 || minShort > 0) && file.widthPx !== undefined && file.heightPx !== undefined) {
    const long = Math.max(file.widthPx, file.heightPx);
    const short = Math.min(file.widthPx, file.heightPx);
    checks.push({
      id: 'pixels',
      pass: long >= minLong && short >= minShort,
      width: file.widthPx,
      height: file.heightPx,
      minLong,
      minShort,
    });
  }
  return checks;
}

/** Short names of media types for people: JPEG, PNG, PDF. */
export function mediaTypeName(mediaType: string): string {
  switch (mediaType) {
    case 'image/jpeg':
      return 'JPEG';
    case 'image/png':
      return 'PNG';
    case 'application/pdf':
      return 'PDF';
    default:
      return mediaType;
  }
}
