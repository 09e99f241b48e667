import { describe, expect, it } from 'vitest';
import { locales } from '../../../platform/i18n/i18n.ts';
import { appointmentSchema } from '../../scheduling/index.ts';
import { adminCatalogues } from './admin-texts.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the consulate admin’s catalogues', () => {
  it('have the same keys and placeholders in the four languages, none empty', () => {
    const keys = Object.keys(adminCatalogues.fr).sort();
    for (const locale of locales) {
      const catalogue = adminCatalogues[locale];
      expect(Object.keys(catalogue).sort(), locale).toEqual(keys);
      for (const key of keys) {
        expect(catalogue[key]!.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholders(catalogue[key]!), `${locale} ${key}`).toEqual(placeholders(adminCatalogues.fr[key]!));
      }
    }
  });

  it('name every appointment status the printed day list can show', () => {
    for (const status of appointmentSchema.shape.status.options) {
      for (const locale of locales)
        expect(adminCatalogues[locale], locale).toHaveProperty([`daySheet.status.${status}`]);
    }
  });
});
