import { inflateSync } from 'node:zlib';
import jsQRModule from 'jsqr';
import { PDFParse } from 'pdf-parse';

/**
 * Reads a convocation back the way a machine would, for tests: its text (pdf-parse) and the
 * content of its QR code (the image's pixels taken from the PDF, decoded by jsQR). No rendering
 * tool is needed: the image XObjects pdfkit writes are plain Flate streams.
 */
export async function extractPdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

interface RasterImage {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

const numberIn = (dictionary: string, key: string): number | undefined => {
  const match = new RegExp(`/${key}\\s+(\\d+)`).exec(dictionary);
  return match ? Number(match[1]) : undefined;
};

/** Undoes PNG row filters (PDF predictors 10-15), as in the PNG specification. */
function unfilterPngRows(data: Buffer, width: number, height: number, channels: number): Buffer {
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let row = 0; row < height; row++) {
    const filter = data[row * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const raw = data[row * (stride + 1) + 1 + i] ?? 0;
      const left = i >= channels ? (out[row * stride + i - channels] ?? 0) : 0;
      const up = row > 0 ? (out[(row - 1) * stride + i] ?? 0) : 0;
      const upLeft = row > 0 && i >= channels ? (out[(row - 1) * stride + i - channels] ?? 0) : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      out[row * stride + i] = (raw + predicted) & 0xff;
    }
  }
  return out;
}

/** Every 8-bit grey or RGB image XObject of the PDF, as RGBA pixels. */
export function extractPdfImages(pdf: Buffer): RasterImage[] {
  const text = pdf.toString('latin1');
  const images: RasterImage[] = [];
  const objects = /\d+ 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g;
  for (let match = objects.exec(text); match; match = objects.exec(text)) {
    const dictionary = match[1] ?? '';
    if (!/\/Subtype\s*\/Image/.test(dictionary) || !/\/Filter\s*\/FlateDecode/.test(dictionary)) continue;
    const width = numberIn(dictionary, 'Width');
    const height = numberIn(dictionary, 'Height');
    const length = numberIn(dictionary, 'Length');
    const channels = /\/DeviceRGB/.test(dictionary) ? 3 : /\/DeviceGray/.test(dictionary) ? 1 : 0;
    if (!width || !height || length === undefined || !channels || numberIn(dictionary, 'BitsPerComponent') !== 8)
      continue;
    const start = match.index + match[0].length;
    let pixels: Buffer = inflateSync(pdf.subarray(start, start + length));
    if ((numberIn(dictionary, 'Predictor') ?? 1) >= 10) pixels = unfilterPngRows(pixels, width, height, channels);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      for (let c = 0; c < 3; c++) rgba[i * 4 + c] = pixels[i * channels + (channels === 3 ? c : 0)] ?? 0;
      rgba[i * 4 + 3] = 255;
    }
    images.push({ width, height, rgba });
  }
  return images;
}

// jsqr is a CommonJS bundle whose function sits on `default`: depending on the loader, the default
// import is the function or the module object holding it.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const loaded: unknown = jsQRModule;
const jsQR = (typeof loaded === 'function' ? loaded : (loaded as { default: unknown }).default) as Decode;

/** The text of a QR code in RGBA pixels, or null: jsQR, whichever way the loader gave it. */
export const decodeQrPixels: Decode = (data, width, height) => jsQR(data, width, height);

/** The text of the first QR code found in the PDF's images, or null. */
export function decodePdfQr(pdf: Buffer): string | null {
  for (const image of extractPdfImages(pdf)) {
    const code = jsQR(image.rgba, image.width, image.height);
    if (code) return code.data;
  }
  return null;
}
