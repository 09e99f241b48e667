import { describe, expect, it } from 'vitest';
import { attachmentHeader, displayNameOf } from './document-name.ts';

describe('display names of documents', () => {
  it('keeps a plain name whose extension fits the detected type', () => {
    expect(displayNameOf('acte de naissance.pdf', 'application/pdf')).toBe('acte de naissance.pdf');
    expect(displayNameOf('Photo.JPEG', 'image/jpeg')).toBe('Photo.JPEG');
  });

  it('drops folders, control and bidi-override characters, and leading dots', () => {
    expect(displayNameOf('C:\\Users\\amina\\scan.png', 'image/png')).toBe('scan.png');
    expect(displayNameOf('../../etc/passwd.pdf', 'application/pdf')).toBe('passwd.pdf');
    expect(displayNameOf('invoice\u202Efdp.exe', 'application/pdf')).toBe('invoicefdp.exe.pdf');
    expect(displayNameOf('a\r\nb.pdf', 'application/pdf')).toBe('ab.pdf');
    expect(displayNameOf('.hidden.png', 'image/png')).toBe('hidden.png');
  });

  it('gives the detected type’s extension when the name lacks or contradicts it', () => {
    expect(displayNameOf('scan.pdf', 'image/png')).toBe('scan.pdf.png');
    expect(displayNameOf('', 'image/jpeg')).toBe('document.jpg');
    expect(displayNameOf(undefined, 'application/pdf')).toBe('document.pdf');
    expect(displayNameOf('README', 'application/pdf')).toBe('README.pdf');
  });

  it('shortens long names to 200 characters, keeping the extension and whole characters', () => {
    const name = displayNameOf(`${'جواز'.repeat(100)}.pdf`, 'application/pdf');
    expect(name).toHaveLength(200);
    expect(name.endsWith('جواز.pdf')).toBe(true);
  });
});

describe('attachment header', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentHeader('جواز السفر.pdf')).toBe(
      `attachment; filename="____ _____.pdf"; filename*=UTF-8''${encodeURIComponent('جواز السفر')}.pdf`,
    );
  });

  it('cannot be broken out of by quotes, backslashes or apostrophes', () => {
    expect(attachmentHeader('a"b\\c\'d (1).pdf')).toBe(
      `attachment; filename="a_b_c'd (1).pdf"; filename*=UTF-8''a%22b%5Cc%27d%20%281%29.pdf`,
    );
  });
});
