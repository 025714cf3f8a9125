// The header's less used commands (历史版本, 使用说明) stand in a 更多 menu on a
// narrow window, so the header keeps one row and its main buttons whole. The
// stylesheet decides which of the two is shown; the menu closes on a choice,
// Esc, or a click elsewhere.
import { useEffect, useRef, type ReactNode } from 'react';

export function HeaderMore({ children }: { children: ReactNode }) {
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const el = menu.current;
      if (el?.open && e.target instanceof Node && !el.contains(e.target)) el.open = false;
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, []);
  return (
    <details
      ref={menu}
      className="header-more"
      onKeyDown={(e) => {
        const el = menu.current!;
        if (e.key !== 'Escape' || !el.open) return;
        e.stopPropagation();
        el.open = false;
        el.querySelector('summary')?.focus();
      }}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('.header-more-menu button')) menu.current!.open = false;
      }}
    >
      <summary title="历史版本、使用说明">更多</summary>
      <div className="header-more-menu">{children}</div>
    </details>
  );
}
