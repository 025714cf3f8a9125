// The section being edited: its heading, the format's guidance, its editor,
// and the way to the sections before and after.
import { memo, useLayoutEffect, useRef } from 'react';
import { SECTIONS, type SectionId } from '../../../shared/template/gov2021';
import { NarrativeEditor } from './NarrativeEditor';
import { OverviewEditor } from './OverviewEditor';
import { useEditor } from './editorStore';
import { TableGrid } from './TableGrid';

/** Its editor subscribes to what it shows; the page re-rendering on an edit does not redraw the section. */
export const SectionView = memo(function SectionView({ id }: { id: SectionId }) {
  const goTo = useEditor((s) => s.goTo);
  const index = SECTIONS.findIndex((s) => s.id === id);
  const section = SECTIONS[index]!;
  const before = SECTIONS[index - 1];
  const after = SECTIONS[index + 1];
  const view = useViewWidth();
  return (
    <main ref={view} className={`section-view${section.kind === 'table' ? ' table-view' : ''}`} aria-labelledby="section-heading">
      <div className="section-sheet">
        <h2 id="section-heading">{section.heading}</h2>
        <p className="guidance">{section.guidance}</p>
        {id === 'overview' ? (
          <OverviewEditor />
        ) : section.kind === 'narrative' ? (
          <NarrativeEditor id={id as 'problems' | 'other'} heading={section.heading} />
        ) : (
          <TableGrid key={id} table={id as 'proactive' | 'requests' | 'appeals'} />
        )}
        <div className="section-nav">
          {before ? (
            <button type="button" onClick={() => goTo({ section: before.id })}>
              ← 上一节：{before.heading}
            </button>
          ) : (
            <span />
          )}
          {after && (
            <button type="button" onClick={() => goTo({ section: after.id })}>
              下一节：{after.heading} →
            </button>
          )}
        </div>
      </div>
    </main>
  );
});

/**
 * The section's width inside its padding, in pixels, as --view-w: what a
 * table's row labels share with its figures, and how wide the heading stays
 * while a wide table scrolls sideways. Set when the window is resized, not
 * worked out by each cell on every edit (as container units would be).
 */
function useViewWidth() {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const el = ref.current!;
    const observer = new ResizeObserver(([entry]) => el.style.setProperty('--view-w', `${entry!.contentRect.width}px`));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return ref;
}
