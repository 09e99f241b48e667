/**
 * An iCalendar file (RFC 5545) for one appointment, so the citizen's calendar shows it, moves it
 * and removes it. Pure: the worker gives every value, including the time stamp and the sequence.
 */
export interface CalendarEvent {
  // PUBLISH: here is the appointment (booked, moved, reminder). CANCEL: remove it.
  method: 'PUBLISH' | 'CANCEL';
  uid: string;
  // Grows with each version of the appointment, so a calendar keeps the latest.
  sequence: number;
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location: string;
  description: string;
  organizer: { name: string; email: string };
  // The citizen, named on a cancellation as RFC 5546 asks.
  attendee?: string;
  url?: string;
}

const PRODUCT_ID = '-//Mawid//Consular appointments//EN';

/** 20261202T093000Z */
export function formatUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** TEXT values: backslash, semicolon, comma and line breaks are escaped (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

// A parameter value may not hold a double quote; quoted, it may hold ; : and ,.
function quoteParam(value: string): string {
  return `"${value.replace(/["\r\n]/g, '')}"`;
}

/**
 * Lines longer than 75 octets are folded: CRLF then one space, never inside a UTF-8 sequence
 * (RFC 5545 §3.1). The space that starts a continuation line counts in its 75 octets.
 */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  // An escape pair (\, or \n) stays on one line: unfolding would restore it, but some readers do not.
  for (const char of line.match(/\\.|[\s\S]/gu) ?? []) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

export function buildCalendarFile(event: CalendarEvent): string {
  const isCancel = event.method === 'CANCEL';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${event.method}`,
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${formatUtc(event.stamp)}`,
    `DTSTART:${formatUtc(event.start)}`,
    `DTEND:${formatUtc(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `LOCATION:${escapeText(event.location)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `ORGANIZER;CN=${quoteParam(event.organizer.name)}:mailto:${event.organizer.email}`,
    ...(event.attendee ? [`ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:${event.attendee}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    `STATUS:${isCancel ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

// Sequences count seconds from this instant: they grow with each event and fit in 32 bits until 2088.
const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);

/** The SEQUENCE of the version of an appointment told by an event created at this instant. */
export function sequenceAt(createdAt: Date): number {
  return Math.max(0, Math.floor((createdAt.getTime() - SEQUENCE_EPOCH) / 1000));
}
