import { useRef } from 'react';

/**
 * Lets one write run at a time. `isPending` comes too late to stop a double click or a
 * repeated Ctrl+Enter: both events fire before React renders again. Call `release` when
 * the write settles.
 */
export function useSingleFlight() {
  const busy = useRef(false);
  return (start: (release: () => void) => void) => {
    if (busy.current) return;
    busy.current = true;
    start(() => {
      busy.current = false;
    });
  };
}
