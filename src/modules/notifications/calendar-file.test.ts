import { describe, expect, it } from 'vitest';
import { buildCalendarFile, type CalendarEvent, escapeText, foldLine, formatUtc, sequenceAt } from './calendar-file.ts';

const event: CalendarEvent = {
  method: 'PUBLISH',
  uid: '0f9a4a52-6a0e-4a8e-9d6e-2b1b7b0c0d11@mawid',
  sequence: 7,
  stamp: new Date('2026-12-01T08:00:00Z'),
  start: new Date('2026-12-02T09:30:00Z'),
  end: new Date('2026-12-02T09:45:00Z'),
  summary: 'موعد قنصلي: جواز السفر البيومتري — طلب أول (راشد)',
  location: 'القنصلية العامة للمملكة المغربية بباريس, 19 rue Saulnier; 75009 Paris',
  description: 'Référence PAR-7K3M-Q9XD.\nConvocation : http://localhost:3000/api/v1/appointments/x/convocation.pdf',
  organizer: { name: 'Consulat général "Paris"; Maroc', email: 'no-reply@mawid.example' },
};

const unfold = (ics: string) => ics.replace(/\r\n /g, '');
const property = (ics: string, name: string) =>
  unfold(ics)
    .split('\r\n')
    .find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`));

describe('calendar file', () => {
  it('writes a published, confirmed event with UTC times, its UID and sequence', () => {
    const ics = buildCalendarFile(event);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(property(ics, 'METHOD')).toBe('METHOD:PUBLISH');
    expect(property(ics, 'STATUS')).toBe('STATUS:CONFIRMED');
    expect(property(ics, 'UID')).toBe(`UID:${event.uid}`);
    expect(property(ics, 'DTSTART')).toBe('DTSTART:20261202T093000Z');
    expect(property(ics, 'DTEND')).toBe('DTEND:20261202T094500Z');
    expect(property(ics, 'DTSTAMP')).toBe('DTSTAMP:20261201T080000Z');
    expect(property(ics, 'SEQUENCE')).toBe('SEQUENCE:7');
    expect(property(ics, 'ATTENDEE')).toBeUndefined();
  });

  it('cancels with METHOD:CANCEL, STATUS:CANCELLED and the attendee', () => {
    const ics = buildCalendarFile({ ...event, method: 'CANCEL', attendee: 'amina@example.org' });
    expect(property(ics, 'METHOD')).toBe('METHOD:CANCEL');
    expect(property(ics, 'STATUS')).toBe('STATUS:CANCELLED');
    expect(property(ics, 'ATTENDEE')).toBe('ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:amina@example.org');
  });

  it('ends every line with CRLF and folds them at 75 octets without cutting a character', () => {
    const ics = buildCalendarFile(event);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n');
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      // Re-encoding shows no UTF-8 sequence was split (a split one would decode to U+FFFD).
      expect(bytes.toString('utf8')).not.toContain('\uFFFD');
    }
    expect(property(ics, 'SUMMARY')).toBe(`SUMMARY:${event.summary}`);
  });

  it('escapes backslashes, semicolons, commas and line breaks in text, and quotes parameters', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    const ics = buildCalendarFile(event);
    expect(property(ics, 'LOCATION')).toBe(
      'LOCATION:القنصلية العامة للمملكة المغربية بباريس\\, 19 rue Saulnier\\; 75009 Paris',
    );
    expect(property(ics, 'DESCRIPTION')).toContain('PAR-7K3M-Q9XD.\\nConvocation : http');
    expect(property(ics, 'ORGANIZER')).toBe(
      'ORGANIZER;CN="Consulat général Paris; Maroc":mailto:no-reply@mawid.example',
    );
  });

  it('never folds inside an escape pair', () => {
    // 74 octets, then "\," would straddle the 75th.
    const line = `DESCRIPTION:${'x'.repeat(62)}\\,tail`;
    const folded = foldLine(line);
    expect(folded.split('\r\n')).toEqual([`DESCRIPTION:${'x'.repeat(62)}`, ' \\,tail']);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(folded.split('\r\n').every((piece) => !piece.endsWith('\\'))).toBe(true);
  });

  it('formats instants in UTC and grows the sequence with the time of the event', () => {
    expect(formatUtc(new Date('2027-03-28T01:00:00.123Z'))).toBe('20270328T010000Z');
    const booked = sequenceAt(new Date('2026-12-01T08:00:00Z'));
    const moved = sequenceAt(new Date('2026-12-01T08:00:01Z'));
    const cancelled = sequenceAt(new Date('2026-12-03T10:00:00Z'));
    expect(moved).toBeGreaterThan(booked);
    expect(cancelled).toBeGreaterThan(moved);
    expect(cancelled).toBeLessThan(2 ** 31);
  });
});
