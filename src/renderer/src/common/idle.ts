// The page's idle time after the frame in progress: where work that nothing
// on screen waits for goes (a save, the 概览's charts), so that a keystroke's
// frame never waits for it.

/**
 * Runs `run` when the page is next idle, at the latest after `withinMs`;
 * where the browser cannot say (no requestIdleCallback), after `otherwiseMs`
 * (0: at once). Returns what cancels it.
 */
export function whenIdle(run: () => void, withinMs: number, otherwiseMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: withinMs });
    return () => cancelIdleCallback(id);
  }
  if (otherwiseMs === 0) {
    run();
    return () => {};
  }
  const id = setTimeout(run, otherwiseMs);
  return () => clearTimeout(id);
}
