// The published PDF a district wrote with WPS (/work/shared/samples, or the
// copy beside the repository in CI): cell borders drawn one by one, 表四's
// borders a point or two apart from row to row, 表三's （六） as the older
// single row of zeros. It must read to exactly its hand transcription.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../src/main/services/sources';
import { CELLS } from '../../src/shared/model/cells';
import { valueOf, type Report } from '../../src/shared/model/report';

const SAMPLES = [join(__dirname, '../../../shared/samples'), '/work/shared/samples'].find((d) => existsSync(join(d, 'hongze-2024.pdf')));

describe.runIf(SAMPLES)('hongze-2024.pdf, written by WPS', () => {
  it('reads every cell and the three texts exactly as transcribed', async () => {
    const truth = JSON.parse(readFileSync(join(SAMPLES!, 'hongze-2024.json'), 'utf8')) as Report;
    const read = await importDocument('pdf', readFileSync(join(SAMPLES!, 'hongze-2024.pdf')), { fileName: 'hongze-2024.pdf' });
    if (!read.ok) throw new Error(read.error.message);
    const { report, record } = read.value;
    const differ = CELLS.filter((c) => valueOf(report, c) !== valueOf(truth, c)).map((c) => `${c.key}: ${String(valueOf(report, c))}`);
    expect(differ).toEqual([]);
    expect(report.narratives).toEqual(truth.narratives);
    expect(report.unread).toBeUndefined();
    // The （六） row of zeros stands for its three rows, and the record says so.
    expect(record.cells['requests.other_other.natural']).toMatchObject({
      value: 0,
      readings: [{ kind: 'sum', heading: '（六）其他处理' }],
    });
  });
});
