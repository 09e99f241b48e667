/** The appointments ticked in a list, as an immutable set of ids. */

/** Ticks or unticks one. */
export function toggled(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** Where the "all" box stands: none ticked, some, or every one listed. */
export function selectionState(selected: ReadonlySet<string>, ids: readonly string[]): 'none' | 'some' | 'all' {
  const ticked = ids.filter((id) => selected.has(id)).length;
  if (ticked === 0) return 'none';
  return ticked === ids.length ? 'all' : 'some';
}

/** The "all" box: ticks every one listed, or unticks them all when they all were. */
export function allOrNone(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  return selectionState(selected, ids) === 'all' ? new Set() : new Set(ids);
}

/** Only the ticked ones still listed (an appointment resolved meanwhile drops out). */
export function keptSelection(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  const listed = new Set(ids);
  return new Set([...selected].filter((id) => listed.has(id)));
}
