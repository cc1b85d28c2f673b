/**
 * True when following `href` keeps the app page: the same document, only the fragment differs. Everything
 * else (another site, another file of the bundle, file:, javascript:, a download) would replace or leave
 * the app, so it is never followed in the window.
 */
export function isInAppLink(href: string, documentUrl: string): boolean {
  let target: URL;
  let current: URL;
  try {
    current = new URL(documentUrl);
    target = new URL(href, current);
  } catch {
    return false;
  }
  return (
    target.protocol === current.protocol &&
    target.host === current.host &&
    target.pathname === current.pathname &&
    target.search === current.search
  );
}

/**
 * Stops every link that would leave the app page and hands its URL to main instead, which opens it in the
 * user's browser only if the allow-check accepts it. Main's navigation guard blocks the same links; this keeps
 * the page in place wherever the renderer runs, and lets the user see why a link did not open.
 * Returns the function that removes the guard.
 */
export function installLinkGuard(doc: Document, openOutside: (url: string) => void): () => void {
  const onActivate = (event: MouseEvent) => {
    const target = event.target;
    const anchor = target instanceof Element ? target.closest('a[href]') : null;
    if (!(anchor instanceof HTMLAnchorElement)) return;
    if (isInAppLink(anchor.href, doc.URL)) return;
    event.preventDefault();
    openOutside(anchor.href);
  };
  // Capture phase: a handler further down cannot stop the guard from seeing the click.
  doc.addEventListener('click', onActivate, true);
  doc.addEventListener('auxclick', onActivate, true);
  return () => {
    doc.removeEventListener('click', onActivate, true);
    doc.removeEventListener('auxclick', onActivate, true);
  };
}

/**
 * Cancels any navigation that would replace the app page — a script setting `location`, a form, a link the
 * click guard did not see — through the Navigation API, and hands the URL to main like a clicked link.
 * Moves within the page (route fragments) and reloads pass. Main's will-navigate guard backs this up in the
 * app; this one keeps the page wherever the renderer runs. Without the Navigation API it does nothing.
 * Returns the function that removes the guard.
 */
export function installNavigationGuard(win: Window, openOutside: (url: string) => void): () => void {
  if (!('navigation' in win) || win.navigation === undefined) return () => undefined;
  const navigation = win.navigation;
  const onNavigate = (event: NavigateEvent) => {
    if (isInAppLink(event.destination.url, win.document.URL) || !event.cancelable) return;
    event.preventDefault();
    openOutside(event.destination.url);
  };
  navigation.addEventListener('navigate', onNavigate);
  return () => navigation.removeEventListener('navigate', onNavigate);
}
