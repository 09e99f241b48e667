import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Font, create as openFont, type PathCommand } from 'fontkit';
import { sfntFromWoff } from './sfnt-from-woff.ts';
import type { Face } from './visual-order.ts';

/**
 * The fonts of every PDF the service makes, regular and bold: Arabic from Noto Naskh Arabic
 * (@fontsource/noto-naskh-arabic), Latin and Latin Extended from Noto Serif (@fontsource/noto-serif).
 * Naskh's own Latin subset is a small cut of Noto Serif that lacks glyphs the documents print ("±"
 * in the reconciliation report): the full Noto Serif subsets draw the same letters and have them.
 * Both families share one ascent, so one baseline; lines take Naskh's height, whose marks reach
 * lowest. The files are read and unpacked once, and parsed once more here to measure text and draw
 * Arabic outlines with warm caches (pdfkit parses its own copy for each document).
 */
type Doc = PDFKit.PDFDocument;
export type Weight = 'regular' | 'bold';

const faceFiles: Record<Face, string> = {
  arabic: '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic',
  latin: '@fontsource/noto-serif/files/noto-serif-latin',
  latinExt: '@fontsource/noto-serif/files/noto-serif-latin-ext',
};
const weights: Record<Weight, number> = { regular: 400, bold: 700 };
export const fontName = (face: Face, weight: Weight) => `${face}-${weight}`;

let loaded: { files: Map<string, Buffer>; fonts: Map<string, Font> } | undefined;

function faces() {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const files = new Map<string, Buffer>();
  for (const [face, file] of Object.entries(faceFiles)) {
    for (const [weight, value] of Object.entries(weights)) {
      const path = require.resolve(`${file}-${value}-normal.woff`);
      files.set(fontName(face as Face, weight as Weight), sfntFromWoff(readFileSync(path)));
    }
  }
  loaded = { files, fonts: new Map([...files].map(([name, bytes]) => [name, openFont(bytes)])) };
  return loaded;
}

/** Registers every face on a new document, under fontName(face, weight). */
export function registerFaces(doc: Doc): void {
  for (const [name, bytes] of faces().files) doc.registerFont(name, bytes);
  doc.font(fontName('latin', 'regular'));
}

export const fontOf = (face: Face, weight: Weight) => faces().fonts.get(fontName(face, weight)) as Font;

/** The font registerFaces put under this name, or undefined for a name it did not register. */
export const registeredFont = (name: string): Font | undefined => faces().fonts.get(name);

/**
 * Every feature fontkit applies to Arabic, switched off: one glyph per letter, each glyph one
 * letter, so that the PDF's glyph-to-Unicode map is exact.
 */
export const unshapedFeatures: Record<string, boolean> = Object.fromEntries(
  'ccmp locl isol fina fin2 fin3 medi med2 init rlig calt liga clig rclt mset curs kern mark mkmk rvrn rtla rtlm frac numr dnom'
    .split(' ')
    .map((tag) => [tag, false]),
);

// Widths in ems by font, features and text. Lines are measured many times while wrapping; the
// cache is bounded because names and addresses come from users.
const emWidths = new Map<string, number>();

/** The width of a text in ems, laid out as pdfkit lays it out (default features unless told). */
export function emWidth(face: Face, weight: Weight, text: string, isUnshaped = false): number {
  const key = `${fontName(face, weight)}${isUnshaped ? ':plain' : ''}\u0000${text}`;
  let em = emWidths.get(key);
  if (em === undefined) {
    const font = fontOf(face, weight);
    em = font.layout(text, isUnshaped ? unshapedFeatures : []).advanceWidth / font.unitsPerEm;
    if (emWidths.size >= 20_000) emWidths.clear();
    emWidths.set(key, em);
  }
  return em;
}

// Arabic glyph outlines by weight and glyph id: fontkit decodes an outline again on every access.
const outlines = new Map<string, PathCommand[]>();

export function outlineOf(weight: Weight, glyph: { id: number; path: { commands: PathCommand[] } }): PathCommand[] {
  const key = `${weight}:${glyph.id}`;
  let commands = outlines.get(key);
  if (!commands) {
    commands = glyph.path.commands;
    outlines.set(key, commands);
  }
  return commands;
}
