import { Anchor, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useConsulates } from '../../../api/queries.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { ArrowForwardIcon, MapPinIcon } from '../../../ui/icons.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { localized } from '../../../ui/localized.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { usePlaceName } from '../../../ui/use-place-name.ts';
import { useTranslator } from '../../../ui/use-translator.ts';
import { citiesOf, countriesOf, findConsulates, sortConsulates } from './consulate-search.ts';

/** The first page: pick a country and a city, see the consulates there. */
export function FindConsulatePage() {
  const { t } = useTranslation();
  const { locale, intl } = useTranslator();
  const placeName = usePlaceName();
  const consulates = useConsulates();
  // The choice lives in the address: the back button and a shared link keep it.
  const [params, setParams] = useSearchParams();
  const country = params.get('country');
  const city = params.get('city');

  const countries = useMemo(() => {
    const names = new Intl.DisplayNames([intl], { type: 'region' });
    return countriesOf(consulates.data ?? [], (code) => names.of(code) ?? code, intl);
  }, [consulates.data, intl]);
  const cities = useMemo(() => {
    const collator = new Intl.Collator(intl);
    return citiesOf(consulates.data ?? [], country)
      .map((name) => ({ value: name, label: placeName(name) }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [consulates.data, country, intl, placeName]);
  const countryName = (code: string) => countries.find((c) => c.code === code)?.name ?? code;
  const found = sortConsulates(findConsulates(consulates.data ?? [], country, city), countryName, placeName, intl);

  const choose = (next: { country?: string | null; city?: string | null }) => {
    const values = { country, city, ...next };
    const search = new URLSearchParams();
    if (values.country) search.set('country', values.country);
    if (values.city) search.set('city', values.city);
    setParams(search, { replace: true });
  };

  return (
    <Stack gap="lg">
      <div>
        <PageTitle documentTitle={t('home.title')}>{t('home.title')}</PageTitle>
        <Text>{t('home.intro')}</Text>
      </div>

      <Card withBorder padding="md" component="form" role="search" aria-label={t('home.searchLabel')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('home.country')}
            value={country ?? ''}
            onChange={(event) => choose({ country: event.currentTarget.value || null, city: null })}
            data={[
              { value: '', label: t('home.anyCountry') },
              ...countries.map((c) => ({ value: c.code, label: c.name })),
            ]}
          />
          <NativeSelect
            label={t('home.city')}
            value={city ?? ''}
            onChange={(event) => choose({ city: event.currentTarget.value || null })}
            data={[{ value: '', label: t('home.anyCity') }, ...cities]}
          />
        </SimpleGrid>
      </Card>

      {consulates.isPending && <Loading />}
      <ErrorMessage error={consulates.error} />

      {consulates.data && (
        <section aria-labelledby="results-title">
          <Title order={2} size="h4" id="results-title" mb="sm">
            {t('home.results', { number: new Intl.NumberFormat(intl).format(found.length) })}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {found.map((consulate) => (
              <Card withBorder padding="md" key={consulate.id} component="li">
                <Stack gap="xs" h="100%" justify="space-between">
                  <div>
                    <Title order={3} size="h5">
                      <Anchor component={Link} to={`/consulates/${consulate.id}`} inherit>
                        {localized(consulate.name, locale)}
                      </Anchor>
                    </Title>
                    <Group gap={6} wrap="nowrap" align="flex-start" mt={4}>
                      <MapPinIcon size={16} />
                      <Text size="sm">
                        {placeName(consulate.city)}
                        {t('common.separator')}
                        {countryName(consulate.country)}
                      </Text>
                    </Group>
                    <Text size="sm" c="dimmed">
                      <bdi>{consulate.address}</bdi>
                    </Text>
                  </div>
                  <Button
                    component={Link}
                    to={`/consulates/${consulate.id}`}
                    variant="light"
                    rightSection={<ArrowForwardIcon />}
                    aria-label={t('home.seeServicesOf', { consulate: localized(consulate.name, locale) })}
                  >
                    {t('home.seeServices')}
                  </Button>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      )}
    </Stack>
  );
}
