// 插入数据句: the sentences this report's tables make (src/shared/sentences),
// the box's own first, each in two or three phrasings; the one the author
// picks goes into the text at the cursor as ordinary text.
import { useEffect, useRef, useState } from 'react';
import { dataSentences, type TextPlace } from '../../../shared/sentences';
import { useEditor } from './editorStore';

export function InsertSentence({ place, onInsert }: { place: TextPlace; onInsert: (sentence: string) => void }) {
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !panel.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div className="insert-sentence" ref={panel}>
      <button
        type="button"
        className="link"
        aria-expanded={open}
        // The box keeps its cursor: the button does not take the focus from it.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setOpen(!open)}
      >
        插入数据句
      </button>
      {open && <SentenceMenu place={place} onPick={(s) => (setOpen(false), onInsert(s))} />}
    </div>
  );
}

function SentenceMenu({ place, onPick }: { place: TextPlace; onPick: (sentence: string) => void }) {
  const report = useEditor((s) => s.report)!;
  const groups = dataSentences(report, place);
  return (
    <div className="sentence-menu" role="dialog" aria-label="插入数据句">
      <p className="hint">按本报告表格中的数字生成，点一句插入到光标处，插入后可以照常修改。</p>
      {groups.map((g) => (
        <section key={g.id}>
          <h4>{g.title}</h4>
          {g.sentences.map((s) => (
            <div key={s.id} className="sentence">
              <span className="sentence-title">{s.title}</span>
              {'missing' in s ? (
                <span className="missing">表中“{s.missing}”未填，填好后可插入</span>
              ) : (
                <>
                  {s.phrasings.map((p) => (
                    <button key={p} type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => onPick(p)}>
                      {p}
                    </button>
                  ))}
                  {s.caution && <span className="caution">{s.caution}</span>}
                </>
              )}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
