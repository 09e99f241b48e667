import { Box, Button, Container, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../../../api/client.ts';
import { LanguageSelect } from '../../../app/LanguageSelect.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { localized } from '../../../ui/localized.ts';
import { PageErrorBoundary } from '../../../ui/PageErrorBoundary.tsx';
import { useTranslator } from '../../../ui/use-translator.ts';
import { screensFor } from './staff-nav.ts';
import { staffMeKey, useStaffMe } from './use-staff.ts';

/**
 * The frame of every staff screen, desktop first and usable on a tablet: who is signed in and
 * where, the screens of their role, the language, sign out; then the screen.
 */
export function StaffShell() {
  const { t } = useTranslation();
  const { locale } = useTranslator();
  const me = useStaffMe().data;
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const main = useRef<HTMLDivElement>(null);
  const isFirstPage = useRef(true);

  // After each navigation focus moves to the new screen's content (the first load keeps the browser's).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new screen
  useEffect(() => {
    if (isFirstPage.current) {
      isFirstPage.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  const signOut = useMutation({
    mutationFn: () => api<void>('/api/v1/auth/sign-out', { method: 'POST' }),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(staffMeKey, null);
      void navigate('/sign-in');
    },
  });

  const screens = me ? screensFor(me.role) : [];
  return (
    <>
      <a className="skip-link" href="#main">
        {t('staff.app.skipToContent')}
      </a>
      <Box component="header" className="app-header">
        <Container size="xl">
          <Group mih={60} justify="space-between" wrap="wrap" gap="xs" py={6}>
            <Group gap="md" wrap="wrap">
              <Text component={Link} to="/" fw={700} fz="lg" c="inherit" td="none">
                {t('staff.app.name')}
              </Text>
              {me && (
                <Text size="sm" c="dimmed">
                  {t(`staff.role.${me.role}`)}
                  {me.consulate && ` — ${localized(me.consulate.name, locale)}`}
                </Text>
              )}
            </Group>
            <Group gap="xs" wrap="nowrap">
              {me && (
                <Text size="sm" className="break-anywhere" visibleFrom="md">
                  {t('staff.app.signedInAs', { email: me.email })}
                </Text>
              )}
              <LanguageSelect />
              {me && (
                <Button variant="default" size="compact-md" onClick={() => signOut.mutate()}>
                  {t('staff.app.signOut')}
                </Button>
              )}
            </Group>
          </Group>
          {screens.length > 0 && (
            <Group component="nav" aria-label={t('staff.app.nav')} gap={4} pb={6} wrap="wrap">
              <Button component={NavLink} to="/" end variant="subtle" size="compact-md">
                {t('staff.app.home')}
              </Button>
              {screens.map((screen) => (
                <Button
                  key={screen.to}
                  component={NavLink}
                  to={screen.to}
                  variant={location.pathname.startsWith(screen.to) ? 'light' : 'subtle'}
                  size="compact-md"
                >
                  {t(`staff.${screen.labelKey}`)}
                </Button>
              ))}
            </Group>
          )}
        </Container>
      </Box>
      <Container size="xl" component="main" id="main" tabIndex={-1} ref={main} py="lg">
        <PageErrorBoundary key={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </Container>
    </>
  );
}
