import type { ReactNode } from 'react';
import { useAuth } from './auth-context';
import type { SessionUser } from './session';

/** Shows `login` until someone acceptable is signed in (also after a 401 that refresh could not fix). */
export function RequireAuth({
  children,
  login,
  accept,
}: {
  children: ReactNode;
  login: ReactNode;
  accept?: (user: SessionUser) => boolean;
}) {
  const { user } = useAuth();
  if (!user || (accept && !accept(user))) return <>{login}</>;
  return <>{children}</>;
}
