import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { BrowserRouter, useLocation, useNavigate } from 'react-router';
import { newQueryClient, Providers } from '../../../app/Providers.tsx';
import { onSessionExpired } from '../../../app/session-expiry.ts';
import type { Locale } from '../../../i18n/locales.ts';
import { StaffRoutes } from './staff-routes.tsx';
import { staffMeKey } from './use-staff.ts';

const queryClient = newQueryClient();

/** A staff session that ends (30 minutes idle, 10 hours in all, signed out elsewhere) leads to sign in. */
function StaffSessionExpiry() {
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  useEffect(
    () =>
      onSessionExpired(() => {
        client.setQueryData(staffMeKey, null);
        if (location.pathname === '/sign-in') return;
        const next = encodeURIComponent(`${location.pathname}${location.search}`);
        void navigate(`/sign-in?next=${next}&expired=1`, { replace: true });
      }),
    [client, navigate, location],
  );
  return null;
}

export function StaffApp({ initialLocale }: { initialLocale: Locale }) {
  return (
    <Providers initialLocale={initialLocale} client={queryClient}>
      <BrowserRouter basename="/staff">
        <StaffSessionExpiry />
        <StaffRoutes />
      </BrowserRouter>
    </Providers>
  );
}
