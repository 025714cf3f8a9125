// A quiet word on whether the last keystroke is on disk.
import { memo } from 'react';
import { useEditor } from './store';

export const SaveIndicator = memo(function SaveIndicator() {
  const save = useEditor((s) => s.save);
  const flush = useEditor((s) => s.flush);
  const reload = useEditor((s) => s.reload);
  if (save.kind === 'conflict')
    return (
      <span className="save-state failed" role="alert">
        未保存：{save.message}{' '}
        <button type="button" className="link" onClick={() => void reload()}>
          重新载入（放弃本窗口未保存的修改）
        </button>
      </span>
    );
  if (save.kind === 'failed')
    return (
      <span className="save-state failed" role="alert">
        未保存：{save.message}{' '}
        <button type="button" className="link" onClick={() => void flush()}>
          重试
        </button>
      </span>
    );
  return (
    <span className={`save-state ${save.kind}`} aria-live="polite">
      {save.kind === 'saved' ? '已保存' : '保存中…'}
    </span>
  );
});
