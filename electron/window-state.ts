/**
 * The window opens where the user left it: same size, position and maximised state, on the same display —
 * found by its id, or, when it came back under a new id (replugged, another dock, after sleep), by where it
 * is. If no display shows the saved place, it opens centred on the primary display at a sane size instead. The decision is a pure function of the saved state and the
 * displays as they are now (`placeWindow`); bootstrap reads Electron's `screen` and the window and passes
 * plain values. Kept in `<userData>/window-state.json`.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A display as Electron's `screen` describes it: `workArea` leaves out the taskbar or the menu bar and Dock. */
export interface DisplayInfo {
  id: number;
  bounds: Rect;
  workArea: Rect;
}

const RectSchema = z.strictObject({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
});

export const WindowStateSchema = z.strictObject({
  /** The window's normal (not maximised, not full-screen) bounds. */
  bounds: RectSchema,
  maximized: z.boolean(),
  /** The display the window was on; its work area then, to tell a display that changed size. */
  displayId: z.number().int(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

/** The size the window opens at the first time, and the smallest it may be (BrowserWindow minWidth/…). */
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
export const MIN_WINDOW_SIZE = { width: 960, height: 640 } as const;

/** How much of the window must lie on a display for the saved place to count as on-screen. */
const MIN_VISIBLE = { width: 200, height: 100 } as const;

function overlap(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/** The window's size made to fit `area`, moved (no more than needed) so all of it lies inside. */
function fitInto(bounds: Rect, area: Rect): Rect {
  const width = Math.min(Math.max(bounds.width, Math.min(MIN_WINDOW_SIZE.width, area.width)), area.width);
  const height = Math.min(
    Math.max(bounds.height, Math.min(MIN_WINDOW_SIZE.height, area.height)),
    area.height,
  );
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}

/** The default size (smaller where the display is), centred in the display's work area. */
export function centredOn(display: DisplayInfo): Rect {
  const area = display.workArea;
  const width = Math.min(DEFAULT_WINDOW_SIZE.width, Math.round(area.width * 0.9));
  const height = Math.min(DEFAULT_WINDOW_SIZE.height, Math.round(area.height * 0.9));
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

export type WindowPlacement = {
  bounds: Rect;
  maximized: boolean;
  /** `saved`: where the user left it; `centred`: first start, display gone, or off-screen. */
  source: 'saved' | 'centred';
};

/** How much of `bounds` a display's work area shows: 0 when less than a title bar's worth. */
function visibleArea(bounds: Rect, display: DisplayInfo): number {
  const visible = overlap(bounds, display.workArea);
  return visible && visible.width >= MIN_VISIBLE.width && visible.height >= MIN_VISIBLE.height
    ? visible.width * visible.height
    : 0;
}

/**
 * Where the window opens. The saved place is kept when enough of the window (a title bar's worth) lies in
 * the work area of its display: the one with the saved id, or else — the display came back under a new id,
 * which Windows and macOS do after a replug, a dock change or sleep — the display that shows most of it. The
 * window is then fitted into that work area (a display that became smaller shrinks it). Only when no display
 * shows it: centred on the primary display, still maximised if it was.
 */
export function placeWindow(
  saved: WindowState | undefined,
  displays: readonly DisplayInfo[],
  primary: DisplayInfo,
): WindowPlacement {
  if (saved) {
    const byId = displays.find((d) => d.id === saved.displayId);
    const display =
      byId && visibleArea(saved.bounds, byId) > 0
        ? byId
        : displays
            .map((d) => ({ d, area: visibleArea(saved.bounds, d) }))
            .filter(({ area }) => area > 0)
            .sort((a, b) => b.area - a.area)[0]?.d;
    if (display) {
      return { bounds: fitInto(saved.bounds, display.workArea), maximized: saved.maximized, source: 'saved' };
    }
  }
  return { bounds: centredOn(primary), maximized: saved?.maximized ?? false, source: 'centred' };
}

/** The saved state, or undefined when there is none or it cannot be read (a first start, a damaged file). */
export function readWindowState(file: string): WindowState | undefined {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Saves the state at once and whole (temp file, then rename): it is written while the window closes, when
 * there is no later chance to finish an asynchronous write.
 */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state)}\n`);
  renameSync(temp, file);
}

/** What `trackWindowState` reads from a BrowserWindow and from `screen`. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isMinimized(): boolean;
}

/**
 * Saves the window's state shortly after it moves or changes size (so a crash keeps it too) and when it
 * closes. A minimised or full-screen window saves its normal bounds, not the taskbar's or the screen's.
 */
export function trackWindowState(
  window: TrackedWindow,
  displayOf: (bounds: Rect) => DisplayInfo,
  save: (state: WindowState) => void,
  delayMs = 500,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = () => {
    clearTimeout(timer);
    timer = undefined;
    const bounds = window.getNormalBounds();
    try {
      save({ bounds, maximized: window.isMaximized(), displayId: displayOf(bounds).id });
    } catch {
      // A read-only profile folder must not stop the window from moving or closing.
    }
  };
  const later = () => {
    if (window.isMinimized()) return;
    clearTimeout(timer);
    timer = setTimeout(saveNow, delayMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, later);
  window.on('close', saveNow);
}
