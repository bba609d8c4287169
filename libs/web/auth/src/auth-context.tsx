import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { PageLoader } from '@relaydesk/web-ui';
import type { ApiClient } from '@relaydesk/api-client';
import { type Session, type SessionUser } from './session';

interface AuthContextValue {
  session: Session;
  user: SessionUser | null;
  api: ApiClient;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ session, children }: { session: Session; children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(session.currentUser);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const unsubscribe = session.subscribe(setUser);
    session
      .resume()
      .catch(() => null)
      .finally(() => setReady(true));
    return unsubscribe;
  }, [session]);

  const value = useMemo(() => ({ session, user, api: session.api }), [session, user]);
  if (!ready) {
    return <PageLoader fullHeight />;
  }
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for components under RequireAuth. */
export function useUser(): SessionUser {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}

export function useApi(): ApiClient {
  return useAuth().api;
}
