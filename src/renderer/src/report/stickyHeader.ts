// A table's column header stays in view while its rows scroll (表三 has 25
// rows under a three-row header; at 1366×768 the header would scroll away).
// Each header row sticks below the ones above it, so the offsets are measured
// from the rendered rows and follow them when the layout changes. The table
// also says how tall the header is (--sticky-top), so that a cell scrolled
// into view is not left under it. (The row labels stick while the table
// scrolls sideways by CSS alone: their columns' widths are known there.)
import { useLayoutEffect, type RefObject } from 'react';

/** The scrolling box of a section. */
export const SCROLLER = '.section-view';

export function useStickyHeader(table: RefObject<HTMLTableElement | null>, headerRows: number): void {
  useLayoutEffect(() => {
    const el = table.current;
    if (!el || headerRows === 0) return;
    const place = () => {
      const rows = [...el.tBodies[0]!.rows].slice(0, headerRows);
      const first = rows[0]?.offsetTop ?? 0;
      // Sticky offsets count from inside the scrolling box's padding: the header goes up to its very edge.
      const scroller = el.closest<HTMLElement>(SCROLLER);
      const padding = scroller ? parseFloat(getComputedStyle(scroller).paddingTop) || 0 : 0;
      for (const row of rows) {
        for (const cell of row.cells) {
          cell.classList.add('sticky-head');
          cell.style.top = `${row.offsetTop - first - padding}px`;
        }
      }
      const last = rows.at(-1)!;
      el.style.setProperty('--sticky-top', `${last.offsetTop + last.offsetHeight - first}px`);
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(el);
    return () => observer.disconnect();
  }, [table, headerRows]);
}
