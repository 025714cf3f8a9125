import { describe, expect, it } from 'vitest';
import { carriesLabels, labelledPasteNotice, withoutLabelColumns } from '../../src/renderer/src/report/clipboard';
import { cellDef, cellKey } from '../../src/shared/model/cells';

describe('pasting rows copied with their labels', () => {
  it('drops the label columns, a merged label included, and keeps the figures', () => {
    const copied = [
      ['三、本年度办理结果', '（一）予以公开', '9', '0', '—'],
      ['', '（二）部分公开', '1', '0', '0'],
    ];
    expect(withoutLabelColumns(copied)).toEqual({
      rows: [
        ['9', '0', '—'],
        ['1', '0', '0'],
      ],
      dropped: 2,
    });
  });

  it('leaves a block of figures, dashes or words alone when nothing numeric would remain to its right', () => {
    expect(
      withoutLabelColumns([
        ['10', '0'],
        ['—', '3'],
      ]),
    ).toEqual({
      rows: [
        ['10', '0'],
        ['—', '3'],
      ],
      dropped: 0,
    });
    expect(withoutLabelColumns([['十']])).toEqual({ rows: [['十']], dropped: 0 });
    expect(withoutLabelColumns([['无', '无']])).toEqual({ rows: [['无', '无']], dropped: 0 });
  });
});

describe('which pasted blocks go through the reader, and what the user is told', () => {
  it('a block with any word that is not a dash or a blank mark carries labels; figures and dashes alone do not', () => {
    expect(
      carriesLabels([
        ['10', '—'],
        ['0', '/'],
      ]),
    ).toBe(false);
    expect(
      carriesLabels([
        ['', '结果维持'],
        ['行政复议', '3'],
      ]),
    ).toBe(true);
  });

  it('names every cell it could not read with why, and keeps that notice until dismissed', () => {
    const lost = cellKey('requests', 'denied_secret', 'research');
    const notice = labelledPasteNotice({
      cells: [[cellKey('requests', 'granted', 'natural'), 3]],
      guessed: [],
      unread: [{ key: lost, remark: '「3.99E+06」是科学计数法显示的数字，已丢失准确的位数。' }],
      absent: [cellKey('requests', 'granted', 'total')],
      tables: ['requests'],
    });
    expect(notice.kind).toBe('error');
    expect(notice.text).toBe(
      `已按行列标题粘贴 1 个格子（表三（收到和处理政府信息公开申请情况））。没有读出 ${cellDef(lost)!.name}（保持原值）：「3.99E+06」是科学计数法显示的数字，已丢失准确的位数。粘贴内容里没有的 1 个格子保持原值。`,
    );
  });
});
