// A tiny path router: the server answers every page path with the same index.html.
import { useEffect, useState } from 'react';

/** The current path, updated on navigation and on the back button. */
export function usePath(): string {
  const [path, setPath] = useState(() => location.pathname);
  useEffect(() => {
    const on = () => setPath(location.pathname);
    addEventListener('popstate', on);
    addEventListener('cc:navigate', on);
    return () => {
      removeEventListener('popstate', on);
      removeEventListener('cc:navigate', on);
    };
  }, []);
  return path;
}

/** Goes to another page of the app without reloading. */
export function navigate(path: string): void {
  history.pushState(null, '', path);
  dispatchEvent(new Event('cc:navigate'));
}
