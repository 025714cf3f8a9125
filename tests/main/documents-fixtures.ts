// Reports for the document tests: the real seed, and the seed with every
// table cell set to a value of its own, so a value printed in the wrong cell
// cannot go unnoticed.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CELLS, type CellKey } from '../../src/shared/model/cells';
import { setCells, type CellValue, type Report } from '../../src/shared/model/report';

export const ARTIFACTS = join(__dirname, '..', '..', 'artifacts', 'documents');
mkdirSync(ARTIFACTS, { recursive: true });

export function seedReport(): Report {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'seed-2022.json'), 'utf8')) as Report;
}

/** The seed with cell i holding 101 + i (the fee amount a decimal, one cell a dash mark, one blank). */
export function distinctValuesReport(): Report {
  const changes = CELLS.map((c, i) => [c.key, 101 + i] as [CellKey, CellValue]);
  changes.push(['proactive.fees.amount', 12.3456], ['requests.denied_secret.research', '—'], ['appeals.review.pending', null]);
  return setCells(seedReport(), changes);
}

/** Plain text of a PDF, page by page (pdftotext). */
export function pdfPages(pdfPath: string): string[] {
  return execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim() !== '');
}

/** Page sizes of a PDF in points, one per page (pdfinfo). */
export function pdfPageSizes(pdfPath: string): { width: number; height: number }[] {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdfPath], { encoding: 'utf8' });
  return [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** Renders each page of a PDF as a PNG under artifacts/documents, to be looked at. */
export function keepPagesAsPng(pdfPath: string, prefix: string): void {
  // The pages of an earlier, longer rendering must not pass for this one's.
  for (const f of readdirSync(ARTIFACTS)) if (new RegExp(`^${prefix}-\\d+\\.png$`).test(f)) rmSync(join(ARTIFACTS, f));
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, join(ARTIFACTS, prefix)]);
}

/** A4 in points, portrait; landscape swaps them. */
export const A4_PT = { width: 595.3, height: 841.9 };
export function isA4(size: { width: number; height: number }, landscape = false): boolean {
  const [w, h] = landscape ? [A4_PT.height, A4_PT.width] : [A4_PT.width, A4_PT.height];
  return Math.abs(size.width - w) < 1.5 && Math.abs(size.height - h) < 1.5;
}
