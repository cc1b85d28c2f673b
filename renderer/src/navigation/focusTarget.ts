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
      element.scrollIntoView({ block: 'center' });
      element.focus();
      return;
    }
    if (left > 0) requestAnimationFrame(() => tryFocus(left - 1));
    else pending = [];
  };
  requestAnimationFrame(() => tryFocus(attempts));
}
