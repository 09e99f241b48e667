import { describe, expect, it } from 'vitest';
import { keysOf, parseCitizenSearch } from './citizen-search.ts';

describe('reading the call center’s search box', () => {
  it('reads an e-mail as an e-mail only, in lower case', () => {
    expect(parseCitizenSearch('  Youssef.ElIdrissi@Example.org ')).toEqual({ email: 'youssef.elidrissi@example.org' });
  });

  it('reads a phone number typed with spaces, dots or a 00 prefix as E.164', () => {
    expect(parseCitizenSearch('+33 6 12 34 56 78').phone).toBe('+33612345678');
    expect(parseCitizenSearch('0033 6.12.34.56.78').phone).toBe('+33612345678');
    expect(parseCitizenSearch('(+1) 514-555-0199').phone).toBe('+15145550199');
  });

  it('tries every reading digits allow: phone, consular registration, stamp', () => {
    expect(keysOf(parseCitizenSearch('123456789'))).toEqual(['phone', 'consular_registration']);
    const stamp = parseCitizenSearch('4821 0937 5512 6604');
    expect(stamp.stampNumber).toBe('4821093755126604');
    expect(keysOf(stamp)).toEqual(['stamp_number']);
  });

  it('reads identity numbers in upper case', () => {
    expect(parseCitizenSearch('be123456')).toMatchObject({ cnie: 'BE123456' });
    expect(parseCitizenSearch('ab 1234567')).toMatchObject({ passport: 'AB1234567' });
    expect(keysOf(parseCitizenSearch('ab1234567'))).toEqual(['passport']);
  });

  it('reads references typed with or without dashes', () => {
    expect(parseCitizenSearch('par-7k3m-q9xd').appointmentReference).toBe('PAR-7K3M-Q9XD');
    expect(parseCitizenSearch('PAR7K3MQ9XD').appointmentReference).toBe('PAR-7K3M-Q9XD');
    expect(parseCitizenSearch('par-d-7k3m-q9xd').requestReference).toBe('PAR-D-7K3M-Q9XD');
    expect(keysOf(parseCitizenSearch('PAR-D-7K3M-Q9XD'))).toEqual(['request_reference']);
  });

  it('reads words without digits as a name, folded like the verification queue', () => {
    expect(parseCitizenSearch('Élidris YOUSS')).toEqual({ nameWords: ['elidris', 'youss'] });
    expect(parseCitizenSearch('يُوسُف الإدريسي')).toEqual({ nameWords: ['يوسف', 'الادريسي'] });
    // One letter would match half the network.
    expect(keysOf(parseCitizenSearch('a'))).toEqual([]);
    // Eleven letters may be an appointment reference as well: both are tried.
    expect(keysOf(parseCitizenSearch('Benabdellah'))).toEqual(['name', 'appointment_reference']);
  });
});
