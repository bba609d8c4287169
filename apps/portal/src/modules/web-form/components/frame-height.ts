import { useEffect } from 'react';

/** What /form/embed.js listens for (it accepts it from our origin and its own iframe only). */
export const HEIGHT_MESSAGE = 'relaydesk:web-form-height';

/**
 * Inside an iframe, tells the embedding page how tall the form is whenever that changes, so the
 * frame fits without a scroll bar. The height is all it says: nothing a foreign page may not know.
 */
export function useFrameHeight(): void {
  useEffect(() => {
    if (window.parent === window) return;
    const post = () =>
      window.parent.postMessage(
        { type: HEIGHT_MESSAGE, height: Math.ceil(document.documentElement.scrollHeight) },
        '*',
      );
    const observer = new ResizeObserver(post);
    observer.observe(document.body);
    post();
    return () => observer.disconnect();
  }, []);
}
