/**
 * Scans for the bundled sample case: a business licence, the legal representative's passport and the
 * mini-program principal's ID card (both sides); its signed letters are drawn from the documents themselves
 * (signed-scans.ts). They are drawn,
 * not photographed: SVG with the text as glyph outlines (svg-text.ts), rasterised to JPEG by sharp. Every one
 * says 样本 / SAMPLE across the page and uses the sample's fictitious data; no real emblem or design is copied.
 */
import { loadSharp } from '../packet/sharp';
import type { Font as FontkitFont } from 'fontkit';
import { createHash } from 'node:crypto';
import type { AttachmentMeta, Case, SignedCopy } from '../../core/model/case';
import { composeTd3 } from '../../core/ocr/passport';
import { svgMonospace, svgText, wrapByWidth, type TextStyle } from './svg-text';

export interface SampleFonts {
  regular: FontkitFont;
  bold: FontkitFont;
}

export interface SampleScan {
  /** Checklist item the scan satisfies (templates/rules/checklist.json). */
  checklistItemId: string;
  originalName: string;
  jpeg: Uint8Array;
  width: number;
  height: number;
  validFrom: string;
  validTo: string;
  /** A signed document's scan: what it is the signed copy of (signed-scans.ts). */
  signedCopy?: SignedCopy;
}

/** The attachment record of a drawn scan as the store keeps it: named by the SHA-256 of its bytes. */
export function scanAttachment(scan: SampleScan, addedAt: Date): AttachmentMeta {
  return {
    id: createHash('sha256').update(scan.jpeg).digest('hex'),
    checklistItemId: scan.checklistItemId,
    originalName: scan.originalName,
    mediaType: 'image/jpeg',
    bytes: scan.jpeg.length,
    widthPx: scan.width,
    heightPx: scan.height,
    addedAt: addedAt.toISOString(),
    validFrom: scan.validFrom,
    validTo: scan.validTo,
    ...(scan.signedCopy ? { signedCopy: scan.signedCopy } : {}),
  };
}

const INK = '#1f1f1f';
/** Blue-black ballpoint, for signatures and handwritten dates. */
export const PEN = '#1a2a6c';
const SEAL_RED = '#c8161d';

export function watermark(fonts: SampleFonts, width: number, height: number): string {
  const size = Math.round(Math.min(width, height) / 6);
  const angle = (-Math.atan2(height, width) * 180) / Math.PI;
  return `<g transform="rotate(${angle.toFixed(1)} ${width / 2} ${height / 2})">${svgText(
    fonts.bold,
    '样本 SAMPLE',
    width / 2,
    height / 2 + size / 3,
    { size, fill: '#d0021b', anchor: 'middle', opacity: 0.22 },
  )}</g>`;
}

function paper(width: number, height: number, tone: string): string {
  return `<defs><linearGradient id="p" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${tone}"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs><rect width="${width}" height="${height}" fill="url(#p)"/>`;
}

/** A round company seal: name along the upper arc, a star, and the seal's purpose below. */
export function seal(
  fonts: SampleFonts,
  name: string,
  purpose: string,
  cx: number,
  cy: number,
  r: number,
): string {
  const chars = Array.from(name);
  const span = 220;
  // Long names get smaller characters so they stay inside the ring.
  const size = Math.min(r * 0.28, ((r * 0.72 * span * Math.PI) / 180 / chars.length) * 0.95);
  const parts = chars.map((char, i) => {
    const angle = -90 - span / 2 + (span * (i + 0.5)) / chars.length;
    const rad = (angle * Math.PI) / 180;
    const x = cx + Math.cos(rad) * r * 0.72;
    const y = cy + Math.sin(rad) * r * 0.72;
    return `<g transform="rotate(${angle + 90} ${x} ${y})">${svgText(fonts.bold, char, x, y + size / 2.6, {
      size,
      fill: SEAL_RED,
      anchor: 'middle',
    })}</g>`;
  });
  return `<g opacity="0.82"><circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="${SEAL_RED}" stroke-width="${r * 0.06}"/>${parts.join(
    '',
  )}${svgText(fonts.bold, '★', cx, cy + r * 0.16, { size: r * 0.5, fill: SEAL_RED, anchor: 'middle' })}${svgText(
    fonts.bold,
    purpose,
    cx,
    cy + r * 0.62,
    { size: size * 0.8, fill: SEAL_RED, anchor: 'middle' },
  )}</g>`;
}

