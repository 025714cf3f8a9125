// Moving the keyboard past a whole block of controls (a table of 175 cells)
// to what Tab would reach after it, or Shift+Tab before it.

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]';

function tabbable(el: HTMLElement): boolean {
  return (
    el.tabIndex >= 0 &&
    !(el as HTMLButtonElement).disabled &&
    !(el instanceof HTMLInputElement && el.type === 'hidden') &&
    el.getClientRects().length > 0 &&
    !el.closest('[inert]')
  );
}

/** The first control after everything inside `block` in the tab order (`forward`), or the last one before it. */
export function tabbableBeside(block: Element, forward: boolean): HTMLElement | null {
  const candidates = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !block.contains(el) && tabbable(el));
  const side = forward ? Node.DOCUMENT_POSITION_FOLLOWING : Node.DOCUMENT_POSITION_PRECEDING;
  const beside = candidates.filter((el) => block.compareDocumentPosition(el) & side);
  return (forward ? beside[0] : beside.at(-1)) ?? null;
}
