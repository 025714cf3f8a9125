// A table's column header stays in view while its rows scroll (表三 has 25
// rows under a three-row header; at 1366×768 the header would scroll away).
// Each header row sticks below the ones above it, so the offsets are measured
// from the rendered rows and follow them when the layout changes. The row
// labels stick while the table scrolls sideways by CSS alone (their columns'
// widths are known there), and only while the table is wider than the
// section. The table also says, in pixels, how much of the
// section the header and the labels cover (--sticky-top, --sticky-left), so
// that a cell scrolled into view is not left under them: measured here once
// per layout rather than worked out by every cell from the section's width.
import { useLayoutEffect, type RefObject } from 'react';

/** The scrolling box of a section. */
export const SCROLLER = '.section-view';

export function useStickyHeader(table: RefObject<HTMLTableElement | null>, headerRows: number): void {
  useLayoutEffect(() => {
    const el = table.current;
    if (!el) return;
    const scroller = el.closest<HTMLElement>(SCROLLER);
    const place = () => {
      const rows = [...el.tBodies[0]!.rows];
      const first = rows[0]?.offsetTop ?? 0;
      // Sticky offsets count from inside the scrolling box's padding: the header goes up to its very edge.
      const padding = scroller ? parseFloat(getComputedStyle(scroller).paddingTop) || 0 : 0;
      for (const row of rows.slice(0, headerRows)) {
        for (const cell of row.cells) {
          cell.classList.add('sticky-head');
          cell.style.top = `${row.offsetTop - first - padding}px`;
        }
      }
      const last = rows[headerRows - 1];
      el.style.setProperty('--sticky-top', `${last ? last.offsetTop + last.offsetHeight - first : 0}px`);
      // The labels end where the first figure begins (a value cell never sticks, so its place is its own).
      const figure = el.querySelector<HTMLElement>('td.value');
      el.style.setProperty('--sticky-left', `${el.querySelector('.sticky-label') && figure ? figure.offsetLeft : 0}px`);
      // The row labels are held at the section's edge only while the table is wider than the section: each sticky
      // cell is a layer of its own that the compositor handles on every frame, for nothing where the table fits.
      el.classList.toggle('scrolls-sideways', !!scroller && scroller.scrollWidth > scroller.clientWidth);
    };
    place();
    // The table's size changes with a wider figure; the section's with the window.
    const observer = new ResizeObserver(place);
    for (const box of [el, scroller]) if (box) observer.observe(box);
    return () => observer.disconnect();
  }, [table, headerRows]);
}
