import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../api/api-error.ts';
import { setApiLanguage } from '../api/client.ts';
import { setSignedIn } from '../api/queries.ts';
import { directionOf, type Locale } from '../i18n/locales.ts';
import { AppRoutes } from './router.tsx';
import { onSessionExpired, reportIfSessionExpired } from './session-expiry.ts';
import { cssVariablesResolver, theme } from './theme.ts';

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: reportIfSessionExpired }),
  mutationCache: new MutationCache({ onError: reportIfSessionExpired }),
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change by asking again; a network hiccup or a 5xx might.
      retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

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

/** Keeps the API's Accept-Language and Mantine's direction in step with the chosen language. */
function LanguageSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => {
    const apply = (language: string) => {
      setApiLanguage(language);
      setDirection(directionOf(language as Locale));
      // Translated server content (decision reasons) is read again in the new language.
      void queryClient.invalidateQueries({ queryKey: ['translated'] });
    };
    apply(i18n.language);
    i18n.on('languageChanged', apply);
    return () => i18n.off('languageChanged', apply);
  }, [i18n, setDirection]);
  return null;
}

export function App({ initialLocale }: { initialLocale: Locale }) {
  return (
    <DirectionProvider initialDirection={directionOf(initialLocale)} detectDirection={false}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <LanguageSync />
          <BrowserRouter>
            <SessionExpiryRedirect />
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
