import { Anchor, Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { useFormFeedback } from '../../../ui/use-form-feedback.ts';
import { defaultFilters, isNarrowed, type QueueFilters, queueLink, SEARCH_MAX_LENGTH } from './queue-filters.ts';

export interface ServiceChoice {
  id: string;
  name: string;
}

/**
 * The queue's service and search filters, applied together by one button (the list changes only
 * when the agent asks), and a link to clear them. The form follows the address: a link or the
 * back button that changes the filters changes the form.
 */
export function QueueFilterForm(props: {
  filters: QueueFilters;
  services: ServiceChoice[];
  onApply(filters: QueueFilters): void;
}) {
  const { filters, services, onApply } = props;
  const { t } = useTranslation();
  const form = useForm<Record<string, string>>({
    initialValues: { serviceId: filters.serviceId ?? '', q: filters.q },
    validate: (values) =>
      (values.q ?? '').trim().length > SEARCH_MAX_LENGTH
        ? { q: t('staff.verification.faults.searchTooLong', { max: SEARCH_MAX_LENGTH }) }
        : {},
  });
  const feedback = useFormFeedback(form, { id: 'queue-filters', fields: ['serviceId', 'q'] });
  const { setValues } = form;
  useEffect(() => {
    setValues({ serviceId: filters.serviceId ?? '', q: filters.q });
  }, [filters.serviceId, filters.q, setValues]);

  return (
    <>
      <ErrorSummary {...feedback.summary} />
      <form
        noValidate
        aria-label={t('staff.verification.queue.filtersLabel')}
        onSubmit={form.onSubmit((values) => {
          feedback.onSubmit();
          onApply({ ...filters, serviceId: values.serviceId || null, q: (values.q ?? '').trim() });
        }, feedback.onInvalid)}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('staff.verification.queue.service')}
            data={[
              { value: '', label: t('staff.verification.queue.allServices') },
              ...services.map((service) => ({ value: service.id, label: service.name })),
            ]}
            w={{ base: '100%', sm: 320 }}
            {...feedback.inputProps('serviceId')}
          />
          <TextInput
            label={t('staff.verification.queue.search')}
            description={t('staff.verification.queue.searchHelp')}
            type="search"
            autoComplete="off"
            w={{ base: '100%', sm: 360 }}
            {...feedback.inputProps('q')}
          />
          <Button type="submit">{t('staff.verification.queue.apply')}</Button>
          {isNarrowed(filters) && (
            <Anchor component={Link} to={queueLink({ ...defaultFilters, status: filters.status })} py={6}>
              {t('staff.verification.queue.clear')}
            </Anchor>
          )}
        </Group>
      </form>
    </>
  );
}
