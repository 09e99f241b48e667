import { Anchor, Box, Burger, Button, Container, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { setSignedIn, useMe } from '../api/queries.ts';
import { Loading } from '../ui/Loading.tsx';
import { PageErrorBoundary } from '../ui/PageErrorBoundary.tsx';
import { LanguageSelect } from './LanguageSelect.tsx';

/** The frame of every page: a header with the language menu and the navigation, then the page. */
export function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const [isMenuOpen, menu] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const main = useRef<HTMLDivElement>(null);
  const isFirstPage = useRef(true);

  // After each navigation the phone menu closes and focus moves to the new page's content, where
  // a screen reader starts reading (the first page load keeps the browser's own focus).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new page
  useEffect(() => {
    menu.close();
    if (isFirstPage.current) {
      isFirstPage.current = false;
      return;
    }
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [location.pathname]);

  const signOut = useMutation({
    mutationFn: () => api<void>('/api/v1/auth/sign-out', { method: 'POST' }),
    onSettled: () => {
      void navigate('/');
      queryClient.clear();
      setSignedIn(queryClient, null);
    },
  });

  const isSignedIn = Boolean(me.data);
  const items = isSignedIn
    ? [
        { to: '/', label: t('nav.findConsulate') },
        { to: '/requests', label: t('nav.requests') },
        { to: '/appointments', label: t('nav.appointments') },
        { to: '/family', label: t('nav.family') },
      ]
    : [
        { to: '/', label: t('nav.findConsulate') },
        { to: '/sign-in', label: t('nav.signIn') },
        { to: '/sign-up', label: t('nav.signUp') },
      ];
  const isCurrent = (to: string) => location.pathname === to;

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <Box component="header" className="app-header">
        <Container size="lg">
          <Group h={60} justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap">
              <Burger
                opened={isMenuOpen}
                onClick={menu.toggle}
                hiddenFrom="md"
                size="sm"
                aria-label={t('nav.menu')}
                aria-expanded={isMenuOpen}
                aria-controls="phone-navigation"
              />
              <Anchor component={Link} to="/" fw={700} fz="xl" underline="never">
                {t('app.name')}
              </Anchor>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Group component="nav" aria-label={t('nav.label')} gap={4} visibleFrom="md" wrap="nowrap">
                {items.map((item) => (
                  <Button
                    key={item.to}
                    component={NavLink}
                    to={item.to}
                    end
                    variant={isCurrent(item.to) ? 'light' : 'subtle'}
                    size="compact-md"
                  >
                    {item.label}
                  </Button>
                ))}
                {isSignedIn && (
                  <Button variant="default" size="compact-md" onClick={() => signOut.mutate()}>
                    {t('nav.signOut')}
                  </Button>
                )}
              </Group>
              <LanguageSelect />
            </Group>
          </Group>
        </Container>
        {isMenuOpen && (
          <Box component="nav" id="phone-navigation" aria-label={t('nav.label')} hiddenFrom="md" px="md" pb="md">
            <Stack gap={4}>
              {items.map((item) => (
                <Button
                  key={item.to}
                  component={NavLink}
                  to={item.to}
                  end
                  variant={isCurrent(item.to) ? 'light' : 'subtle'}
                  justify="flex-start"
                  fullWidth
                >
                  {item.label}
                </Button>
              ))}
              {isSignedIn && (
                <>
                  <Text size="sm" c="dimmed" mt="sm" className="break-anywhere">
                    {me.data?.email}
                  </Text>
                  <Button variant="default" onClick={() => signOut.mutate()}>
                    {t('nav.signOut')}
                  </Button>
                </>
              )}
            </Stack>
          </Box>
        )}
      </Box>
      <Container size="md" component="main" id="main" tabIndex={-1} ref={main} py="lg">
        <PageErrorBoundary key={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </Container>
    </>
  );
}
