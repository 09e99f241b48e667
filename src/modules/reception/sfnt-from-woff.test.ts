import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create as openFont } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { sfntFromWoff } from './sfnt-from-woff.ts';

const require = createRequire(import.meta.url);
const folder = dirname(require.resolve('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff'));
const woffFiles = readdirSync(folder).filter((name) => /-(arabic|latin|latin-ext)-(400|700)-normal\.woff$/.test(name));

describe('unpacking WOFF fonts', () => {
  it.each(woffFiles)('%s unpacks to a font that lays text out exactly like the WOFF', (name) => {
    const woff = readFileSync(join(folder, name));
    const sfnt = sfntFromWoff(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    const [packed, unpacked] = [openFont(woff), openFont(sfnt)];
    expect(unpacked.unitsPerEm).toBe(packed.unitsPerEm);
    for (const text of ['أمينة بنعلي', 'Amina Benali', 'Łódź Ærø']) {
      const [a, b] = [packed.layout(text), unpacked.layout(text)];
      expect(b.glyphs.map((g) => g.id)).toEqual(a.glyphs.map((g) => g.id));
      expect(b.advanceWidth).toBe(a.advanceWidth);
    }
  });

  it('refuses what is not WOFF 1.0', () => {
    expect(() => sfntFromWoff(Buffer.from('wOF2 is another format'))).toThrow('not a WOFF 1.0 font');
  });
});
