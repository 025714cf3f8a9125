// Where the author was in each report (section, cell or text box and the
// caret in it, how far down), kept on this computer so that reopening a
// report returns there, the keyboard in that very place. A report never
// opened here opens at the first thing that needs the author instead, or at
// its first text box.
import { useEffect, useRef } from 'react';
import { asCellKey, cellDef, type CellKey } from '../../../shared/model/cells';
import { SECTION_IDS, type SectionId } from '../../../shared/template/gov2021';
import type { Place } from './editorStore';
import { useEditor } from './editorStore';

export interface SavedPlace {
  section: SectionId;
  cell?: CellKey;
  /** The text box of a section in parts (一、总体情况's five): its part. */
  part?: number;
  /** Where the caret was in the text box. */
  caret?: number;
  scroll: number;
}

const key = (id: number) => `nianbao:place:${id}`;

export function recallPlace(id: number): SavedPlace | null {
  try {
    const saved = JSON.parse(localStorage.getItem(key(id)) ?? 'null') as Partial<SavedPlace> | null;
    if (!saved || !SECTION_IDS.includes(saved.section as SectionId)) return null;
    const known = typeof saved.cell === 'string' ? asCellKey(saved.cell) : undefined;
    const cell = known && cellDef(known)?.table === saved.section ? known : undefined;
    const count = (n: unknown) => (Number.isInteger(n) && (n as number) >= 0 ? (n as number) : undefined);
    return { section: saved.section!, cell, part: count(saved.part), caret: count(saved.caret), scroll: Number(saved.scroll) || 0 };
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

/** The section's text box the keyboard is in (or was in last), with its part. */
function textBoxOf(target: EventTarget | null): { box: HTMLTextAreaElement; part?: number } | null {
  if (!(target instanceof HTMLTextAreaElement) || !target.closest('.section-view')) return null;
  const part = target.dataset.part;
  return { box: target, part: part ? Number(part) : undefined };
}

/** Opens the report where the author left it (or at `fallback`), and keeps the place as they move. */
export function usePlaceMemory(id: number, fallback: () => Place | null): void {
  // The section as the report appeared: a section key pressed before the effect below runs (a busy machine)
  // has already moved the author, and restoring the old place would undo their key.
  const opened = useRef<{ id: number; section: SectionId } | null>(null);
  if (opened.current?.id !== id) opened.current = { id, section: useEditor.getState().section };
  useEffect(() => {
    const movedAlready = useEditor.getState().section !== opened.current?.section;
    const saved = movedAlready ? null : recallPlace(id);
    const start = saved
      ? { section: saved.section, cell: saved.cell, part: saved.part }
      : movedAlready
        ? null
        : (fallback() ?? { section: useEditor.getState().section });
    if (start) useEditor.getState().goTo(start);
    requestAnimationFrame(() => {
      // The text box took the keyboard on the request above; the caret goes back where it was.
      const text = textBoxOf(document.activeElement);
      if (text && saved?.caret !== undefined) text.box.setSelectionRange(saved.caret, saved.caret);
      if (saved?.scroll) scroller()?.scrollTo({ top: saved.scroll });
    });

    let scroll = saved?.scroll ?? 0;
    let text: { box: HTMLTextAreaElement; part?: number } | null = null;
    const save = () => {
      const { section, selection } = useEditor.getState();
      remember(id, {
        section,
        cell: selection && cellDef(selection.active)?.table === section ? selection.active : undefined,
        // A box just taken off the page (leaving the report) still knows its caret.
        ...(text ? { part: text.part, caret: text.box.selectionStart } : {}),
        scroll,
      });
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** Written a moment after the author stops moving: storage is written synchronously, and not in a keystroke's frame. */
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(save, 200);
    };
    const unsubscribe = useEditor.subscribe((s, before) => {
      if (s.section !== before.section) [scroll, text] = [0, null];
      if (s.section !== before.section || s.selection !== before.selection) later();
    });
    const onScroll = (e: Event) => {
      if (!(e.target instanceof HTMLElement) || !e.target.classList.contains('section-view')) return;
      scroll = e.target.scrollTop;
      later();
    };
    // Into a text box, or a table cell (which leaves the text box behind); the caret is read as the box is left.
    const onFocus = (e: FocusEvent) => {
      const found = textBoxOf(e.target);
      if (found) text = found;
      else if (e.target instanceof HTMLElement && e.target.closest('.grid-frame')) text = null;
      later();
    };
    const onBlur = (e: FocusEvent) => textBoxOf(e.target) && save();
    document.addEventListener('scroll', onScroll, true);
    document.addEventListener('focusin', onFocus);
    document.addEventListener('focusout', onBlur);
    return () => {
      unsubscribe();
      clearTimeout(timer);
      document.removeEventListener('scroll', onScroll, true);
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('focusout', onBlur);
      save();
    };
    // The fallback is asked once, when the report opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
}
