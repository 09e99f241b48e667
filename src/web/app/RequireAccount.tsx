import { useRef } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/queries.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { Loading } from '../ui/Loading.tsx';

/**
 * Pages of a signed-in citizen. Anyone else is sent to sign in (and brought back after); an
 * account whose e-mail is not confirmed yet is sent to confirm it first.
 */
export function RequireAccount() {
  const me = useMe();
  const location = useLocation();
  // Signed in a moment ago, signed out now: the session ended (expired, revoked elsewhere).
  const wasSignedIn = useRef(false);
  if (me.data) wasSignedIn.current = true;
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} />;
  if (!me.data) return <Navigate to={`/sign-in?next=${next}${wasSignedIn.current ? '&expired=1' : ''}`} replace />;
  if (!me.data.emailConfirmed) return <Navigate to={`/confirm-email?next=${next}`} replace />;
  return <Outlet />;
}
