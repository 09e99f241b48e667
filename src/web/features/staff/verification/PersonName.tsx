import type { PersonNames } from './verification-types.ts';

/** A name in Latin script, then in Arabic script when known, each marked with its own language and direction. */
export function PersonName({ person }: { person: PersonNames }) {
  const latin = `${person.givenNameLatin} ${person.familyNameLatin}`.trim();
  const arabic = [person.givenNameArabic, person.familyNameArabic].filter(Boolean).join(' ');
  return (
    <>
      <bdi>{latin}</bdi>
      {arabic && (
        <>
          {' '}
          <span aria-hidden="true">·</span>{' '}
          <bdi lang="ar" dir="rtl">
            {arabic}
          </bdi>
        </>
      )}
    </>
  );
}