export function signature(x: number, y: number, scale: number): string {
  return `<path d="M${x} ${y} c ${20 * scale} ${-40 * scale}, ${40 * scale} ${30 * scale}, ${60 * scale} ${-10 * scale} s ${30 * scale} ${-30 * scale}, ${55 * scale} ${5 * scale} c ${15 * scale} ${20 * scale}, ${35 * scale} ${-35 * scale}, ${70 * scale} ${-12 * scale} l ${40 * scale} ${-8 * scale}" fill="none" stroke="${PEN}" stroke-width="${3.2 * scale}" stroke-linecap="round"/>`;
}

export async function rasterise(
  svg: string,
  width: number,
  height: number,
  tilt: number,
): Promise<Uint8Array> {
  const sharp = await loadSharp();
  const buffer = await sharp(Buffer.from(svg))
    .rotate(tilt, { background: '#f4f2ec' })
    .resize(width, height, { fit: 'cover' })
    .jpeg({ quality: 86, chromaSubsampling: '4:2:0' })
    .toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}

/**
 * One sample scan: the drawing on paper of the sheet's tone under the SAMPLE watermark, rasterised turned by
 * `tilt` degrees (as a hand-held scan would be), with what it is attached for.
 */
async function scan(
  fonts: SampleFonts,
  sheet: {
    width: number;
    height: number;
    tone: string;
    tilt: number;
    /** Height of the band the watermark crosses, from the top (a passport keeps its MRZ clear): all by default. */
    watermarkHeight?: number;
  },
  drawing: string,
  meta: Pick<SampleScan, 'checklistItemId' | 'originalName' | 'validFrom' | 'validTo'>,
): Promise<SampleScan> {
  const { width, height } = sheet;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${paper(width, height, sheet.tone)}
${drawing}
${watermark(fonts, width, sheet.watermarkHeight ?? height)}</svg>`;
  return {
    checklistItemId: meta.checklistItemId,
    originalName: meta.originalName,
    jpeg: await rasterise(svg, width, height, sheet.tilt),
    width,
    height,
    validFrom: meta.validFrom,
    validTo: meta.validTo,
  };
}

function labelValue(
  fonts: SampleFonts,
  label: string,
  value: string,
  x: number,
  y: number,
  valueX: number,
  maxWidth: number,
  style: TextStyle,
): { svg: string; bottom: number } {
  const lines = wrapByWidth(fonts.regular, value, maxWidth, style);
  const lineHeight = style.size * 1.45;
  const svg =
    svgText(fonts.bold, label, x, y, { ...style, tracking: 200 }) +
    lines.map((line, i) => svgText(fonts.regular, line, valueX, y + i * lineHeight, style)).join('');
  return { svg, bottom: y + lines.length * lineHeight };
}

const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${y}年${m}月${d}日`;
};

async function businessLicence(c: Case, fonts: SampleFonts, checklistItemId: string): Promise<SampleScan> {
  const width = 2400;
  const height = 1700;
  const s = c.subject;
  const style: TextStyle = { size: 38, fill: INK };
  const rows: [string, string][] = [
    ['名　　称', s.name],
    ['类　　型', '有限责任公司（外国法人独资）'],
    ['法定代表人', c.legalRepresentative.name],
    ['经营范围', s.businessScope],
    ['注册资本', `人民币${((s.registeredCapitalCny ?? 0) / 10_000).toString()}万元整`],
    ['成立日期', cnDate(s.establishedOn)],
    ['营业期限', `${cnDate(s.establishedOn)}至${cnDate(s.certificateValidTo)}`],
    ['住　　所', s.certificateAddress],
  ];
  let y = 640;
  const body = rows
    .map(([label, value]) => {
      const drawn = labelValue(fonts, label, value, 300, y, 620, 1480, style);
      y = drawn.bottom + 22;
      return drawn.svg;
    })
    .join('');
  const drawing = `<rect x="70" y="70" width="${width - 140}" height="${height - 140}" fill="none" stroke="#b8860b" stroke-width="14"/>
<rect x="100" y="100" width="${width - 200}" height="${height - 200}" fill="none" stroke="#b8860b" stroke-width="4"/>
${svgText(fonts.bold, '营 业 执 照', width / 2, 330, { size: 150, fill: INK, anchor: 'middle' })}
${svgText(fonts.regular, '（副　本）', width / 2, 420, { size: 46, fill: INK, anchor: 'middle' })}
${svgText(fonts.regular, `统一社会信用代码\u3000${s.certificateNumber}`, 300, 530, { size: 40, fill: INK })}
${svgText(fonts.regular, '样本编号　SAMPLE-0001', width - 300, 530, { size: 34, fill: INK, anchor: 'end' })}
${body}
${svgText(fonts.regular, '登记机关', 1620, 1450, { size: 40, fill: INK })}
${seal(fonts, '上海市浦东新区市场监督管理局', '登记专用章', 1830, 1360, 170)}
${svgText(fonts.regular, '2021年03月18日', 1720, 1500, { size: 38, fill: INK })}
${svgText(fonts.regular, '本执照为软件演示用样本，不具任何法律效力。This is a software demo sample with no legal effect.', width / 2, height - 125, { size: 28, fill: '#7a1f1f', anchor: 'middle' })}`;
  return scan(fonts, { width, height, tone: '#f6efe0', tilt: 0.4 }, drawing, {
    checklistItemId,
    originalName: '营业执照副本-样本.jpg',
    validFrom: s.establishedOn,
    validTo: s.certificateValidTo,
  });
}

