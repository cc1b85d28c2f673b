/**
 * Focus an element of a screen that is about to open. The Review step's "open this field" navigates, and
 * the new step's heading takes focus on mount; this waits until one of the candidates exists (the first
 * that does wins), then moves focus to it and scrolls it into view. It gives up quietly after about a
 * second: the field may be gone (a removed row).
 */
export function focusWhenShown(candidateIds: readonly string[], attempts = 60): void {
  let settled = 0;
  const tryFocus = (left: number) => {
    const element = candidateIds.map((id) => document.getElementById(id)).find((found) => found !== null);
    // Found in two successive frames: the step's own mount effects (heading focus) have run by then.
    if (element) settled += 1;
    if (element && settled >= 2) {
      element.scrollIntoView({ block: 'center' });
      element.focus();
      return;
    }
    if (left > 0) requestAnimationFrame(() => tryFocus(left - 1));
  };
  requestAnimationFrame(() => tryFocus(attempts));
}
