// 一、总体情况 as the format lays it out: an opening paragraph and five parts
// under their sub-headings, each in its own box; stored as the one overview
// text (overviewParts.ts parses and recomposes it).
import { useMemo } from 'react';
import { narrativeRepetition } from '../../../shared/rules/engine';
import { OVERVIEW_PARTS, composeOverview, parseOverview, withOpening, withPart } from './overviewParts';
import { PreviousText } from './PreviousText';
import { useEditor } from './editorStore';
import { TextBox } from './TextBox';
import { SectionCount, SectionRefusal } from './SectionLength';

export function OverviewEditor() {
  const report = useEditor((s) => s.report)!;
  const previous = useEditor((s) => s.previous);
  const setNarrative = useEditor((s) => s.setNarrative);
  const text = report.narratives.overview;
  const parsed = useMemo(() => parseOverview(text), [text]);
  const previousParts = useMemo(() => (previous ? parseOverview(previous.narratives.overview) : null), [previous]);
  const repetition = previous ? narrativeRepetition(report, previous).overview : undefined;

  return (
    <div className="overview">
      {previous && (
        <p className="hint">
          与 {previous.year} 年报告相同的文字约占本节{' '}
          {repetition && repetition.total > 0 ? Math.round((100 * repetition.repeated) / repetition.total) : 0}
          %（超过一半会被视为内容雷同）。
        </p>
      )}
      <SectionCount id="overview" />
      <section className="part">
        <h3>开头段落</h3>
        <TextBox
          label="开头段落"
          value={parsed.opening.join('\n')}
          placeholder="例如：本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》……现将本机关政府信息公开工作情况报告如下。"
          onChange={(t) => setNarrative('overview', composeOverview(withOpening(parsed, t)))}
          place={{ section: 'overview' }}
          rows={3}
        />
        <SectionRefusal id="overview" />
      </section>
      {OVERVIEW_PARTS.map((part, i) => (
        <section className="part" key={part.heading}>
          <h3 className={parsed.parts[i]!.heading ? '' : 'missing'}>{parsed.parts[i]!.heading ?? part.heading}</h3>
          <p className="hint">{part.guidance}</p>
          <TextBox
            label={part.heading}
            value={parsed.parts[i]!.lines.join('\n')}
            onChange={(t) => setNarrative('overview', composeOverview(withPart(parsed, i, t)), i + 1)}
            place={{ section: 'overview', part: i + 1 }}
          />
          <SectionRefusal id="overview" part={i + 1} />
          {previousParts && <PreviousText year={previous!.year} text={previousParts.parts[i]!.lines.join('\n')} />}
        </section>
      ))}
    </div>
  );
}
