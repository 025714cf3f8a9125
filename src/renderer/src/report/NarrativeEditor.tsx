// 五、存在的主要问题及改进情况 and 六、其他需要报告的事项: one plain-text box,
// with last year's text of the same section for reference.
import { narrativeRepetition } from '../../../shared/rules/engine';
import type { NarrativeId } from '../../../shared/template/gov2021';
import { PreviousText } from './PreviousText';
import { useEditor } from './editorStore';
import { TextBox } from './TextBox';
import { SectionCount, SectionRefusal } from './SectionLength';

export function NarrativeEditor({ id, heading }: { id: NarrativeId; heading: string }) {
  const report = useEditor((s) => s.report)!;
  const previous = useEditor((s) => s.previous);
  const setNarrative = useEditor((s) => s.setNarrative);
  const repetition = previous ? narrativeRepetition(report, previous)[id] : undefined;
  return (
    <div className="narrative">
      <TextBox label={heading} value={report.narratives[id]} onChange={(t) => setNarrative(id, t)} place={{ section: id }} rows={10} />
      <SectionRefusal id={id} />
      <SectionCount id={id} />
      {previous && <PreviousText year={previous.year} text={previous.narratives[id]} repeated={repetition} />}
    </div>
  );
}
