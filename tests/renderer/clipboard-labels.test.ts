import { describe, expect, it } from 'vitest';
import { withoutLabelColumns } from '../../src/renderer/src/report/clipboard';

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
