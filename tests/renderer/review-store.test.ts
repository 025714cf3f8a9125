// The review page's store over the real handlers and real files: files are
// read through the same import.read call the page uses (here with the bytes
// taken in Node instead of by a FileReader), two at a time.
import { beforeEach, describe, expect, it } from 'vitest';
import { apiOverLibrary } from '../helpers/api';
import { exportWorkbook } from '../../src/main/services/excel';
import { reportToJson } from '../../src/shared/model/schema';
import { isReportFile, useReview, type PickedFile, type ReadFile } from '../../src/renderer/src/review/store';
import { seed } from '../shared/fixtures';

const fx = apiOverLibrary('nianbao-review-store-');

beforeEach(() => {
  useReview.setState({ current: [], previous: [], reading: null });
});

const read: ReadFile = async ({ file, name }) => {
  const res = await fx.api.files.read({ fileName: file.name, data: Buffer.from(await file.arrayBuffer()).toString('base64') });
  return res.ok ? { fileName: name, report: res.value.report, notes: res.value.notes } : { fileName: name, error: res.error.message };
};

async function files(): Promise<PickedFile[]> {
  // Workbooks take longer to read than JSON: results arrive out of order.
  const xlsx = await exportWorkbook({ ...seed, agency: '余杭区财政局' }, { findings: [], draft: false });
  const picked = (name: string, bytes: Uint8Array | string) => ({ file: new File([Buffer.from(bytes)], name.split('/').pop()!), name });
  return [
    picked('各单位/财政局.xlsx', xlsx),
    picked('各单位/统计局.json', reportToJson(seed)),
    picked('各单位/坏文件.json', '{"format": '),
    picked('各单位/民政局.json', reportToJson({ ...seed, agency: '余杭区民政局' })),
    picked('各单位/教育局.xlsx', await exportWorkbook({ ...seed, agency: '余杭区教育局' }, { findings: [], draft: false })),
    picked('各单位/司法局.json', reportToJson({ ...seed, agency: '余杭区司法局' })),
  ];
}

describe('the review store', () => {
  it('lists the files in the order given, a file it can’t read with its message', async () => {
    await useReview.getState().add('current', await files(), read);
    const { current, reading } = useReview.getState();
    expect(reading).toBeNull();
    expect(current.map((c) => c.fileName)).toEqual([
      '各单位/财政局.xlsx',
      '各单位/统计局.json',
      '各单位/坏文件.json',
      '各单位/民政局.json',
      '各单位/教育局.xlsx',
      '各单位/司法局.json',
    ]);
    expect(current.map((c) => ('report' in c ? c.report.agency : c.error))).toEqual([
      '余杭区财政局',
      '余杭区统计局',
      expect.stringContaining('坏文件.json'),
      '余杭区民政局',
      '余杭区教育局',
      '余杭区司法局',
    ]);
  });

  it('stops reading on cancel and keeps what was read before it', async () => {
    let calls = 0;
    let cancelled = false;
    const readBefore: string[] = [];
    // The user cancels as the third file is about to be read.
    const cancelAtThird: ReadFile = async (picked) => {
      if (++calls === 3) {
        cancelled = true;
        useReview.getState().cancel();
      }
      const input = await read(picked);
      if (!cancelled) readBefore.push(picked.name);
      return input;
    };
    const given = await files();
    await useReview.getState().add('current', given, cancelAtThird);
    expect(useReview.getState().reading).toBeNull();
    expect(calls).toBe(3);
    const order = given.map((g) => g.name);
    expect(useReview.getState().current.map((c) => c.fileName)).toEqual(readBefore.sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(readBefore.length).toBeGreaterThan(0);
    // A new batch may start at once.
    await useReview.getState().add('previous', given.slice(1, 2), read);
    expect(useReview.getState().previous.map((p) => p.fileName)).toEqual(['各单位/统计局.json']);
  });

  it('takes report files from a folder, not the notes and lock files beside them', () => {
    expect(
      ['a/报告.docx', 'a/报告.PDF', 'a/网页.mhtml', 'a/说明.txt', 'a/~$报告.docx', 'a/.DS_Store', 'a/旧.doc'].filter(isReportFile),
    ).toEqual(['a/报告.docx', 'a/报告.PDF', 'a/网页.mhtml', 'a/旧.doc']);
  });
});
