import { describe, expect, it } from 'vitest';
import { personRelationInput } from '../../modules/accounts/accounts.inputs.ts';
import { demoNetwork } from '../../modules/network/demo/demo-network.ts';
import receptionMessages from '../../modules/reception/messages/en.json';
import { requestStatuses } from '../../modules/requests/request-status.ts';
import { appointmentStatuses } from '../../modules/scheduling/appointment-status.ts';
import serverMessages from '../../platform/i18n/messages/en.json';
import { zoneCity } from '../ui/local-time.ts';
import { placeKey } from '../ui/place-name.ts';
import ar from './ar.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

// The staff app reads the shared catalogue with its own under `staff.` (i18n/setup.ts): checked as one.
const staffFiles = import.meta.glob<Tree>('./staff/**/*.json', { eager: true, import: 'default' });
function staffTree(language: string): Tree {
  const tree: Tree = {};
  for (const [path, words] of Object.entries(staffFiles)) {
    const match = /^\.\/staff\/(?:([a-z-]+)\/)?([a-z]{2})\.json$/.exec(path);
    if (!match || match[2] !== language) continue;
    if (match[1]) tree[match[1]] = words;
    else Object.assign(tree, words);
  }
  return tree;
}
const catalogues = {
  ar: flatten({ ...ar, staff: staffTree('ar') }),
  fr: flatten({ ...fr, staff: staffTree('fr') }),
  en: flatten({ ...en, staff: staffTree('en') }),
  es: flatten({ ...es, staff: staffTree('es') }),
};
const languages = Object.keys(catalogues) as (keyof typeof catalogues)[];

// The portal's own sources, read as text (Vite's import.meta.glob), tests left out.
const sources = import.meta.glob(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Every key written literally in a t('…') call. */
function literalKeys(): Set<string> {
  const keys = new Set<string>();
  for (const text of Object.values(sources)) {
    for (const match of text.matchAll(/\bt\(\s*'([A-Za-z0-9_.]+)'/g)) keys.add(match[1] ?? '');
  }
  return keys;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the catalogues', () => {
  it('all have the same keys: no language lacks one the others have', () => {
    const reference = [...catalogues.en.keys()].sort();
    for (const language of languages) expect([...catalogues[language].keys()].sort(), language).toEqual(reference);
  });

  it('have every key the components use', () => {
    const used = literalKeys();
    expect(used.size).toBeGreaterThan(100);
    for (const language of languages) {
      const missing = [...used].filter((key) => !catalogues[language].has(key));
      expect(missing, language).toEqual([]);
    }
  });

  it('have the keys built from the API’s values (statuses, relations, documents, places)', () => {
    const needed = [
      ...requestStatuses.flatMap((s) => [`status.request.${s}`, `request.statusHelp.${s}`]),
      ...appointmentStatuses.map((s) => `status.appointment.${s}`),
      ...['missing', 'uploaded', 'accepted', 'refused'].map((s) => `status.document.${s}`),
      ...['self', ...personRelationInput.options].map((r) => `family.relation.${r}`),
      ...Object.keys(receptionMessages)
        .filter((key) => key.startsWith('document.'))
        .map((key) => key),
      ...demoNetwork.services.flatMap((service) => service.requiredDocuments.map((code) => `document.${code}`)),
      ...demoNetwork.consulates.flatMap((c) => [placeKey(c.city), placeKey(zoneCity(c.timeZone).english)]),
    ];
    for (const language of languages) {
      const missing = [...new Set(needed)].filter((key) => !catalogues[language].has(key));
      expect(missing, language).toEqual([]);
    }
  });

  it('translate only error codes the API can answer (plus the portal’s own)', () => {
    const portalOnly = new Set(['NETWORK_ERROR', 'UNEXPECTED', 'PAGE_FAILED']);
    const serverCodes = new Set(
      Object.keys(serverMessages)
        .filter((key) => key.startsWith('error.'))
        .map((key) => key.slice('error.'.length)),
    );
    const codes = [...catalogues.en.keys()]
      .filter((key) => /^errors\.[A-Z_]+$/.test(key))
      .map((key) => key.slice('errors.'.length));
    expect(codes.filter((code) => !serverCodes.has(code) && !portalOnly.has(code))).toEqual([]);
    // The refusals a citizen meets most are all said in the portal's own words.
    for (const code of [
      'SLOT_FULL',
      'UNAUTHENTICATED',
      'CODE_INVALID',
      'DOCUMENT_TYPE_REFUSED',
      'CANCELLATION_TOO_LATE',
    ]) {
      expect(codes).toContain(code);
    }
  });

  it('keep the same placeholders in every language, and no empty text', () => {
    for (const [key, text] of catalogues.en) {
      for (const language of languages) {
        const translated = catalogues[language].get(key) ?? '';
        expect(translated.trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(translated), `${language} ${key}`).toEqual(placeholders(text));
      }
    }
  });

  it('name the e-Timbre stamp with one Arabic word, and write Arabic lists with the Arabic comma', () => {
    // «الطابع الإلكتروني», «الطابع» for short; not the borrowed تنبر / تمبر / تامبر.
    const competing = /[تط]ا?[نم]بر/;
    expect([...catalogues.ar].filter(([, text]) => competing.test(text))).toEqual([]);
    for (const key of ['request.fee', 'payment.paidBody', 'payment.stampNumber', 'errors.STAMP_NOT_FOUND']) {
      expect(catalogues.ar.get(key), key).toMatch(/طابع/);
    }
    expect([...catalogues.ar].filter(([, text]) => text.includes(','))).toEqual([]);
    expect(catalogues.ar.get('common.separator')).toBe('، ');
  });

  it('are really translated (an English sentence left in another language is caught)', () => {
    const sameAsEnglish = (language: 'fr' | 'ar' | 'es') =>
      [...catalogues.en].filter(
        ([key, text]) => !key.startsWith('place.') && text.length > 20 && catalogues[language].get(key) === text,
      );
    expect(sameAsEnglish('fr')).toEqual([]);
    expect(sameAsEnglish('es')).toEqual([]);
    expect(sameAsEnglish('ar')).toEqual([]);
  });
});
