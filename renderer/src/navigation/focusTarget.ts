/**
 * Focus an element of a screen that is about to open. The Review step's "open this field" navigates, and
 * the new step's heading takes focus on mount; this waits until one of the candidates exists (the first
 * that does wins), then moves focus to it and scrolls it into view. It gives up quietly after about a
 * second: the field may be gone (a removed row).
 */
let pending: readonly string[] = [];

/**
 * The elements a navigation is about to focus, for a screen that shows one part at a time (the Pathway
 * step's question groups) to open the part that holds them.
 */
export function pendingFocusTargets(): readonly string[] {
  return pending;
}

export function focusWhenShown(candidateIds: readonly string[], attempts = 60): void {
  pending = candidateIds;
  let settled = 0;
  const tryFocus = (left: number) => {
    const element = candidateIds.map((id) => document.getElementById(id)).find((found) => found !== null);
    // Found in two successive frames: the step's own mount effects (heading focus) have run by then.
    if (element) settled += 1;
    if (element && settled >= 2) {
      pending = [];
      revealElement(element, 'center');
      return;
    }
    if (left > 0) requestAnimationFrame(() => tryFocus(left - 1));
    else pending = [];
  };
  requestAnimationFrame(() => tryFocus(attempts));
}

/** Fired on an element the app points the user at (a Review finding's field): the field shows its findings. */
export const REVEAL_EVENT = 'icp-reveal';

/**
 * Scrolls only the app's own scrolling area (`.app__main`) so that `element` is in view. `scrollIntoView`
 * also scrolls every ancestor, even ones with `overflow: hidden` (body, #root), which pushed the app header
 * off-screen until the user left the step.
 */
export function scrollIntoMain(element: HTMLElement, block: 'start' | 'center' = 'start'): void {
  const main = element.closest<HTMLElement>('.app__main');
  if (!main) {
    element.scrollIntoView?.({ block });
    return;
  }
  const box = element.getBoundingClientRect();
  const offset = box.top - main.getBoundingClientRect().top + main.scrollTop;
  const top = block === 'center' ? offset - (main.clientHeight - box.height) / 2 : offset - 12;
  main.scrollTo?.({ top: Math.max(0, top) });
}

/** Scrolls to an element within the app, tells it it was pointed at (REVEAL_EVENT) and focuses it. */
export function revealElement(element: HTMLElement, block: 'start' | 'center' = 'start'): void {
  scrollIntoMain(element, block);
  element.dispatchEvent(new CustomEvent(REVEAL_EVENT, { bubbles: true }));
  element.focus({ preventScroll: true });
}
