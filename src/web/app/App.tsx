import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { BrowserRouter, useLocation, useNavigate } from 'react-router';
import { setSignedIn } from '../api/queries.ts';
import type { Locale } from '../i18n/locales.ts';
import { newQueryClient, Providers } from './Providers.tsx';
import { AppRoutes } from './router.tsx';
import { onSessionExpired } from './session-expiry.ts';

const queryClient = newQueryClient();

/**
 * An expired session (401 UNAUTHENTICATED) anywhere sends the person to sign in, and back to the
 * page they were on afterwards.
 */
function SessionExpiryRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  useEffect(
    () =>
      onSessionExpired(() => {
        setSignedIn(client, null);
        if (location.pathname === '/sign-in') return;
        const next = encodeURIComponent(`${location.pathname}${location.search}`);
        void navigate(`/sign-in?next=${next}&expired=1`, { replace: true });
      }),
    [client, navigate, location],
  );
  return null;
}

export function App({ initialLocale }: { initialLocale: Locale }) {
  return (
    <Providers initialLocale={initialLocale} client={queryClient}>
      <BrowserRouter>
        <SessionExpiryRedirect />
        <AppRoutes />
      </BrowserRouter>
    </Providers>
  );
}
