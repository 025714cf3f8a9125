// The 汇总与审核 page's store over the real handlers and a real library file:
// files arrive as the page sends them (here their bytes taken in Node instead
// of by a FileReader), two at a time, each put with its body by main; what
// could not be taken is listed with its reason, a body not on the roster is
// named, and a cancel stops the sending between files.
import { beforeEach, describe, expect, it } from 'vitest';
import { apiOverLibrary, value } from '../helpers/api';
import { exportWorkbook } from '../../src/main/services/excel';
import { reportToJson } from '../../src/shared/model/report-json';
import { isReportFile } from '../../src/shared/formats';
import { createRoundStore, type PickedFile } from '../../src/renderer/src/review/roundStore';
import { seed } from '../shared/fixtures';

const fx = apiOverLibrary('nianbao-round-store-');
const encode = async (file: File) => Buffer.from(await file.arrayBuffer()).toString('base64');
let store: ReturnType<typeof createRoundStore>;

beforeEach(async () => {
  value(
    await fx.api.rounds.create({
      year: 2022,
      region: '余杭区人民政府',
      roster: ['余杭区财政局', '余杭区统计局', '余杭区民政局', '余杭区教育局', '余杭区司法局', '仓前街道'].map((name) => ({
        name,
        level: name.endsWith('街道') ? ('乡镇街道' as const) : ('县区部门' as const),
      })),
    }),
  );
  store = createRoundStore(fx.api, encode);
  await store.getState().load();
});

async function files(): Promise<PickedFile[]> {
  // Workbooks take longer to read than JSON: answers arrive out of order.
  const xlsx = await exportWorkbook({ ...seed, agency: '余杭区财政局' }, { findings: [], draft: false });
  const picked = (name: string, bytes: Uint8Array | string) => ({ file: new File([Buffer.from(bytes)], name.split('/').pop()!), name });
  return [
    picked('各单位/财政局.xlsx', xlsx),
    picked('各单位/统计局.json', reportToJson(seed)),
    picked('各单位/坏文件.json', '{"format": '),
    picked('各单位/民政局.json', reportToJson({ ...seed, agency: '余杭区民政局' })),
    picked('各单位/教育局.xlsx', await exportWorkbook({ ...seed, agency: '余杭区教育局' }, { findings: [], draft: false })),
    picked('各单位/水利局.json', reportToJson({ ...seed, agency: '余杭区水利局' })),
  ];
}

describe('the round store', () => {
  it('receives every file, lists what it could not take, names a body not on the roster', async () => {
    await store.getState().receive(await files(), false);
    const { view, arriving, refused, added } = store.getState();
    expect(arriving).toBeNull();
    expect(view!.bodies.map((b) => [b.name, b.status])).toEqual([
      ['余杭区财政局', '已报送'],
      ['余杭区统计局', '已报送'],
      ['余杭区民政局', '已报送'],
      ['余杭区教育局', '已报送'],
      ['余杭区司法局', '未报送'],
      ['仓前街道', '未报送'],
      ['余杭区水利局', '已报送'],
    ]);
    expect(refused).toEqual([{ fileName: '各单位/坏文件.json', error: expect.stringContaining('坏文件.json') }]);
    expect(added).toEqual(['余杭区水利局']);
  });

  it('stops sending on cancel and keeps what was received before it', async () => {
    let sent = 0;
    const cancelling = createRoundStore(fx.api, async (file) => {
      // The user stops as the third file is about to go.
      if (++sent === 3) cancelling.getState().cancel();
      return encode(file);
    });
    await cancelling.getState().load();
    await cancelling.getState().receive(await files(), false);
    expect(cancelling.getState().arriving).toBeNull();
    const received = cancelling.getState().view!.bodies.filter((b) => b.submissions > 0).length;
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(5);
    // A new batch may start at once.
    await cancelling.getState().receive((await files()).slice(5), false);
    expect(cancelling.getState().added).toEqual(['余杭区水利局']);
  });

  it('takes report files from a folder, not the notes and lock files beside them', () => {
    expect(
      ['a/报告.docx', 'a/报告.PDF', 'a/网页.mhtml', 'a/说明.txt', 'a/~$报告.docx', 'a/.DS_Store', 'a/旧.doc'].filter(isReportFile),
    ).toEqual(['a/报告.docx', 'a/报告.PDF', 'a/网页.mhtml', 'a/旧.doc']);
  });
});
