import { useCallback, useEffect, useState } from 'react';
import { parseRoute, routeHref, type Route } from './routes';

/** The current route and a way to change it; Back and Forward (hashchange) are followed too. */
export function useHashRoute(): [Route, (next: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));

  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  const navigate = useCallback((next: Route) => {
    const href = routeHref(next);
    if (window.location.hash !== href) window.location.hash = href;
    setRoute(next);
  }, []);

  return [route, navigate];
}
