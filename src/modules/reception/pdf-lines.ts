import type { PathCommand } from 'fontkit';
import { emWidth, fontName, fontOf, outlineOf, unshapedFeatures, type Weight } from './pdf-faces.ts';
import { type Direction, type VisualPiece, visualPieces } from './visual-order.ts';

/**
 * Lines of text on a pdfkit page in any of our scripts: each line is cut into pieces by
 * visualPieces (one font face each, in visual order) and the pieces are placed side by side.
 *
 * Arabic is drawn twice. Noto Naskh Arabic builds letters from shared dotless skeletons and
 * separate dots, so one glyph stands for several letters and a PDF's glyph-to-Unicode map cannot
 * say which: text copied or extracted from shaped Arabic comes out garbled. So the shaped glyphs are
 * drawn as outlines (what the reader sees), and the same words are written underneath as invisible
 * text of unshaped letters, each glyph one letter (what search, copy, screen readers and text
 * extraction get, in the right order).
 */
type Doc = PDFKit.PDFDocument;

export interface TextStyle {
  size: number;
  weight: Weight;
  // The paragraph direction: rtl for an Arabic page, whatever script a line holds.
  base: Direction;
  color?: string;
}

// Any features value makes pdfkit lay a piece out as one run. Without it pdfkit cuts the text at
// spaces and lays each word out alone, which would also reverse the words of an Arabic phrase.
const wholeRun: PDFKit.Mixins.TextOptions = { features: [] };
// pdfkit hands `features` to fontkit as is; fontkit also takes this object form, which pdfkit's types omit.
const unshaped = unshapedFeatures as unknown as PDFKit.Mixins.OpenTypeFeatures[];

function use(doc: Doc, piece: VisualPiece, style: TextStyle): Doc {
  return doc.font(fontName(piece.face, style.weight)).fontSize(style.size);
}

const pieceWidth = (piece: VisualPiece, style: TextStyle) => emWidth(piece.face, style.weight, piece.text) * style.size;

// Where every face's baseline sits below a line's top: the Arabic face's ascent, which its Arabic
// outlines are drawn from (pdfkit would otherwise use each font's own ascent).
const baselineDrop = (style: TextStyle) => {
  const font = fontOf('arabic', style.weight);
  return (font.ascent / font.unitsPerEm) * style.size;
};

// Characters Intl writes (in French amounts: "1 234,50 €") that the Latin face has no glyph for,
// drawn as the nearest one it has. Lines are cut before this, so a breaking look-alike cannot break them.
const lookAlikes: Record<string, string> = { '\u202f': '\u2009', '\u2010': '-', '\u2011': '-' };
const drawable = (text: string) => text.replace(/[\u202f\u2010\u2011]/g, (char) => lookAlikes[char] ?? char);

function trace(doc: Doc, commands: PathCommand[]): void {
  for (const c of commands) {
    if (c.command === 'moveTo') doc.moveTo(...c.args);
    else if (c.command === 'lineTo') doc.lineTo(...c.args);
    else if (c.command === 'quadraticCurveTo') doc.quadraticCurveTo(...c.args);
    else if (c.command === 'bezierCurveTo') doc.bezierCurveTo(...c.args);
    else doc.closePath();
  }
}

function drawArabic(
  doc: Doc,
  piece: VisualPiece,
  at: { x: number; y: number; width: number },
  style: TextStyle,
  color: string,
) {
  const font = fontOf('arabic', style.weight);
  const scale = style.size / font.unitsPerEm;
  // pdfkit puts a line's baseline one ascent below its y.
  const baseline = at.y + font.ascent * scale;
  const run = font.layout(piece.text);
  let pen = at.x;
  run.glyphs.forEach((glyph, i) => {
    const position = run.positions[i];
    if (!position) return;
    const outline = outlineOf(style.weight, glyph);
    if (outline.length > 0) {
      doc
        .save()
        .translate(pen + position.xOffset * scale, baseline - position.yOffset * scale)
        .scale(scale, -scale);
      trace(doc, outline);
      doc.fill(color).restore();
    }
    pen += position.xAdvance * scale;
  });
  const plainWidth = emWidth('arabic', style.weight, piece.text, true) * style.size;
  use(doc, piece, style).save().fillOpacity(0);
  doc.text(piece.text, at.x, at.y, {
    features: unshaped,
    lineBreak: false,
    // Stretched over the shaped words, so that selecting the text highlights what is seen.
    horizontalScaling: plainWidth > 0 ? (at.width / plainWidth) * 100 : 100,
  } as PDFKit.Mixins.TextOptions);
  doc.restore();
}

