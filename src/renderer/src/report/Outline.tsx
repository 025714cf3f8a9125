// The six sections with where each stands, and the report's overall progress.
import { memo } from 'react';
import { SECTIONS } from '../../../shared/template/gov2021';
import type { SectionId } from '../../../shared/template/gov2021';
import type { SectionStatus } from './sectionStatus';
import { useEditor } from './editorStore';

const STATUS_CLASS: Record<SectionStatus, string> = { 未开始: 'todo', 填写中: 'doing', 有错误: 'error', 待核实: 'check', 完成: 'done' };

/** The page hands a new statuses object on every edit; the outline re-renders only when a status changed. */
export const Outline = memo(OutlineView, (a, b) => SECTIONS.every((s) => a.statuses[s.id] === b.statuses[s.id]));

function OutlineView({ statuses }: { statuses: Record<SectionId, SectionStatus> }) {
  const current = useEditor((s) => s.section);
  const goTo = useEditor((s) => s.goTo);
  const done = SECTIONS.filter((s) => statuses[s.id] === '完成').length;
  return (
    <nav className="outline" aria-label="报告大纲">
      <div className="progress" aria-label={`已完成 ${done} / ${SECTIONS.length} 节`}>
        <span>
          已完成 {done} / {SECTIONS.length} 节
        </span>
        <div className="bar">
          <div style={{ width: `${(100 * done) / SECTIONS.length}%` }} />
        </div>
      </div>
      <ol>
        {SECTIONS.map((s) => (
          <li key={s.id}>
            <button type="button" aria-current={s.id === current ? 'step' : undefined} onClick={() => goTo({ section: s.id })}>
              <span className="outline-heading">{s.heading}</span>
              <span className={`section-status st-${STATUS_CLASS[statuses[s.id]]}`}>{statuses[s.id]}</span>
            </button>
          </li>
        ))}
      </ol>
      <p className="outline-keys">Alt+1…6 跳到各节，Alt+↑/↓ 上一节、下一节</p>
    </nav>
  );
}
