import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  placeWindow,
  readWindowState,
  trackWindowState,
  writeWindowState,
  type DisplayInfo,
  type Rect,
  type WindowState,
} from '../../electron/window-state';

const laptop: DisplayInfo = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1440, height: 900 },
  workArea: { x: 0, y: 25, width: 1440, height: 875 },
};
/** An external monitor to the left of the laptop (negative coordinates, as Windows and macOS report it). */
const monitor: DisplayInfo = {
  id: 2,
  bounds: { x: -2560, y: -300, width: 2560, height: 1440 },
  workArea: { x: -2560, y: -300, width: 2560, height: 1400 },
};

const onMonitor: WindowState = {
  bounds: { x: -2000, y: 0, width: 1500, height: 1000 },
  maximized: false,
  displayId: 2,
};

function inside(bounds: Rect, area: Rect): boolean {
  return (
    bounds.x >= area.x &&
    bounds.y >= area.y &&
    bounds.x + bounds.width <= area.x + area.width &&
    bounds.y + bounds.height <= area.y + area.height
  );
}

describe('placeWindow', () => {
  it('first start: the default size, centred on the primary display', () => {
    const placement = placeWindow(undefined, [laptop], laptop);
    expect(placement).toEqual({
      bounds: { x: 80, y: 69, width: DEFAULT_WINDOW_SIZE.width, height: 788 },
      maximized: false,
      source: 'centred',
    });
    expect(inside(placement.bounds, laptop.workArea)).toBe(true);
  });

  it('reopens exactly where it was, on the display it was on, maximised or not', () => {
    expect(placeWindow(onMonitor, [laptop, monitor], laptop)).toEqual({
      bounds: onMonitor.bounds,
      maximized: false,
      source: 'saved',
    });
    expect(placeWindow({ ...onMonitor, maximized: true }, [laptop, monitor], laptop)).toMatchObject({
      bounds: onMonitor.bounds,
      maximized: true,
      source: 'saved',
    });
  });

  it('when that display is gone: centred on the primary display, still maximised if it was', () => {
    const placement = placeWindow({ ...onMonitor, maximized: true }, [laptop], laptop);
    expect(placement.source).toBe('centred');
    expect(placement.maximized).toBe(true);
    expect(inside(placement.bounds, laptop.workArea)).toBe(true);
  });

  it('when its display came back under a new id: on the display that shows most of the window', () => {
    const replugged = { ...monitor, id: 9 };
    expect(placeWindow(onMonitor, [laptop, replugged], laptop)).toMatchObject({
      bounds: onMonitor.bounds,
      source: 'saved',
    });
    // Straddling both, each under a new id: the display holding the larger part (700 of 1200 px) takes it.
    const straddling = {
      bounds: { x: -700, y: 200, width: 1200, height: 700 },
      maximized: false,
      displayId: 3,
    };
    const placement = placeWindow(straddling, [{ ...laptop, id: 5 }, replugged], laptop);
    expect(placement).toMatchObject({
      source: 'saved',
      bounds: { x: -1200, y: 200, width: 1200, height: 700 },
    });
    expect(inside(placement.bounds, monitor.workArea)).toBe(true);
  });

  it('when the saved place is off-screen (or shows less than a title bar): centred on the primary display', () => {
    for (const bounds of [
      { x: 5000, y: 5000, width: 1200, height: 800 },
      { x: 1400, y: 200, width: 1200, height: 800 }, // 40 px of it on the laptop
      { x: 100, y: -790, width: 1200, height: 800 }, // only its bottom edge below the menu bar
    ]) {
      const placement = placeWindow({ bounds, maximized: false, displayId: 1 }, [laptop], laptop);
      expect(placement.source, JSON.stringify(bounds)).toBe('centred');
      expect(inside(placement.bounds, laptop.workArea)).toBe(true);
    }
  });

  it('partly off its display: kept, moved just enough to be whole; a display now smaller shrinks it', () => {
    expect(
      placeWindow(
        { bounds: { x: 600, y: 300, width: 1200, height: 800 }, maximized: false, displayId: 1 },
        [laptop],
        laptop,
      ),
    ).toEqual({ bounds: { x: 240, y: 100, width: 1200, height: 800 }, maximized: false, source: 'saved' });
    const placement = placeWindow(
      { bounds: { x: 0, y: 0, width: 2400, height: 1400 }, maximized: false, displayId: 1 },
      [laptop],
      laptop,
    );
    expect(placement).toEqual({ bounds: laptop.workArea, maximized: false, source: 'saved' });
  });

  it('a small screen gets 90 % of its work area, never more than the screen', () => {
    const small: DisplayInfo = {
      id: 7,
      bounds: { x: 0, y: 0, width: 1024, height: 600 },
      workArea: { x: 0, y: 0, width: 1024, height: 560 },
    };
    const placement = placeWindow(undefined, [small], small);
    expect(placement.bounds).toEqual({ x: 51, y: 28, width: 922, height: 504 });
  });
});

describe('window state on disk', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'icp-window-state-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
    vi.useRealTimers();
  });

  it('round-trips; a missing, damaged or out-of-range file is no state', async () => {
    const file = path.join(dir, 'window-state.json');
    expect(readWindowState(file)).toBeUndefined();
    writeWindowState(file, onMonitor);
    expect(readWindowState(file)).toEqual(onMonitor);
    await writeFile(file, '{"bounds":');
    expect(readWindowState(file)).toBeUndefined();
    await writeFile(file, JSON.stringify({ ...onMonitor, bounds: { x: 0, y: 0, width: -5, height: 10 } }));
    expect(readWindowState(file)).toBeUndefined();
  });

  it('saves shortly after a move or resize, and at once on close; a minimised window is left alone', async () => {
    vi.useFakeTimers();
    const window = Object.assign(new EventEmitter(), {
      bounds: { x: 10, y: 40, width: 1000, height: 700 } as Rect,
      maximized: false,
      minimized: false,
      getNormalBounds() {
        return this.bounds;
      },
      isMaximized() {
        return this.maximized;
      },
      isMinimized() {
        return this.minimized;
      },
    });
    const saved: WindowState[] = [];
    trackWindowState(
      window,
      () => laptop,
      (state) => saved.push(state),
      500,
    );

    window.emit('resize');
    window.emit('move');
    expect(saved).toHaveLength(0);
    vi.advanceTimersByTime(500);
    expect(saved).toEqual([
      { bounds: { x: 10, y: 40, width: 1000, height: 700 }, maximized: false, displayId: 1 },
    ]);

    window.minimized = true;
    window.emit('move');
    vi.advanceTimersByTime(1000);
    expect(saved).toHaveLength(1);

    window.minimized = false;
    window.maximized = true;
    window.emit('close');
    expect(saved.at(-1)).toMatchObject({ maximized: true, displayId: 1 });
    const file = path.join(dir, 'w.json');
    writeWindowState(file, saved.at(-1)!);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(saved.at(-1));
  });
});
