// 定稿 only when nothing blocks it; otherwise say plainly what is still missing.
import { memo } from 'react';
import type { Finding } from '../../../shared/rules/types';
import { isLocked } from '../../../shared/model/status';
import { blockingCounts } from '../../../shared/rules/explanations';
import { StatusBadge } from '../common/StatusBadge';
import { useNotices } from '../common/notices';
import { useEditor } from './editorStore';
import { useAppInfo } from '../common/appInfo';

/** The page hands a new list on every edit; the control re-renders only when what blocks changed. */
export const FinalizeControl = memo(
  FinalizeControlView,
  (a, b) =>
    a.onFinalizeExport === b.onFinalizeExport &&
    a.blocking.length === b.blocking.length &&
    a.blocking.every(
      (f, i) => f.id === b.blocking[i]!.id && f.severity === b.blocking[i]!.severity && f.section === b.blocking[i]!.section,
    ),
);

/**
 * `onFinalizeExport`: 定稿并导出 as one action — the final Word document at
 * once where nothing blocks, else the export dialog asking only for what is
 * missing.
 */
function FinalizeControlView({ blocking, onFinalizeExport }: { blocking: readonly Finding[]; onFinalizeExport: () => void }) {
  const status = useEditor((s) => s.status);
  // A read-only library can't store a change of status: the buttons say why instead of failing.
  const readOnly = useAppInfo((s) => s.info?.readOnly) ?? undefined;
  const setStatus = useEditor((s) => s.setStatus);
  const goTo = useEditor((s) => s.goTo);
  const show = useNotices((s) => s.show);
  const missing = `还不能定稿：${blockingCounts(blocking)}`;

  async function change(next: '定稿' | '草稿') {
    const res = await setStatus(next);
    if (res && !res.ok) show('error', res.error.message);
    else if (res) show('info', next === '定稿' ? '报告已定稿' : '报告已改回草稿');
  }

  // 定稿 and 已发布 alike: read-only until turned back into a draft.
  if (isLocked(status))
    return (
      <div className="finalize">
        <StatusBadge status={status} />
        <button type="button" disabled={!!readOnly} title={readOnly} onClick={() => void change('草稿')}>
          改回草稿
        </button>
      </div>
    );
  return (
    <div className="finalize">
      <StatusBadge status={status} />
      {blocking.length > 0 ? (
        <button
          type="button"
          className="link missing"
          title={missing}
          aria-label={missing}
          onClick={() => goTo({ section: blocking[0]!.section, finding: blocking[0]!.id })}
        >
          {/* A narrow header has room for the count only: cut to 「还…」 the line would say nothing. */}
          <span className="long">{missing}</span>
          <span className="short">还差 {blocking.length} 项</span>
        </button>
      ) : (
        <span className="hint">检查已通过</span>
      )}
      <button type="button" disabled={blocking.length > 0 || !!readOnly} title={readOnly} onClick={() => void change('定稿')}>
        标记为定稿
      </button>
      <button
        type="button"
        className="primary"
        disabled={!!readOnly}
        title={readOnly ?? (blocking.length > 0 ? '列出定稿还差的问题，处理完即可定稿并导出' : '标记为定稿，并导出正式的 Word 文档')}
        onClick={onFinalizeExport}
      >
        定稿并导出
      </button>
    </div>
  );
}
