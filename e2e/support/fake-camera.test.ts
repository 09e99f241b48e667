import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeQrPixels } from '../../src/modules/reception/convocation-pdf.test-support.ts';
import { qrFrame, writeQrVideo } from './fake-camera.ts';

describe('the fake camera video', () => {
  it('shows a QR code a scanner reads back', () => {
    const text = 'eyJ2IjoxLCJhcHBvaW50bWVudElkIjoiMCJ9.c2lnbmF0dXJl';
    const luma = qrFrame(text);
    const rgba = new Uint8ClampedArray(luma.length * 4);
    for (const [i, value] of luma.entries()) rgba.set([value, value, value, 255], i * 4);
    expect(decodeQrPixels(rgba, 640, 480)?.data).toBe(text);
  });

  it('is a Y4M file of whole 4:2:0 frames', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mawid-camera-'));
    try {
      const path = join(dir, 'qr.y4m');
      writeQrVideo('hello', path, 3);
      const bytes = readFileSync(path);
      const header = 'YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n';
      expect(bytes.subarray(0, header.length).toString('ascii')).toBe(header);
      expect(bytes.length).toBe(header.length + 3 * ('FRAME\n'.length + 640 * 480 * 1.5));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
