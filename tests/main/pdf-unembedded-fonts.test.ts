// A report PDF whose Chinese font is not embedded (宋体 as STSong-Light with
// the UniGB-UCS2-H CMap, as portal systems' Java exporters write it) is read
// by the command like any other: its text through pdfjs-dist's own CMaps,
// its tables from their borders — not taken for a scan. The same file
// "protected" (encrypted, no password to open) reads the same.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfjsFolder } from '../../src/main/services/sources/pdf-source';
import { CELLS } from '../../src/shared/model/cells';
import { setCells, type Report } from '../../src/shared/model/report';
import { seedSections } from '../fixtures/documents/office';
import { unembeddedReportPdf } from '../fixtures/documents/unembedded';
import { nianbao } from '../helpers/nianbao';
import { seedReport } from './documents-fixtures';

const work = mkdtempSync(join(tmpdir(), 'nianbao-unembedded-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every cell a value of its own: a value read into the wrong cell cannot pass. */
const report: Report = setCells(
  seedReport(),
  CELLS.map((c, i) => [c.key, 1000 + i]),
);

describe('a PDF whose 宋体 is not embedded', () => {
  it.each([
    ['plain', false],
    ['protected (encrypted, opens without a password)', true],
  ])('%s: nianbao inspect reads every cell, the body, the year and the text', async (_, encrypted) => {
    const pdf = join(work, `${encrypted ? 'protected' : 'plain'}.pdf`);
    writeFileSync(pdf, unembeddedReportPdf(report, { encrypted }));
    const run = await nianbao(['inspect', pdf]);
    expect(run.stderr).not.toContain('扫描件');
    expect(run.code, run.stderr).toBe(0);
    const back = JSON.parse(run.stdout) as Report;
    expect(back.tables).toEqual(report.tables);
    expect(back.agency).toBe('余杭区统计局');
    expect(back.year).toBe(2022);
    expect(back.narratives.problems).toBe(seedSections().problems.join('\n'));
  });
});

describe('where pdfjs finds its CMaps and standard fonts', () => {
  it('in the packaged app on Windows: the copy unpacked beside app.asar, as a path with forward slashes', () => {
    const inside = 'C:\\Users\\科员\\AppData\\Local\\Programs\\年报编制助手\\resources\\app.asar\\node_modules\\pdfjs-dist\\cmaps';
    expect(pdfjsFolder(inside, '\\', (path) => path.includes('app.asar.unpacked'))).toBe(
      'C:/Users/科员/AppData/Local/Programs/年报编制助手/resources/app.asar.unpacked/node_modules/pdfjs-dist/cmaps/',
    );
  });

  it('where nothing is unpacked (a checkout, the command line): the installed folder itself', () => {
    expect(pdfjsFolder('/opt/nianbao/node_modules/pdfjs-dist/cmaps', '/', () => false)).toBe('/opt/nianbao/node_modules/pdfjs-dist/cmaps/');
  });
});
