// The layout corpus (tests/fixtures/xlsx/corpus.ts): every layout offices make
// by hand, filled with real published figures and with figures where every
// cell differs, as exceljs writes them and as LibreOffice re-saves them. Each
// cell must come out exact, or blank with a remark where the layout can't
// say; a wrong number is never acceptable.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../src/main/services/excel';
import { CELLS } from '../../src/shared/model/cells';
import type { CorpusEntry } from '../fixtures/xlsx/corpus';

const DIR = join(__dirname, '../fixtures/xlsx/corpus');
const entries = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .sort()
  .map((f) => ({ file: f.replace(/\.expected\.json$/, '.xlsx'), entry: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as CorpusEntry }));

interface Outcome {
  wrong: string[];
  missed: string[];
  unexplained: string[];
}

async function outcome(file: string, entry: CorpusEntry): Promise<Outcome> {
  const result = await importWorkbook(join(DIR, file));
  if (!result.ok) throw new Error(result.error.message);
  const { record } = result.value;
  const out: Outcome = { wrong: [], missed: [], unexplained: [] };
  for (const c of CELLS) {
    const want = entry.cells[c.key];
    const got = record.cells[c.key];
    const value = got.status === 'matched' || got.status === 'guessed' ? got.value : undefined;
    if (want === 'blank') {
      if (value !== undefined) out.wrong.push(`${c.key}: ${String(value)} (should be blank)`);
      else if (got.status !== 'left_blank' || !got.remark) out.unexplained.push(c.key);
    } else if (value === undefined) out.missed.push(`${c.key} (${got.status}${got.status === 'left_blank' ? `: ${got.remark}` : ''})`);
    else if (value !== want) out.wrong.push(`${c.key}: ${String(value)} ≠ ${want}`);
  }
  return out;
}

describe('the layout corpus', () => {
  it('returns no number that differs from its truth in any file, and names every cell it does not read', async () => {
    let wrong = 0;
    const unnamed: string[] = [];
    for (const { file, entry } of entries) {
      const result = await importWorkbook(join(DIR, file));
      if (!result.ok) throw new Error(result.error.message);
      const o = await outcome(file, entry);
      wrong += o.wrong.length;
      for (const c of CELLS) {
        const got = result.value.record.cells[c.key];
        if ((got.status === 'left_blank' || got.status === 'not_found') && !result.value.report.unread?.[c.key])
          unnamed.push(`${file} ${c.key}`);
      }
    }
    expect(wrong, 'wrong numbers over the corpus').toBe(0);
    expect(unnamed, 'cells not read and not named').toEqual([]);
  });

  it.each(entries.map((e) => [e.file, e.entry] as const))('%s: every cell exact or blank with a remark', async (file, entry) => {
    const o = await outcome(file, entry);
    expect(o.wrong, 'wrong numbers').toEqual([]);
    expect(o.missed, 'cells not read').toEqual([]);
    expect(o.unexplained, 'blanks without a remark').toEqual([]);
  });
});
