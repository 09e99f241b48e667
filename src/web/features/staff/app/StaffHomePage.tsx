import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatList } from '../../../ui/list-format.ts';
import { localized } from '../../../ui/localized.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useTranslator } from '../../../ui/use-translator.ts';
import { screensFor } from './staff-nav.ts';
import { useStaffMe } from './use-staff.ts';

/** Where a staff member lands: who and where they are, and the screens of their role. */
export function StaffHomePage() {
  const { t } = useTranslation();
  const { locale, intl } = useTranslator();
  const me = useStaffMe().data;
  if (!me) return null;
  const role = t(`staff.role.${me.role}`);
  const screens = screensFor(me.role);
  return (
    <Stack gap="md">
      <PageTitle documentTitle={t('staff.app.home')}>{t('staff.home.title')}</PageTitle>
      <Text>
        {me.consulate
          ? t('staff.home.where', { role, consulate: localized(me.consulate.name, locale) })
          : t('staff.home.network', { role })}
      </Text>
      {me.departments.length > 0 && (
        <Text>
          {t('staff.home.departments', {
            list: formatList(
              me.departments.map((d) => localized(d.name, locale)),
              intl,
            ),
          })}
        </Text>
      )}
      {screens.length > 0 && (
        <section aria-labelledby="staff-tools">
          <Title order={2} size="h3" id="staff-tools" mb="xs">
            {t('staff.home.tools')}
          </Title>
          <List spacing="xs">
            {screens.map((screen) => (
              <List.Item key={screen.to}>
                <Anchor component={Link} to={screen.to}>
                  {t(`staff.${screen.labelKey}`)}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </section>
      )}
    </Stack>
  );
}
