/**
 * Zooming and turning a scanned image. At zoom 1 the image fits the viewer's width; each step
 * zooms in or out; turning goes a quarter clockwise. The layout is computed here so the viewer
 * scrolls over the whole turned image: the stage takes the size of the image as seen (its width and
 * height swap at a quarter turn), and the image is turned round the stage's centre.
 */
export const zoomSteps = [0.5, 0.75, 1, 1.5, 2, 3, 4] as const;
export type Rotation = 0 | 90 | 180 | 270;

export interface ImageView {
  zoom: number;
  rotation: Rotation;
}

export const initialView: ImageView = { zoom: 1, rotation: 0 };

export function zoomIn(view: ImageView): ImageView {
  const next = zoomSteps.find((step) => step > view.zoom);
  return next === undefined ? view : { ...view, zoom: next };
}

export function zoomOut(view: ImageView): ImageView {
  const next = [...zoomSteps].reverse().find((step) => step < view.zoom);
  return next === undefined ? view : { ...view, zoom: next };
}

export const canZoomIn = (view: ImageView) => view.zoom < zoomSteps[zoomSteps.length - 1]!;
export const canZoomOut = (view: ImageView) => view.zoom > zoomSteps[0];

export const rotate = (view: ImageView): ImageView => ({ ...view, rotation: ((view.rotation + 90) % 360) as Rotation });

export interface Size {
  width: number;
  height: number;
}

/** The stage (what scrolls) and the image inside it, in CSS pixels; null until both sizes are known. */
export function imageLayout(natural: Size, viewerWidth: number, view: ImageView): { stage: Size; image: Size } | null {
  if (natural.width <= 0 || natural.height <= 0 || viewerWidth <= 0) return null;
  const isQuarter = view.rotation === 90 || view.rotation === 270;
  // The width the image shows across the viewer: its own width, or its height once turned.
  const across = viewerWidth * view.zoom;
  const image = isQuarter
    ? { width: (across * natural.width) / natural.height, height: across }
    : { width: across, height: (across * natural.height) / natural.width };
  const stage = isQuarter ? { width: image.height, height: image.width } : { ...image };
  return { stage, image };
}

/** Zoom as a person reads it: "150 %". */
export const zoomPercent = (view: ImageView) => Math.round(view.zoom * 100);
