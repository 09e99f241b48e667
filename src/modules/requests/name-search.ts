import { type SQL, sql } from 'drizzle-orm';
import { foldedSql, foldForSearch } from '../../platform/name-folding.ts';

// The folding is shared with the call center's search; re-exported for this module's callers and tests.
export { foldedSql, foldForSearch };

export interface QueueSearch {
  // Each folded word must appear somewhere in the person's names (both scripts, run together).
  words: string[];
  // A piece of a reference (letters and digits only, upper case), when the text can be one.
  reference: string | null;
}

const MAX_WORDS = 6;

/** What a search box text asks for; null when it holds nothing to search by. */
export function parseQueueSearch(text: string | undefined): QueueSearch | null {
  const trimmed = text?.trim() ?? '';
  if (!trimmed) return null;
  const words = [
    ...new Set(
      trimmed
        .split(/\s+/)
        .map(foldForSearch)
        .filter((word) => word.length > 0),
    ),
  ].slice(0, MAX_WORDS);
  // References look like PAR-D-7K3M-Q9XD: four characters at least, so "Ali" does not match them.
  const reference = trimmed.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return { words, reference: reference.length >= 4 ? reference : null };
}

/**
 * The condition on a request row (alias `q`) for a search: the reference contains the piece, or
 * the person's names contain every word. Folding runs only on the rows the other conditions kept
 * (an agent's queue: thousands at most), once per row.
 */
export function searchConditionSql(search: QueueSearch): SQL {
  const byReference = search.reference
    ? sql`strpos(replace(q.reference, '-', ''), ${search.reference}) > 0`
    : sql`false`;
  // Names hold no digits: a text with one is a reference, and the names need not be folded.
  if (search.words.length === 0 || search.words.some((word) => /\d/.test(word))) return sql`(${byReference})`;
  const patterns = sql.join(
    search.words.map((word) => sql`${`%${word}%`}::text`),
    sql`, `,
  );
  const names = foldedSql(
    sql`concat(sp.given_name_latin, sp.family_name_latin, sp.given_name_arabic, sp.family_name_arabic)`,
  );
  return sql`(${byReference} OR (SELECT ${names} FROM persons sp WHERE sp.id = q.person_id) LIKE ALL (ARRAY[${patterns}]))`;
}
