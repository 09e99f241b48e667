import { describe, expect, it } from 'vitest';
import { buildCalendarFile } from './calendar-file.ts';

const entry = {
  uid: 'PAR-7K3M-Q9XD@mawid',
  startsAt: '2026-12-01T08:20:00.000Z',
  endsAt: '2026-12-01T08:40:00.000Z',
  title: 'Passeport : rendez-vous au consulat',
  location: '19 rue Saulnier, 75009 Paris',
  description: 'Référence PAR-7K3M-Q9XD; apportez vos documents.\nMerci.',
};

describe('buildCalendarFile', () => {
  const text = buildCalendarFile(entry, new Date('2026-11-20T10:00:00Z'));
  const unfolded = text.replace(/\r\n /g, '');

  it('is an iCalendar event at the appointment’s instant, for its duration', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(unfolded).toContain('\r\nDTSTART:20261201T082000Z\r\n');
    expect(unfolded).toContain('\r\nDTEND:20261201T084000Z\r\n');
    expect(unfolded).toContain('\r\nDTSTAMP:20261120T100000Z\r\n');
    expect(unfolded).toContain('\r\nUID:PAR-7K3M-Q9XD@mawid\r\n');
  });

  it('escapes commas, semicolons and line breaks in text', () => {
    expect(unfolded).toContain('LOCATION:19 rue Saulnier\\, 75009 Paris\r\n');
    expect(unfolded).toContain('DESCRIPTION:Référence PAR-7K3M-Q9XD\\; apportez vos documents.\\nMerci.\r\n');
  });

  it('folds long lines at 75 octets without cutting a character', () => {
    const arabic = buildCalendarFile({
      ...entry,
      title: 'موعد في القنصلية العامة للمملكة المغربية بباريس لتجديد جواز السفر',
    });
    const encoder = new TextEncoder();
    for (const line of arabic.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(arabic.replace(/\r\n /g, '')).toContain(
      'SUMMARY:موعد في القنصلية العامة للمملكة المغربية بباريس لتجديد جواز السفر\r\n',
    );
  });
});