function measurePieces(pieces: VisualPiece[], style: TextStyle): number[] {
  return pieces.map((piece) => pieceWidth(piece, style));
}

/** The width of a line as it will be drawn. */
export function measureLine(text: string, style: TextStyle): number {
  return measurePieces(visualPieces(drawable(text), style.base), style).reduce((sum, w) => sum + w, 0);
}

/** The height one line of this style takes: the Arabic face's, the tallest. */
export function lineHeight(doc: Doc, style: TextStyle): number {
  return doc.font(fontName('arabic', style.weight)).fontSize(style.size).currentLineHeight(true);
}

export type Align = 'start' | 'end' | 'center';

/**
 * Draws one line inside [x, x + width]. `start` and `end` follow the paragraph direction: the start
 * of a right-to-left line is its right edge.
 */
export function drawLine(
  doc: Doc,
  text: string,
  box: { x: number; y: number; width: number },
  style: TextStyle,
  align: Align = 'start',
): void {
  const pieces = visualPieces(drawable(text), style.base);
  const widths = measurePieces(pieces, style);
  const total = widths.reduce((sum, w) => sum + w, 0);
  const atRight = (align === 'start') === (style.base === 'rtl');
  let x = align === 'center' ? box.x + (box.width - total) / 2 : atRight ? box.x + box.width - total : box.x;
  const color = style.color ?? '#111111';
  pieces.forEach((piece, i) => {
    const width = widths[i] ?? 0;
    if (piece.face === 'arabic') {
      drawArabic(doc, piece, { x, y: box.y, width }, style, color);
    } else {
      doc.fillColor(color);
      use(doc, piece, style).text(piece.text, x, box.y, {
        ...wholeRun,
        lineBreak: false,
        // pdfkit takes a number as the baseline's height above y: negative puts it below.
        baseline: -baselineDrop(style),
      });
    }
    x += width;
  });
}

// Any white space but the no-break ones, which Intl puts inside amounts and dates ("1 234,50 €").
const breakingSpace = /[^\S\u00a0\u2007\u202f]+/u;

/** Breaks a logical text into lines no wider than `width`, at spaces (a longer word stands alone). */
export function wrapText(text: string, width: number, style: TextStyle): string[] {
  const words = text.split(breakingSpace).filter((word) => word.length > 0);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && measureLine(candidate, style) > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** The text as one line no wider than `width`: whole when it fits, else cut and ended with "…". */
export function fitLine(text: string, width: number, style: TextStyle): string {
  if (measureLine(text, style) <= width) return text;
  const chars = Array.from(text);
  const cut = (kept: number) => `${chars.slice(0, kept).join('').trimEnd()}…`;
  // The longest start that fits, found by halving: a note may be long, and each try lays it out.
  let [fits, tooLong] = [0, chars.length];
  while (tooLong - fits > 1) {
    const middle = (fits + tooLong) >> 1;
    if (measureLine(cut(middle), style) <= width) fits = middle;
    else tooLong = middle;
  }
  return cut(fits);
}

/** Draws a wrapped paragraph and returns the y below it. */
export function drawParagraph(
  doc: Doc,
  text: string,
  box: { x: number; y: number; width: number },
  style: TextStyle,
  align: Align = 'start',
): number {
  const height = lineHeight(doc, style);
  let y = box.y;
  for (const line of wrapText(text, box.width, style)) {
    drawLine(doc, line, { x: box.x, y, width: box.width }, style, align);
    y += height;
  }
  return y;
}
