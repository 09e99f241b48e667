/**
 * Where an arrow key moves in a radio group (WAI-ARIA radio pattern): the next or previous choice,
 * wrapping around; Home and End to the first and last. Left and right follow the reading
 * direction — in Arabic, the left arrow goes forward. Undefined for any other key.
 */
export function radioIndexAfter(
  key: string,
  current: number,
  count: number,
  direction: 'ltr' | 'rtl',
): number | undefined {
  if (count === 0) return undefined;
  const forward = direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const backward = direction === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  const from = Math.max(current, 0);
  switch (key) {
    case 'ArrowDown':
    case forward:
      return current < 0 ? 0 : (from + 1) % count;
    case 'ArrowUp':
    case backward:
      return current < 0 ? count - 1 : (from - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
