// 还差什么 above the findings: what keeps the report from going out as final,
// each item a click from its place, and 全部修正 for what the rules can fix
// by themselves (one undo step, and it says what it changed).
import { memo } from 'react';
import { describeFixes } from '../../../shared/rules/fix-all';
import { useNotices } from '../common/notices';
import { findingsOf } from './findings';
import { useEditor } from './editorStore';
import { type TodoItem } from './todo';
import { progressOf } from './progress';
import { isLocked } from '../../../shared/model/status';
import { memo as remember } from '../../../shared/memo';

/** Re-renders when the list says something else, not on every keystroke. */
export const TodoPanel = memo(function TodoPanel() {
  const items = useEditor((s) => todoKey(progressOf(s.report!, s.previous, s.status).todo));
  const fixable = useEditor((s) => !isLocked(s.status) && !s.readOnly && findingsOf(s.report!, s.previous).some((f) => f.fix));
  const { goTo, fixAll } = useEditor.getState();
  const show = useNotices((s) => s.show);
  const list = JSON.parse(items) as TodoItem[];
  if (list.length === 0) return null;
  return (
    <section className="todo-panel" aria-label="还差什么">
      <h2>
        还差什么
        {fixable && (
          <button
            type="button"
            className="fix-all"
            title="一次完成所有明确的修正：空格填 0、重算总计、上年结转按上年报告填入（Ctrl+Z 可整体撤销）"
            onClick={() => {
              const applied = fixAll();
              show('info', applied.length > 0 ? `已全部修正：${describeFixes(applied)}；按 Ctrl+Z 可整体撤销` : '没有可以自动修正的问题');
            }}
          >
            全部修正
          </button>
        )}
      </h2>
      <ol>
        {list.map((item) => (
          <li key={item.key} className={`todo todo-${item.kind}`}>
            {item.place ? (
              <button type="button" className="link" onClick={() => goTo(item.place!)}>
                {item.text}
              </button>
            ) : (
              <span>{item.text}</span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
});

/**
 * The list as a string, so the selector's result compares equal while the list stays the same;
 * written once per list (one per report version), not at each of the store's changes.
 */
const todoKey = remember((items: readonly TodoItem[]): string => JSON.stringify(items));
