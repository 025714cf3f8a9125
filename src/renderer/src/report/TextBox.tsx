// A plain-text box for narrative writing: keeps paragraphs (one per line),
// grows with its text, counts characters, and takes the keyboard when the
// editor is asked to bring the author to it (undo, a finding, a section jump).
import { useEffect, useRef } from 'react';
import { InsertSentence } from './InsertSentence';
import { MAX_SECTION_CHARS } from '../../../shared/model/limits';
import { useEditor, type Place } from './editorStore';
import { isLocked } from '../../../shared/model/status';

/** Characters as an author counts them: no spaces or line breaks. */
export function charCount(text: string): number {
  return text.replace(/\s/g, '').length;
}

/** How far below the box's top the line holding `offset` stands: the text up to it laid out as the box lays it out. */
function lineTop(box: HTMLTextAreaElement, offset: number): number {
  const style = getComputedStyle(box);
  const mirror = document.createElement('div');
  for (const p of ['font', 'letterSpacing', 'lineHeight', 'padding', 'border', 'boxSizing', 'wordBreak', 'overflowWrap'] as const)
    mirror.style[p] = style[p];
  Object.assign(mirror.style, { position: 'absolute', visibility: 'hidden', whiteSpace: 'pre-wrap', width: `${box.clientWidth}px` });
  mirror.textContent = box.value.slice(0, offset) + '\u200b';
  document.body.append(mirror);
  const top = mirror.scrollHeight - (parseFloat(style.lineHeight) || 0);
  mirror.remove();
  return Math.max(0, top);
}

/** Brings the marked words into view: within the box (it grows with its text up to a limit) and on the page around it. */
function scrollToSelection(box: HTMLTextAreaElement, offset: number): void {
  const at = lineTop(box, offset);
  box.scrollTop = Math.max(0, at - box.clientHeight / 3);
  let scroller: HTMLElement | null = box.parentElement;
  while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
  const view = scroller ?? document.scrollingElement;
  if (!view) return;
  const y = box.getBoundingClientRect().top + at - box.scrollTop;
  const viewTop = scroller ? scroller.getBoundingClientRect().top : 0;
  const viewHeight = scroller ? scroller.clientHeight : window.innerHeight;
  if (y < viewTop + 40 || y > viewTop + viewHeight - 60) view.scrollBy({ top: y - viewTop - viewHeight / 3 });
}

export function TextBox(props: {
  label: string;
  value: string;
  placeholder?: string;
  onChange: (text: string) => void;
  /** The place this box stands for; focus requests for it focus the box. */
  place: Place;
  rows?: number;
}) {
  const { label, value, placeholder, onChange, place, rows = 4 } = props;
  const ref = useRef<HTMLTextAreaElement>(null);
  const focus = useEditor((s) => s.focus);
  const final = useEditor((s) => isLocked(s.status) || s.readOnly);
  /** Where the cursor goes once an inserted sentence is in the box: after it. */
  const caret = useRef<number | null>(null);
  useEffect(() => {
    const box = ref.current;
    if (caret.current === null || !box) return;
    box.focus();
    box.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [value]);

  useEffect(() => {
    const p = focus?.place;
    const box = ref.current;
    if (!box || !p || p.cell || p.preamble || p.section !== place.section || (p.part ?? -1) !== (place.part ?? -1)) return;
    box.focus();
    // A finding about words marks them: selected, and brought into view.
    if (p.select) {
      box.setSelectionRange(p.select.start, p.select.end);
      scrollToSelection(box, p.select.start);
    }
  }, [focus, place.section, place.part]);

  return (
    <div className="text-box">
      <textarea
        ref={ref}
        aria-label={label}
        // Where the author was is kept by part (lastPlace.ts), so a report reopens in this very box.
        data-part={place.part}
        value={value}
        placeholder={placeholder}
        rows={rows}
        spellCheck={false}
        readOnly={final}
        onChange={(e) => onChange(e.target.value)}
        onPaste={(e) => {
          // A paste past the limit is handed over whole, before the browser lays out (and we refuse) a huge text.
          const box = e.currentTarget;
          const pasted = e.clipboardData.getData('text/plain');
          if (box.value.length - (box.selectionEnd - box.selectionStart) + pasted.length <= MAX_SECTION_CHARS) return;
          e.preventDefault();
          onChange(box.value.slice(0, box.selectionStart) + pasted + box.value.slice(box.selectionEnd));
        }}
      />
      <div className="text-foot">
        {!final && place.section !== 'proactive' && place.section !== 'requests' && place.section !== 'appeals' && (
          <InsertSentence
            place={{ text: place.section, ...(place.part !== undefined ? { part: place.part } : {}) }}
            onInsert={(sentence) => {
              const box = ref.current;
              const start = box ? box.selectionStart : value.length;
              const end = box ? box.selectionEnd : value.length;
              onChange(value.slice(0, start) + sentence + value.slice(end));
              caret.current = start + sentence.length;
            }}
          />
        )}
        <div className="text-count" aria-hidden="true">
          {charCount(value)} 字
        </div>
      </div>
    </div>
  );
}
