// A date typed and shown the way a 公文 writes it (2025年1月20日), whatever the
// browser's language: the browser's own date input shows mm/dd/yyyy under an
// English locale. It takes 2025-1-20, 2025/1/20 and 二〇二五年一月二十日 too;
// ↑/↓ move it a day. What it holds is the ISO date the report keeps; a date
// that is no day stays in the box, marked, and is not taken.
import { useState } from 'react';
import { localToday, printedDate, readDate } from '../../../shared/model/dates';

/** The day before or after an ISO date. */
function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** What the box holds, read as a date: the closing 日 may still be to come while typing. */
const dateOf = (text: string) => readDate(text) ?? readDate(`${text}日`);

interface Props {
  /** ISO date, or '' for none. */
  value: string;
  /** Called with each date the box comes to hold, and '' when it is emptied. */
  onChange: (iso: string) => void;
  disabled?: boolean;
  placeholder?: string;
  className?: string;
  title?: string;
}

export function DateField({ value, onChange, disabled, placeholder, className, title }: Props) {
  /** The text while the author types; null shows the date in its printed form. */
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? (value ? printedDate(value) : '');
  const wrong = text !== null && text.trim() !== '' && !dateOf(text);

  function take(next: string) {
    setText(next);
    const iso = dateOf(next);
    if (iso) {
      if (iso !== value) onChange(iso);
    } else if (next.trim() === '' && value !== '') onChange('');
  }

  return (
    <span className="date-field">
      <input
        className={className}
        value={shown}
        disabled={disabled}
        placeholder={placeholder}
        title={wrong ? '请写成 2025年1月20日 或 2025-1-20' : title}
        aria-invalid={wrong || undefined}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => take(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !wrong) setText(null);
          else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && !e.altKey && !e.ctrlKey) {
            e.preventDefault();
            const next = addDays(dateOf(shown) ?? localToday(), e.key === 'ArrowUp' ? 1 : -1);
            onChange(next);
            setText(null);
          }
        }}
        // Left with a proper date (or none), the box shows it in the printed form; a wrong one stays to be put right.
        onBlur={() => !wrong && setText(null)}
      />
      {wrong && (
        <span className="field-problem" role="alert">
          日期写法不对
        </span>
      )}
    </span>
  );
}
