import { Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocalDate } from '../../../ui/local-time.ts';
import { useTranslator } from '../../../ui/use-translator.ts';
import { PersonName } from './PersonName.tsx';
import { formatYears } from './time-text.ts';
import type { StaffRequest } from './verification-types.ts';

const relations = new Set(['self', 'child', 'spouse', 'parent', 'other']);

/** Whom the request is for: names in both scripts, birth and age, relation to the account holder, identity numbers. */
export function PersonFacts({ request }: { request: StaffRequest }) {
  const { t } = useTranslation();
  const { intl } = useTranslator();
  const { identity, person, accountHolder } = request;
  const notGiven = <span>{t('staff.verification.person.notGiven')}</span>;
  const number = (value: string | null) => (value ? <bdi>{value}</bdi> : notGiven);
  const arabic = [person.givenNameArabic, person.familyNameArabic].filter(Boolean).join(' ');
  const birth = identity.birthDate
    ? identity.ageYears === null
      ? formatLocalDate(identity.birthDate, intl, 'long')
      : t('staff.verification.person.birthAndAge', {
          date: formatLocalDate(identity.birthDate, intl, 'long'),
          age: formatYears(identity.ageYears, intl),
        })
    : null;
  const relation = relations.has(identity.relation) ? identity.relation : 'other';
  return (
    <section aria-labelledby="person-title">
      <Title order={2} size="h3" id="person-title" mb="sm">
        {t('staff.verification.person.title')}
      </Title>
      <dl className="facts" data-testid="person-facts">
        <Fact label={t('staff.verification.person.latinName')}>
          <bdi>{`${person.givenNameLatin} ${person.familyNameLatin}`}</bdi>
        </Fact>
        <Fact label={t('staff.verification.person.arabicName')}>
          {arabic ? (
            <bdi lang="ar" dir="rtl">
              {arabic}
            </bdi>
          ) : (
            notGiven
          )}
        </Fact>
        <Fact label={t('staff.verification.person.birth')}>{birth ?? notGiven}</Fact>
        <Fact label={t('staff.verification.person.birthPlace')}>
          {identity.birthPlace ? <bdi>{identity.birthPlace}</bdi> : notGiven}
        </Fact>
        <Fact label={t('staff.verification.person.relation')}>{t(`staff.verification.relation.${relation}`)}</Fact>
        <Fact label={t('staff.verification.person.holder')}>
          {accountHolder ? <PersonName person={accountHolder} /> : notGiven}
        </Fact>
        <Fact label={t('staff.verification.person.cnie')}>{number(identity.cnieNumber)}</Fact>
        <Fact label={t('staff.verification.person.passport')}>{number(identity.passportNumber)}</Fact>
        <Fact label={t('staff.verification.person.consularRegistration')}>
          {number(identity.consularRegistrationNumber)}
        </Fact>
      </dl>
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
