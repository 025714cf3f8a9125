// On a narrow window (a laptop at 125 % or 150 % display scaling) the outline
// and the right-hand panel give their width to the section: each folds into a
// slim rail with a toggle, and opens over the section as a drawer. Which of
// them fold is the stylesheet's business (editor.css, by window width); this
// is only which drawer is open and how it closes: Esc, its toggle, a click or
// the keyboard going elsewhere, or (the outline) a section chosen in it.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useEditor } from './editorStore';

export type Drawer = 'outline' | 'side';

export function useDrawers() {
  const [open, setOpen] = useState<Drawer | null>(null);
  // A section chosen (in the outline or anywhere else) is where the author wants to be: the outline gets out of the way.
  useEffect(() => useEditor.subscribe((s, before) => s.section !== before.section && setOpen((d) => (d === 'outline' ? null : d))), []);
  const toggle = useCallback((d: Drawer) => setOpen((o) => (o === d ? null : d)), []);
  const close = useCallback(() => setOpen(null), []);
  return { open, toggle, close };
}

/** A folded panel: its rail with the toggle, and the panel itself, shown beside the section or as a drawer over it. */
export function FoldingPanel({
  which,
  label,
  badge,
  open,
  onToggle,
  onClose,
  children,
}: {
  which: Drawer;
  label: string;
  /** What the rail shows of the panel while it is folded (the count of findings). */
  badge?: ReactNode;
  open: boolean;
  onToggle: (which: Drawer) => void;
  /** Stable across renders: the drawer listens with it while open. */
  onClose: () => void;
  children: ReactNode;
}) {
  const panel = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (target: EventTarget | null) =>
      target instanceof Node && !panel.current?.contains(target) && !toggle.current?.contains(target);
    const onPointer = (e: PointerEvent) => outside(e.target) && onClose();
    const onFocus = (e: FocusEvent) => outside(e.target) && onClose();
    document.addEventListener('pointerdown', onPointer, true);
    document.addEventListener('focusin', onFocus);
    // Opened from its toggle, the drawer takes the keyboard.
    if (getComputedStyle(panel.current!).position === 'absolute') panel.current!.focus({ preventScroll: true });
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      document.removeEventListener('focusin', onFocus);
    };
  }, [open, onClose]);

  return (
    <>
      <div className={`panel-rail rail-${which}`}>
        <button
          ref={toggle}
          type="button"
          aria-expanded={open}
          aria-controls={`panel-${which}`}
          title={open ? `收起${label}` : `打开${label}`}
          onClick={() => onToggle(which)}
        >
          <span className="rail-label">{label}</span>
          {badge}
        </button>
      </div>
      <div
        ref={panel}
        id={`panel-${which}`}
        className={`panel panel-${which}${open ? ' open' : ''}`}
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !open) return;
          e.stopPropagation();
          onClose();
          toggle.current?.focus();
        }}
      >
        {children}
      </div>
    </>
  );
}
