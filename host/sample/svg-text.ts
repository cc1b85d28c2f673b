/**
 * Chinese text in SVG without system fonts: each string is laid out with fontkit and drawn as glyph outlines,
 * so librsvg (inside sharp) rasterises it identically on a bare CI machine, Windows or macOS.
 */
import type { Font as FontkitFont } from 'fontkit';

export interface TextStyle {
  size: number;
  fill?: string;
  /** Extra space between characters, in font units per em (Chinese forms are often letter-spaced). */
  tracking?: number;
  anchor?: 'start' | 'middle' | 'end';
  opacity?: number;
}

export function textWidth(font: FontkitFont, text: string, style: TextStyle): number {
  const run = font.layout(text);
  const units = run.positions.reduce((sum, p) => sum + p.xAdvance + (style.tracking ?? 0), 0);
  return (units * style.size) / font.unitsPerEm;
}

/** An SVG `<g>` drawing `text` with its baseline starting at (x, y). */
export function svgText(font: FontkitFont, text: string, x: number, y: number, style: TextStyle): string {
  const run = font.layout(text);
  const scale = style.size / font.unitsPerEm;
  const width = textWidth(font, text, style);
  const left = style.anchor === 'middle' ? x - width / 2 : style.anchor === 'end' ? x - width : x;
  let pen = 0;
  const paths: string[] = [];
  run.glyphs.forEach((glyph, i) => {
    const position = run.positions[i];
    const d = glyph.path.toSVG();
    if (d) {
      const dx = pen + (position?.xOffset ?? 0);
      const dy = position?.yOffset ?? 0;
      paths.push(`<path transform="translate(${dx} ${dy})" d="${d}"/>`);
    }
    pen += (position?.xAdvance ?? glyph.advanceWidth) + (style.tracking ?? 0);
  });
  const opacity = style.opacity === undefined ? '' : ` fill-opacity="${style.opacity}"`;
  // Font units are y-up; SVG is y-down: flip around the baseline.
  return `<g fill="${style.fill ?? '#1b1b1b'}"${opacity} transform="translate(${left.toFixed(2)} ${y.toFixed(2)}) scale(${scale} ${-scale})">${paths.join('')}</g>`;
}

/**
 * Monospaced, as the OCR-B machine-readable zone of a passport is printed: one character per fixed `pitch`,
 * centred in its cell, the first cell starting at x.
 */
export function svgMonospace(
  font: FontkitFont,
  text: string,
  x: number,
  y: number,
  pitch: number,
  style: TextStyle,
): string {
  return [...text]
    .map((c, i) => svgText(font, c, x + i * pitch + pitch / 2, y, { ...style, anchor: 'middle' }))
    .join('');
}

/** Greedy wrap by width, for Chinese (any character may break) and short Latin words. */
export function wrapByWidth(font: FontkitFont, text: string, width: number, style: TextStyle): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    const candidate = line + char;
    if (line && textWidth(font, candidate, style) > width && !'，。、；：）'.includes(char)) {
      lines.push(line);
      line = char;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}
