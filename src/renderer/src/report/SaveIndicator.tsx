// A quiet word on whether the last keystroke is on disk; when it is not, a
// banner under the header says why and offers what can be done (retry, or
// reload a report saved elsewhere meanwhile).
import { memo } from 'react';
import { useEditor, type EditorState } from './editorStore';
import { useEditorAfterFrame } from './afterFrame';

const saveOf = (s: EditorState) => s.save;

/** 已保存 or 保存中…, told in the frame after an edit (afterFrame.ts); a failed save says so in SaveProblem, at once. */
export const SaveIndicator = memo(function SaveIndicator() {
  const save = useEditorAfterFrame(saveOf);
  if (save.kind === 'failed' || save.kind === 'conflict') return <span className="save-state failed">未保存</span>;
  return (
    <span className={`save-state ${save.kind}`} aria-live="polite">
      {save.kind === 'saved' ? '已保存' : '保存中…'}
    </span>
  );
});

export const SaveProblem = memo(function SaveProblem() {
  const save = useEditor((s) => s.save);
  const flush = useEditor((s) => s.flush);
  const reload = useEditor((s) => s.reload);
  if (save.kind !== 'failed' && save.kind !== 'conflict') return null;
  return (
    <p className="save-banner" role="alert">
      未保存：{save.message}{' '}
      {save.kind === 'conflict' ? (
        <button type="button" className="link" onClick={() => void reload()}>
          重新载入（放弃本窗口未保存的修改）
        </button>
      ) : (
        <button type="button" className="link" onClick={() => void flush()}>
          重试
        </button>
      )}
    </p>
  );
});
