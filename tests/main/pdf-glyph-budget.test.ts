// The drawing operations of Type 3 glyph programs are counted against the
// read's budget before pdfjs parses them; they are lexed only where a bound
// of their count could break a limit. These tests hold the counts to exactly
// the files they refused before: a limit one operation below a file's count
// refuses it, a limit at its count reads it, for the page limit and the
// file's total alike.
import { describe, expect, it } from 'vitest';
import { READER_LIMITS, ReadBudget, ReaderRefusal, type ReaderLimits } from '../../src/main/services/sources/budget';
import { pdfDocument } from '../../src/main/services/sources/pdf-source';
import { Lexer, Tok, tokensAtMost } from '../../src/main/services/sources/pdf-syntax';
import { pdfFile, type PdfObject } from '../fixtures/documents/pdf-writer';

const GLYPHS = 'abcdefghijklmnopqrstuvwxyz';

/** Glyph `g` of font `f`: a box and a few strokes, as a glyph outline is drawn; its comment is no operation, though a bound counts its words. */
const glyph = (f: number, g: number) =>
  `% glyph ${g} of font ${f}\n500 0 0 0 500 500 d1\nq 1 0 0 1 ${f} ${g} cm\n` +
  Array.from(
    { length: 5 + ((f * 7 + g) % 11) },
    (_, k) => `${k * 10} ${g} m ${k * 10 + 40} ${500 - g} l ${k}.5 ${g}.25 ${k * 3} ${g * 2} re`,
  ).join('\n') +
  '\nf Q';

/** What the Lexer counts in `text`: the operations the budget counts (every operator and operand). */
function tokens(text: string): number {
  const lex = new Lexer(Buffer.from(text, 'latin1'));
  let n = 0;
  while (lex.next() !== Tok.Eof) n++;
  return n;
}

/** Three pages, each the first to use its own Type 3 font of 26 glyphs; and each page's operations with its font's glyphs. */
function threeFontPdf(): { pdf: Buffer; perPage: number[] } {
  const pages = 3;
  // Each page: its object, its content, its font and the font's glyph programs.
  const span = 3 + GLYPHS.length;
  const objects: PdfObject[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, p) => `${3 + p * span} 0 R`).join(' ')}] /Count ${pages} >>`,
  ];
  const perPage: number[] = [];
  for (let p = 0; p < pages; p++) {
    const [page, content, font] = [3 + p * span, 4 + p * span, 5 + p * span];
    const text = `BT /T${p} 12 Tf 72 700 Td (${GLYPHS}) Tj ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /T${p} ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      { dict: '<< >>', data: text, deflate: true },
      `<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 500] /FontMatrix [0.002 0 0 0.002 0 0] /CharProcs << ${[...GLYPHS].map((g, k) => `/${g} ${font + 1 + k} 0 R`).join(' ')} >> /Encoding << /Type /Encoding /Differences [97 ${[...GLYPHS].map((g) => `/${g}`).join(' ')}] >> /FirstChar 97 /LastChar 122 /Widths [${Array<number>(GLYPHS.length).fill(500).join(' ')}] >>`,
      ...[...GLYPHS].map((_, g) => ({ dict: '<< >>', data: glyph(p, g), deflate: true })),
    );
    expect(objects.length).toBe(page - 1 + span);
    perPage.push(tokens(text) + [...GLYPHS].reduce((n, _, g) => n + tokens(glyph(p, g)), 0));
  }
  return { pdf: pdfFile(objects), perPage };
}

async function read(pdf: Buffer, limits: Partial<ReaderLimits>) {
  try {
    const r = await pdfDocument(pdf, 'glyphs.pdf', new ReadBudget('glyphs.pdf', { ...READER_LIMITS, ...limits }));
    return r.ok ? 'read' : r.error.message;
  } catch (err) {
    if (err instanceof ReaderRefusal) return err.message;
    throw err;
  }
}

describe('Type 3 glyph programs against the drawing budget', () => {
  const { pdf, perPage } = threeFontPdf();
  const total = perPage.reduce((a, b) => a + b, 0);

  it('reads the file at its own counts', async () => {
    expect(await read(pdf, { pageOperations: Math.max(...perPage), operations: total })).toBe('read');
  });

  it('refuses the page one operation past the page limit, its glyphs counted exactly', async () => {
    const most = Math.max(...perPage);
    const page = perPage.indexOf(most) + 1;
    expect(await read(pdf, { pageOperations: most - 1 })).toBe(
      `「glyphs.pdf」PDF 第 ${page} 页绘图指令过多（超过 ${(most - 1).toLocaleString('en-US')} 条），不像一份年报：请只保留年报本身（删除与年报无关的内容、附件或图表）后另存，再导入`,
    );
  });

  it('refuses the file one operation past its total, on the page where the total is passed', async () => {
    expect(await read(pdf, { operations: total - 1 })).toMatch(/^「glyphs\.pdf」各页绘图指令合计过多（到第 3 页已超过/);
    expect(await read(pdf, { operations: perPage[0]! + perPage[1]! - 1 })).toMatch(/^「glyphs\.pdf」各页绘图指令合计过多（到第 2 页已超过/);
  });
});

describe('tokensAtMost', () => {
  it('never counts fewer tokens than the Lexer finds', () => {
    const alphabet = ' \n\r\t()<>[]{}/%\\0123456789.-+qQreEIDmlS#';
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let t = 0; t < 20_000; t++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(tokensAtMost(Buffer.from(text, 'latin1')), JSON.stringify(text)).toBeGreaterThanOrEqual(tokens(text));
    }
  });

  it('counts ordinary drawing operations exactly', () => {
    const text = glyph(3, 4).replace(/^%.*\n/, '');
    expect(tokensAtMost(Buffer.from(text, 'latin1'))).toBe(tokens(text));
  });
});
