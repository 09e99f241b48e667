// The part of fontkit 2 (the font engine inside pdfkit) that the convocation uses; it ships no types.
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    codePoints: number[];
    path: { commands: PathCommand[] };
  }
  export type PathCommand =
    | { command: 'moveTo' | 'lineTo'; args: [number, number] }
    | { command: 'quadraticCurveTo'; args: [number, number, number, number] }
    | { command: 'bezierCurveTo'; args: [number, number, number, number, number, number] }
    | { command: 'closePath'; args: [] };
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
    advanceWidth: number;
  }
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    layout(text: string, features?: string[] | Record<string, boolean>): GlyphRun;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Buffer): Font;
}