async function passportPage(c: Case, fonts: SampleFonts, checklistItemId: string): Promise<SampleScan> {
  const person = c.legalRepresentative;
  const width = 1800;
  const height = 1260;
  const style: TextStyle = { size: 34, fill: INK };
  // nameLatin is written as the passport prints it, surname first (MUELLER ANNA).
  const [surname = '', ...givenNames] = person.nameLatin.split(' ');
  const given = givenNames.join(' ');
  const fields: [string, string][] = [
    ['Typ / Type', 'P'],
    ['Pass-Nr. / Passport No.', person.idNumber],
    ['Name / Surname', surname.toUpperCase()],
    ['Vornamen / Given names', given.toUpperCase()],
    ['Staatsangehörigkeit / Nationality', 'DEUTSCH'],
    ['Geburtsdatum / Date of birth', '12.05.1978'],
    ['Ausstellungsdatum / Date of issue', person.idValidFrom.split('-').reverse().join('.')],
    ['Gültig bis / Date of expiry', person.idValidTo.split('-').reverse().join('.')],
  ];
  const info = fields
    .map(([label, value], i) => {
      const y = 330 + i * 92;
      return (
        svgText(fonts.regular, label, 640, y, { size: 24, fill: '#555' }) +
        svgText(fonts.bold, value, 640, y + 40, style)
      );
    })
    .join('');
  const [mrz1, mrz2] = composeTd3({
    issuingState: 'D<<',
    surname,
    givenNames: given,
    number: person.idNumber,
    nationality: 'D<<',
    birthDate: '1978-05-12',
    sex: 'F',
    expiryDate: person.idValidTo,
  });
  const drawing = `<rect x="40" y="40" width="${width - 80}" height="${height - 80}" rx="30" fill="none" stroke="#8aa0bf" stroke-width="6"/>
${svgText(fonts.bold, 'REISEPASS / PASSPORT — SAMPLE', 120, 170, { size: 46, fill: '#2b3f63' })}
<rect x="120" y="260" width="440" height="560" fill="#d9dfe8" stroke="#8aa0bf" stroke-width="4"/>
<circle cx="340" cy="460" r="110" fill="#b7c2d3"/><rect x="200" y="600" width="280" height="200" rx="120" fill="#b7c2d3"/>
${svgText(fonts.regular, '照片 PHOTO', 340, 860, { size: 28, fill: '#555', anchor: 'middle' })}
${info}
${svgMonospace(fonts.regular, mrz1, 100, 1090, 36, { size: 46, fill: INK })}
${svgMonospace(fonts.regular, mrz2, 100, 1170, 36, { size: 46, fill: INK })}`;
  // The watermark stays above the machine-readable zone, as on a specimen passport, so the zone reads back.
  return scan(fonts, { width, height, tone: '#e9eef5', tilt: -0.3, watermarkHeight: 1000 }, drawing, {
    checklistItemId,
    originalName: 'passport-info-page-SAMPLE.jpg',
    validFrom: person.idValidFrom,
    validTo: person.idValidTo,
  });
}

