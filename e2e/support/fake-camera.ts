import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

const WIDTH = 640;
const HEIGHT = 480;

/**
 * The luminance plane (one byte a pixel, 0 black, 255 white) of a camera frame that shows a QR
 * code of `text` centred, as a phone held over a printed convocation would see it.
 */
export function qrFrame(text: string, width = WIDTH, height = HEIGHT): Uint8Array {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  // Four modules of quiet zone on each side, as printed.
  const scale = Math.floor(Math.min(width, height) / (modules + 8));
  const side = modules * scale;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  const luma = new Uint8Array(width * height).fill(255);
  for (let row = 0; row < modules; row++) {
    for (let col = 0; col < modules; col++) {
      if (!qr.modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        const offset = (top + row * scale + y) * width + left + col * scale;
        luma.fill(0, offset, offset + scale);
      }
    }
  }
  return luma;
}

/**
 * Writes a Y4M video (the format Chromium's --use-file-for-fake-video-capture plays in a loop) whose
 * frames all show the QR code of `text`: the device camera of a test browser then "sees" it.
 */
export function writeQrVideo(text: string, path: string, frames = 10): void {
  const luma = qrFrame(text);
  // 4:2:0: the two chroma planes at half resolution, neutral grey.
  const chroma = new Uint8Array((WIDTH / 2) * (HEIGHT / 2)).fill(128);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const frame = Buffer.concat([Buffer.from('FRAME\n', 'ascii'), luma, chroma, chroma]);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
