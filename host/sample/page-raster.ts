/**
 * A laid-out page (core/documents/layout.ts) as SVG, for drawing pictures of printed pages without a PDF
 * renderer: the sample's signed scans are the same layout the PDF is drawn from — text as glyph outlines
 * (svg-text.ts), rules, boxes, the seal circle and the verification mark — rasterised by sharp.
 */
import type { Font as FontkitFont } from 'fontkit';
import { PAGE, type DrawOp, type Layout, type Tone } from '../../core/documents/layout';
import { svgText } from './svg-text';

const TONES: Record<Tone, string> = {
  ink: '#000000',
  gloss: '#5c6678',
  mark: '#b81c1c',
  faint: '#9e9e9e',
  shade: '#ededed',
};

const dash = (pattern: readonly number[] | undefined) =>
  pattern ? ` stroke-dasharray="${pattern.join(' ')}"` : '';

function opSvg(op: DrawOp, fonts: { regular: FontkitFont; bold: FontkitFont }): string {
  switch (op.kind) {
    case 'text': {
      const font = op.face === 'bold' ? fonts.bold : fonts.regular;
      return svgText(font, op.text, op.x, op.y, {
        size: op.size,
        fill: TONES[op.tone],
        tracking: op.charSpacing ? (op.charSpacing / op.size) * font.unitsPerEm : 0,
      });
    }
    case 'line':
      return `<line x1="${op.x1}" y1="${op.y1}" x2="${op.x2}" y2="${op.y2}" stroke="${TONES[op.tone]}" stroke-width="${op.width}"${dash(op.dash)}/>`;
    case 'rect': {
      const fill = op.fill ? TONES[op.fill] : 'none';
      const stroke = op.stroke
        ? ` stroke="${TONES[op.stroke]}" stroke-width="${op.strokeWidth ?? 0.6}"${dash(op.dash)}`
        : '';
      return `<rect x="${op.x}" y="${op.y}" width="${op.w}" height="${op.h}" fill="${fill}"${stroke}/>`;
    }
    case 'circle':
      return `<circle cx="${op.cx}" cy="${op.cy}" r="${op.r}" fill="none" stroke="${TONES[op.stroke]}" stroke-width="0.8"${dash(op.dash)}/>`;
  }
}

/**
 * The drawing of one page (0-based) in page points (A4, origin top-left), for an `<svg>` whose viewBox is
 * the page: `pageSvg` wraps it; callers may add their own drawing on top (a signature, a seal).
 */
export function pageDrawing(
  layout: Layout,
  page: number,
  fonts: { regular: FontkitFont; bold: FontkitFont },
): string {
  return layout.ops
    .filter((op) => op.page === page)
    .map((op) => opSvg(op, fonts))
    .join('');
}

/** An SVG of `width` pixels showing `drawing` (in page points) on white A4 paper. */
export function pageSvg(drawing: string, width: number): string {
  const height = Math.round((width * PAGE.height) / PAGE.width);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${PAGE.width} ${PAGE.height}"><rect width="${PAGE.width}" height="${PAGE.height}" fill="#ffffff"/>${drawing}</svg>`;
}