async function idCardSides(
  c: Case,
  fonts: SampleFonts,
  ids: { front: string; back: string },
): Promise<SampleScan[]> {
  const person = c.services[0]?.principal ?? c.principal;
  const width = 1712;
  const height = 1080;
  const style: TextStyle = { size: 44, fill: INK };
  const birth = `${person.idNumber.slice(6, 10)}年${Number(person.idNumber.slice(10, 12))}月${Number(person.idNumber.slice(12, 14))}日`;
  const front = `<rect x="30" y="30" width="${width - 60}" height="${height - 60}" rx="50" fill="none" stroke="#9fb8c4" stroke-width="5"/>
${svgText(fonts.regular, '姓　名', 120, 200, { size: 36, fill: '#3b6e86' })}${svgText(fonts.regular, person.name, 300, 200, style)}
${svgText(fonts.regular, '性　别', 120, 310, { size: 36, fill: '#3b6e86' })}${svgText(fonts.regular, '女', 300, 310, style)}
${svgText(fonts.regular, '民　族', 520, 310, { size: 36, fill: '#3b6e86' })}${svgText(fonts.regular, '汉', 680, 310, style)}
${svgText(fonts.regular, '出　生', 120, 420, { size: 36, fill: '#3b6e86' })}${svgText(fonts.regular, birth, 300, 420, style)}
${svgText(fonts.regular, '住　址', 120, 530, { size: 36, fill: '#3b6e86' })}
${wrapByWidth(fonts.regular, '上海市浦东新区锦绣路1000弄20号301室', 760, style)
  .map((line, i) => svgText(fonts.regular, line, 300, 530 + i * 64, style))
  .join('')}
${svgText(fonts.regular, '公民身份号码', 120, 900, { size: 36, fill: '#3b6e86' })}${svgText(fonts.regular, person.idNumber, 470, 900, { size: 56, fill: INK, tracking: 80 })}
<rect x="1150" y="150" width="420" height="520" fill="#d4e0e6"/><circle cx="1360" cy="340" r="100" fill="#b4c8d2"/><rect x="1230" y="470" width="260" height="200" rx="110" fill="#b4c8d2"/>`;
  const back = `<rect x="30" y="30" width="${width - 60}" height="${height - 60}" rx="50" fill="none" stroke="#9fb8c4" stroke-width="5"/>
<circle cx="250" cy="260" r="120" fill="none" stroke="#c9a227" stroke-width="10"/>
${svgText(fonts.regular, '样本', 250, 280, { size: 60, fill: '#c9a227', anchor: 'middle' })}
${svgText(fonts.bold, '中华人民共和国', 1000, 250, { size: 70, fill: INK, anchor: 'middle', tracking: 300 })}
${svgText(fonts.bold, '居民身份证', 1000, 400, { size: 100, fill: INK, anchor: 'middle', tracking: 400 })}
${svgText(fonts.regular, '签发机关', 330, 760, { size: 36, fill: '#3b6e86' })}${svgText(fonts.regular, '上海市公安局浦东分局', 560, 760, style)}
${svgText(fonts.regular, '有效期限', 330, 880, { size: 36, fill: '#3b6e86' })}${svgText(
    fonts.regular,
    `${person.idValidFrom.replaceAll('-', '.')}-${person.idValidTo.replaceAll('-', '.')}`,
    560,
    880,
    style,
  )}`;
  const validity = { validFrom: person.idValidFrom, validTo: person.idValidTo };
  return [
    await scan(fonts, { width, height, tone: '#e6f0f4', tilt: 0.5 }, front, {
      checklistItemId: ids.front,
      originalName: '身份证人像面-样本.jpg',
      ...validity,
    }),
    await scan(fonts, { width, height, tone: '#e6f0f4', tilt: -0.4 }, back, {
      checklistItemId: ids.back,
      originalName: '身份证国徽面-样本.jpg',
      ...validity,
    }),
  ];
}

/** The checklist items (templates/rules/checklist.json ids, with their @service suffix) the scans attach to. */
export interface SampleScanIds {
  subjectCertificate: string;
  /** The subject's principal is the legal representative, a German national: passport identity page. */
  principalPassport: string;
  servicePrincipalIdFront: string;
  servicePrincipalIdBack: string;
}

/** Every scan the sample case needs, in checklist order. */
export async function sampleScans(c: Case, fonts: SampleFonts, ids: SampleScanIds): Promise<SampleScan[]> {
  const [licence, passport, idCard] = await Promise.all([
    businessLicence(c, fonts, ids.subjectCertificate),
    passportPage(c, fonts, ids.principalPassport),
    idCardSides(c, fonts, { front: ids.servicePrincipalIdFront, back: ids.servicePrincipalIdBack }),
  ]);
  return [licence, passport, ...idCard];
}
