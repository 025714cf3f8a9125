// Where the window opens and how large: plain functions of the displays'
// work areas (the screen less the taskbar), so the decisions are tested
// without Electron and the shell only passes `screen`'s answers in.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowPlacement {
  bounds: Rect;
  maximized: boolean;
}

/** The size the app is laid out for: a 1366 × 768 laptop, the commonest office screen. */
export const PREFERRED_SIZE = { width: 1366, height: 768 } as const;
/** Below this the outline and the tables no longer sit side by side. */
export const MINIMUM_SIZE = { width: 1024, height: 640 } as const;
/**
 * How far a saved window may reach past a work area and still count as inside:
 * Windows counts its invisible resize borders (7–8 px a side) in the bounds.
 */
const BORDER_SLACK = 16;

/** The minimum size, never larger than the work area (a 1024 × 600 netbook, or 150 % scaling on 1366 × 768). */
export function minimumSizeFor(workArea: Rect): { width: number; height: number } {
  return { width: Math.min(MINIMUM_SIZE.width, workArea.width), height: Math.min(MINIMUM_SIZE.height, workArea.height) };
}

/** The preferred size shrunk to the primary display's work area, centred in it. */
export function initialBounds(workArea: Rect): Rect {
  const width = Math.min(PREFERRED_SIZE.width, workArea.width);
  const height = Math.min(PREFERRED_SIZE.height, workArea.height);
  return {
    x: workArea.x + Math.floor((workArea.width - width) / 2),
    y: workArea.y + Math.floor((workArea.height - height) / 2),
    width,
    height,
  };
}

/** Whether the rectangle lies wholly inside one of the work areas (title bar, close button and bottom edge all reachable). */
export function fitsADisplay(bounds: Rect, workAreas: readonly Rect[]): boolean {
  return workAreas.some(
    (a) =>
      bounds.x >= a.x - BORDER_SLACK &&
      bounds.y >= a.y - BORDER_SLACK &&
      bounds.x + bounds.width <= a.x + a.width + BORDER_SLACK &&
      bounds.y + bounds.height <= a.y + a.height + BORDER_SLACK,
  );
}

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    [r.x, r.y, r.width, r.height].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    (r.width as number) > 0 &&
    (r.height as number) > 0
  );
}

/**
 * The placement to open with: the saved one where it is well formed and still
 * fits a display as connected now (a projector unplugged, a laptop undocked,
 * a scaling changed), otherwise the preferred size centred on the primary
 * display. Being maximised is kept either way: it fits any display.
 */
export function placementFor(saved: unknown, workAreas: readonly Rect[], primaryWorkArea: Rect): WindowPlacement {
  const state = typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>) : {};
  const maximized = state.maximized === true;
  const bounds = isRect(state.bounds) && fitsADisplay(state.bounds, workAreas) ? state.bounds : initialBounds(primaryWorkArea);
  return { bounds: { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height }, maximized };
}
