// Where the author was in each report (section, cell, how far down), kept on
// this computer so that reopening a report returns there. A report never
// opened here opens at the first thing that needs the author instead.
import { useEffect } from 'react';
import { asCellKey, cellDef, type CellKey } from '../../../shared/model/cells';
import { SECTION_IDS, type SectionId } from '../../../shared/template/gov2021';
import type { Place } from './store';
import { useEditor } from './store';

export interface SavedPlace {
  section: SectionId;
  cell?: CellKey;
  scroll: number;
}

const key = (id: number) => `nianbao:place:${id}`;

export function recallPlace(id: number): SavedPlace | null {
  try {
    const saved = JSON.parse(localStorage.getItem(key(id)) ?? 'null') as Partial<SavedPlace> | null;
    if (!saved || !SECTION_IDS.includes(saved.section as SectionId)) return null;
    const known = typeof saved.cell === 'string' ? asCellKey(saved.cell) : undefined;
    const cell = known && cellDef(known)?.table === saved.section ? known : undefined;
    return { section: saved.section!, cell, scroll: Number(saved.scroll) || 0 };
  } catch {
    // A damaged entry is only a lost place: open at the start.
    return null;
  }
}

function remember(id: number, place: SavedPlace): void {
  try {
    localStorage.setItem(key(id), JSON.stringify(place));
  } catch {
    // Storage full or refused: the place is not kept, nothing else is affected.
  }
}

const scroller = () => document.querySelector<HTMLElement>('.section-view');

/** Opens the report where the author left it (or at `fallback`), and keeps the place as they move. */
export function usePlaceMemory(id: number, fallback: () => Place | null): void {
  useEffect(() => {
    const saved = recallPlace(id);
    const start = saved ? { section: saved.section, cell: saved.cell } : fallback();
    if (start) useEditor.getState().goTo(start);
    if (saved?.scroll) requestAnimationFrame(() => scroller()?.scrollTo({ top: saved.scroll }));

    let scroll = saved?.scroll ?? 0;
    const save = () => {
      const { section, selection } = useEditor.getState();
      remember(id, { section, cell: selection && cellDef(selection.active)?.table === section ? selection.active : undefined, scroll });
    };
    const unsubscribe = useEditor.subscribe((s, before) => {
      if (s.section !== before.section) scroll = 0;
      if (s.section !== before.section || s.selection !== before.selection) save();
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = (e: Event) => {
      if (!(e.target instanceof HTMLElement) || !e.target.classList.contains('section-view')) return;
      scroll = e.target.scrollTop;
      clearTimeout(timer);
      timer = setTimeout(save, 200);
    };
    document.addEventListener('scroll', onScroll, true);
    return () => {
      unsubscribe();
      clearTimeout(timer);
      document.removeEventListener('scroll', onScroll, true);
      save();
    };
    // The fallback is asked once, when the report opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
}
