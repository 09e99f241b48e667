import { describe, expect, it } from 'vitest';
import { canZoomIn, canZoomOut, imageLayout, initialView, rotate, zoomIn, zoomOut, zoomPercent } from './image-view.ts';

describe('an image in the viewer', () => {
  it('zooms in and out by steps, and stops at either end', () => {
    let view = initialView;
    view = zoomIn(view);
    expect(zoomPercent(view)).toBe(150);
    view = zoomOut(zoomOut(view));
    expect(zoomPercent(view)).toBe(75);
    view = zoomOut(zoomOut(zoomOut(view)));
    expect(view.zoom).toBe(0.5);
    expect(canZoomOut(view)).toBe(false);
    for (let i = 0; i < 10; i++) view = zoomIn(view);
    expect(view.zoom).toBe(4);
    expect(canZoomIn(view)).toBe(false);
    expect(canZoomOut(view)).toBe(true);
  });

  it('turns a quarter clockwise at a time, back to upright after four', () => {
    let view = initialView;
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      view = rotate(view);
      seen.push(view.rotation);
    }
    expect(seen).toEqual([90, 180, 270, 0]);
  });

  it('fits the viewer’s width at zoom 1, upright or upside down', () => {
    const layout = imageLayout({ width: 1000, height: 1400 }, 500, initialView);
    expect(layout).toEqual({ stage: { width: 500, height: 700 }, image: { width: 500, height: 700 } });
    expect(imageLayout({ width: 1000, height: 1400 }, 500, { zoom: 1, rotation: 180 })?.stage).toEqual({
      width: 500,
      height: 700,
    });
  });

  it('keeps a quarter-turned image across the viewer’s width, the stage the size of the image as seen', () => {
    const layout = imageLayout({ width: 1000, height: 1400 }, 700, { zoom: 2, rotation: 90 });
    // Turned, the page's height runs across: 1400 wide as seen, 1000 high.
    expect(layout?.image).toEqual({ width: 1000, height: 1400 });
    expect(layout?.stage).toEqual({ width: 1400, height: 1000 });
  });

  it('waits for both sizes before laying anything out', () => {
    expect(imageLayout({ width: 0, height: 0 }, 500, initialView)).toBeNull();
    expect(imageLayout({ width: 10, height: 10 }, 0, initialView)).toBeNull();
  });
});
