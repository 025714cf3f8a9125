// What an edit changes beyond its cell and its findings — the header's 定稿
// and save state, the outline's progress, the 概览's figures — is drawn in the
// frame after the edit's own: a summary one frame (16 ms) late is not seen,
// but its render, layout and paint in the key's frame are what the author
// waits for at every Enter.
import { useCallback, useSyncExternalStore } from 'react';
import { useEditor, type EditorState } from './editorStore';

/** The open report and last year's, as the store holds them: selectors for `useEditorAfterFrame`. */
export const reportOf = (s: EditorState) => s.report;
export const previousOf = (s: EditorState) => s.previous;

/** Runs `run` once the next frame has been drawn: in the task after its animation frame. Returns what cancels it. */
export function afterNextFrame(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(run, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** The editor's store, telling `listener` of its changes once the frame after them has been drawn (of several in one frame, once). */
function subscribeAfterFrame(listener: () => void): () => void {
  let pending: (() => void) | null = null;
  const unsubscribe = useEditor.subscribe(() => {
    pending ??= afterNextFrame(() => {
      pending = null;
      listener();
    });
  });
  return () => {
    unsubscribe();
    pending?.();
  };
}

/**
 * As `useEditor(selector)`, but the component is re-rendered for a change in the frame after it, not in it. Whenever
 * it renders, for whatever reason, it reads the store as it is: nothing it hands on (to a dialog, say) is ever older.
 * The selector must return what the store holds (a field, not a new object), as for `useEditor`.
 */
export function useEditorAfterFrame<T>(selector: (s: EditorState) => T): T {
  const snapshot = useCallback(() => selector(useEditor.getState()), [selector]);
  return useSyncExternalStore(subscribeAfterFrame, snapshot);
}
