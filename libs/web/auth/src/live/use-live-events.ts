import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useAuth } from '../auth-context';
import type { WebApp } from '../session';
import type { LiveEvents } from './live-events';
import type { LiveEvent } from './live-stream';

let connected = false;
const listeners = new Set<() => void>();

function setConnected(value: boolean): void {
  if (value === connected) return;
  connected = value;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Whether live updates are flowing: screens that otherwise poll can poll rarely (a safety net)
 * while this is true, and often while it is not.
 */
export function useLiveConnected(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => connected,
    () => false,
  );
}

/**
 * Keeps the live event stream open while a user is signed in to `app` (mount it once, in the
 * signed-in layout), passing each event to `onEvent`; it stops when they sign out.
 */
export function useLiveEvents(app: WebApp, onEvent: (event: LiveEvent) => void): void {
  const { session, user } = useAuth();
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  const userId = user?.id;
  useEffect(() => {
    if (!userId) return;
    // Loaded on its own: the stream is not needed to draw the first screen (bundle budget).
    let live: LiveEvents | null = null;
    let cancelled = false;
    void import('./live-events').then(({ LiveEvents }) => {
      if (cancelled) return;
      live = new LiveEvents(session, app, userId, (e) => handler.current(e), setConnected);
      live.start();
    });
    return () => {
      cancelled = true;
      live?.stop();
    };
  }, [session, app, userId]);
}
