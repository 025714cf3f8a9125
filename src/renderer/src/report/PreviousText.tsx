// Last year's text beside this year's, for reference: collapsed by default so
// it informs without inviting a copy, with how much of this year's text repeats it.
export function PreviousText({ year, text, repeated }: { year: number; text: string; repeated?: { repeated: number; total: number } }) {
  if (!text.trim()) return null;
  const percent = repeated && repeated.total > 0 ? Math.round((100 * repeated.repeated) / repeated.total) : null;
  return (
    <details className="previous-text">
      <summary>
        {year} 年报告原文
        {percent !== null && <span className={percent > 50 ? 'similar high' : 'similar'}>与上年相同 {percent}%</span>}
      </summary>
      <div className="previous-body">{text}</div>
    </details>
  );
}
