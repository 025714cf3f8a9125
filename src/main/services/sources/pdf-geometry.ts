// Geometry of a PDF page as the readers use it: text items in page space
// (y grows upwards), transforms, and items joined into lines.
import { maxOf } from '../../../shared/math';
import { tidySpaces } from '../text/lines';

export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export interface Item {
  text: string;
  x: number;
  /** Baseline, page space (y grows upwards). */
  y: number;
  width: number;
  size: number;
}

/** A PDF transform [a b c d e f], applied to row vectors as PDF does. */
export type Matrix = [number, number, number, number, number, number];
export const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
export const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

export interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  /** The text block's edges on the line's page (a landscape page has others). */
  left?: number;
  edge?: number;
}

const LATIN = /[A-Za-z0-9]/;

/** Items on one baseline joined in reading order; a space only where two Latin words stand apart. */
export function linesOf(items: Item[]): Line[] {
  const sorted = items.filter((i) => i.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const it of sorted) {
    const line = lines.find((l) => Math.abs(l[0]!.y - it.y) <= Math.max(1.5, 0.35 * Math.min(l[0]!.size, it.size)));
    if (line) line.push(it);
    else lines.push([it]);
  }
  return lines
    .map((l) => {
      l.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const it of l) {
        const gap = it.x - end;
        if (text && gap > 0.25 * it.size && LATIN.test(text.at(-1)!) && LATIN.test(it.text.trimStart()[0] ?? '')) text += ' ';
        text += it.text;
        end = it.x + it.width;
      }
      return { text: tidySpaces(text), x: l[0]!.x, right: end, y: l[0]!.y, size: maxOf(l.map((i) => i.size)) };
    })
    .filter((l) => l.text !== '')
    .sort((a, b) => b.y - a.y);
}
