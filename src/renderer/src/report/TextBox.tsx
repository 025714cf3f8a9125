// A plain-text box for narrative writing: keeps paragraphs (one per line),
// grows with its text, counts characters, and takes the keyboard when the
// editor is asked to bring the author to it (undo, a finding, a section jump).
import { useEffect, useRef } from 'react';
import { MAX_SECTION_CHARS } from '../../../shared/model/limits';
import { useEditor, type Place } from './store';
import { isLocked } from '../../../shared/model/status';

/** Characters as an author counts them: no spaces or line breaks. */
export function charCount(text: string): number {
  return text.replace(/\s/g, '').length;
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

  useEffect(() => {
    const p = focus?.place;
    if (p && !p.cell && p.section === place.section && (p.part ?? -1) === (place.part ?? -1)) ref.current?.focus();
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
      <div className="text-count" aria-hidden="true">
        {charCount(value)} 字
      </div>
    </div>
  );
}
