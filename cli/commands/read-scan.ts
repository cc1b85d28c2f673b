/**
 * `icp-packet read-scan <file> [--kind business_licence|id_card_front|id_card_back|passport] [--json]`
 *
 * Reads a scan of a business licence, a resident ID card (either side) or a passport data page offline —
 * the same recogniser and field readers as the app — and prints each field with its Chinese label and
 * English meaning, and every check (USCC check character and QR code, ID check digit, MRZ check digits).
 * `--json` prints `{ kind, fields, checks, confidence, lowConfidence, rotation }`.
 *
 * Exit codes: 0 every check passed · 1 a check failed (the value is shown as read, never corrected) ·
 * 2 unreadable file, not a JPEG/PNG/PDF scan, or a document the reader does not know. A PDF is read from its
 * first page's scanned image.
 *
 * The recogniser (onnxruntime-web, sharp, models) is imported only when the command runs.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Language } from '../../core/i18n/language';
import { SCAN_FIELD_LABELS, SCAN_KIND_NAMES, checkWords } from '../../core/ocr/labels';
import { SCAN_KINDS, type ScanKind, type ScanReading } from '../../core/ocr/types';
import { todayIso } from '../../core/validate/common';
import { InputError, defineCommand } from '../define-command';
import { readInputFile } from '../files';
import { sniffMediaType } from '../../host/store/attachments';

function report(reading: ScanReading, rotation: number, lang: Language): string {
  const zh = lang === 'zh-CN';
  const labels = SCAN_FIELD_LABELS[reading.kind];
  const lines = [`${SCAN_KIND_NAMES[reading.kind][lang]}${zh ? '：' : ':'}`];
  if (rotation !== 0)
    lines.push(
      zh
        ? `  （扫描件方向不正，已旋转 ${rotation}° 后识别；提交前请把扫描件转正。）`
        : `  (The scan was turned ${rotation}° to read it: rotate it upright before it is submitted.)`,
    );
  for (const field of reading.fields) {
    const label = labels[field.key];
    const name = !label
      ? field.key
      : label.printed === label.meaning[lang]
        ? label.printed
        : `${label.printed} (${label.meaning[lang]})`;
    const flags = [
      field.lowConfidence ? (zh ? '识别把握不大，请核对' : 'low confidence — check it') : '',
      reading.checks.some((c) => c.field === field.key && c.status === 'fail')
        ? zh
          ? '校验未通过'
          : 'check failed'
        : '',
    ].filter(Boolean);
    lines.push(`  ${name}: ${field.value}${flags.length ? `   [${flags.join('; ')}]` : ''}`);
  }
  const missing = Object.keys(labels).filter((key) => !reading.fields.some((f) => f.key === key));
  for (const key of missing) {
    const label = labels[key]!;
    lines.push(`  ${label.printed} (${label.meaning[lang]}): ${zh ? '未找到' : 'not found'}`);
  }
  lines.push(zh ? '校验：' : 'Checks:');
  for (const check of reading.checks) {
    const mark = check.status === 'pass' ? '✓' : check.status === 'fail' ? '✗' : '–';
    lines.push(`  ${mark} ${checkWords(check, lang)}`);
  }
  return `${lines.join('\n')}\n`;
}

export default defineCommand(
  {
    options: { kind: { type: 'string' }, json: { type: 'boolean' } },
    operands: {
      count: 1,
      what: {
        en: 'one scan (JPEG, PNG or a scanned PDF)',
        'zh-CN': '一个扫描件（JPEG、PNG 或扫描版 PDF）',
      },
    },
  },
  async ({ values, positionals: [file = ''], lang }, io) => {
    const kind = values.kind;
    if (kind !== undefined && !(SCAN_KINDS as readonly string[]).includes(kind))
      throw new InputError('badScanKind', { value: kind });
    // A scan is read whole: at most what the app accepts as an attachment.
    const input = await readInputFile(file, io, {
      maxBytes: 20 * 1024 * 1024,
      what: { en: 'a scan', 'zh-CN': '扫描件' },
    });
    const resourcesDir = io.env?.ICP_PACKET_RESOURCES ?? io.resourcesDir;
    if (!existsSync(path.join(resourcesDir, 'ocr')))
      throw new InputError('ocrMissing', { dir: path.join(resourcesDir, 'ocr') });
    const { UnreadableImageError } = await import('../../host/ocr/errors');
    const unreadable = (error: unknown): never => {
      if (error instanceof UnreadableImageError)
        throw new InputError(error.problem === 'image' ? 'scanUnreadable' : error.problem, {
          file: input.file,
          reason: error.reason,
        });
      throw error;
    };
    // What the file is, before the models are loaded: a picture, or a PDF's scanned page.
    const sniffed = sniffMediaType(input.bytes);
    if (!sniffed.accepted)
      throw new InputError('scanUnreadable', { file: input.file, reason: `a file of type ${sniffed.found}` });
    const { scanImage } = await import('../../host/ocr/scan-image');
    const picture = await scanImage(input.bytes).catch(unreadable);
    const { ScanReader } = await import('../../host/ocr/read-scan');
    const reader = await ScanReader.create(resourcesDir);
    try {
      const result = await reader
        .read(picture, { ...(kind ? { kind: kind as ScanKind } : {}), today: todayIso() })
        .catch(unreadable);
      const reading = result.reading;
      if (!reading) throw new InputError('scanUnknownKind', { file: input.file });
      if (values.json) {
        const json = {
          kind: reading.kind,
          fields: Object.fromEntries(reading.fields.map((f) => [f.key, f.value])),
          checks: reading.checks,
          confidence: Object.fromEntries(
            reading.fields.map((f) => [f.key, Math.round(f.confidence * 1000) / 1000]),
          ),
          lowConfidence: reading.fields.filter((f) => f.lowConfidence).map((f) => f.key),
          rotation: result.page.rotation,
        };
        io.stdout(`${JSON.stringify(json, null, 2)}\n`);
      } else io.stdout(report(reading, result.page.rotation, lang));
      return reading.checks.some((c) => c.status === 'fail') ? 1 : 0;
    } finally {
      await reader.release();
    }
  },
);
