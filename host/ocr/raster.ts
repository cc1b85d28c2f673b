/**
 * The few raster operations the recogniser needs, on plain RGB arrays: quarter turns, bilinear resizing into
 * a model's input tensor, and sampling a rotated rectangle (a text line) straight into the recogniser's
 * 48-pixel-high input. No canvas and no native code, so the engine runs alike in a worker thread, the CLI and
 * the tests.
 */
import type { RotatedRect } from './text-regions';

/** 8-bit RGB, row-major, 3 bytes a pixel. */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export type QuarterTurn = 0 | 90 | 180 | 270;

/** The image turned clockwise by `turn` degrees. */
export function turnImage(image: RgbImage, turn: QuarterTurn): RgbImage {
  if (turn === 0) return image;
  const { width: w, height: h, data } = image;
  const out = new Uint8Array(data.length);
  const width = turn === 180 ? w : h;
  const height = turn === 180 ? h : w;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let nx: number;
      let ny: number;
      if (turn === 90) {
        nx = h - 1 - y;
        ny = x;
      } else if (turn === 180) {
        nx = w - 1 - x;
        ny = h - 1 - y;
      } else {
        nx = y;
        ny = w - 1 - x;
      }
      const from = (y * w + x) * 3;
      const to = (ny * width + nx) * 3;
      out[to] = data[from]!;
      out[to + 1] = data[from + 1]!;
      out[to + 2] = data[from + 2]!;
    }
  }
  return { data: out, width, height };
}

/** A point of an image of size (w, h) after the image is turned clockwise by `turn`. */
export function turnPoint(x: number, y: number, w: number, h: number, turn: QuarterTurn): [number, number] {
  if (turn === 90) return [h - y, x];
  if (turn === 180) return [w - x, h - y];
  if (turn === 270) return [y, w - x];
  return [x, y];
}

/** Per-channel normalisation into a model input: (value / 255 − mean) / std, channels in B, G, R order. */
export interface Normalisation {
  mean: readonly [number, number, number];
  std: readonly [number, number, number];
}

/** PaddleOCR's detector: ImageNet statistics on the BGR image. */
export const DETECTION_NORM: Normalisation = { mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] };
/** PaddleOCR's recogniser and classifier: values mapped to [−1, 1]. */
export const LINE_NORM: Normalisation = { mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] };

/** Bilinear sampling of one channel at a fractional pixel position, clamped to the image's edges. */
export function sampler(image: RgbImage) {
  const { data, width, height } = image;
  return (x: number, y: number, channel: number): number => {
    const cx = Math.min(Math.max(x, 0), width - 1);
    const cy = Math.min(Math.max(y, 0), height - 1);
    const x0 = Math.floor(cx);
    const y0 = Math.floor(cy);
    const x1 = Math.min(x0 + 1, width - 1);
    const y1 = Math.min(y0 + 1, height - 1);
    const fx = cx - x0;
    const fy = cy - y0;
    const a = data[(y0 * width + x0) * 3 + channel]!;
    const b = data[(y0 * width + x1) * 3 + channel]!;
    const c = data[(y1 * width + x0) * 3 + channel]!;
    const d = data[(y1 * width + x1) * 3 + channel]!;
    return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
  };
}

/**
 * The whole image resized to `width` × `height` into a CHW float tensor (B, G, R planes). A box filter
 * averages the source pixels under each target pixel when shrinking, so thin strokes survive.
 */
export function imageTensor(
  image: RgbImage,
  width: number,
  height: number,
  norm: Normalisation,
): Float32Array {
  const out = new Float32Array(3 * width * height);
  const plane = width * height;
  const sx = image.width / width;
  const sy = image.height / height;
  const step = Math.max(1, Math.floor(Math.min(sx, sy)));
  const { data } = image;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const x0 = Math.min(Math.floor(x * sx), image.width - 1);
      const y0 = Math.min(Math.floor(y * sy), image.height - 1);
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let dy = 0; dy < step && y0 + dy < image.height; dy++) {
        for (let dx = 0; dx < step && x0 + dx < image.width; dx++) {
          const i = ((y0 + dy) * image.width + x0 + dx) * 3;
          r += data[i]!;
          g += data[i + 1]!;
          b += data[i + 2]!;
          n++;
        }
      }
      const o = y * width + x;
      out[o] = (b / n / 255 - norm.mean[0]) / norm.std[0];
      out[plane + o] = (g / n / 255 - norm.mean[1]) / norm.std[1];
      out[2 * plane + o] = (r / n / 255 - norm.mean[2]) / norm.std[2];
    }
  }
  return out;
}

/**
 * Samples a rotated rectangle of `image` into `out` (a CHW tensor `tensorWidth` wide and `height` high) at
 * batch slot `slot`: the line fills `lineWidth` columns, the rest stays as padding (0 after normalisation).
 */
export function sampleLine(
  image: RgbImage,
  rect: RotatedRect,
  out: Float32Array,
  slot: number,
  tensorWidth: number,
  height: number,
  lineWidth: number,
  norm: Normalisation,
): void {
  const at = sampler(image);
  const ux = Math.cos(rect.angle);
  const uy = Math.sin(rect.angle);
  const plane = tensorWidth * height;
  const base = slot * 3 * plane;
  const scaleU = rect.width / lineWidth;
  const scaleV = rect.height / height;
  for (let y = 0; y < height; y++) {
    const v = (y + 0.5) * scaleV - rect.height / 2;
    for (let x = 0; x < lineWidth; x++) {
      const u = (x + 0.5) * scaleU - rect.width / 2;
      const px = rect.cx + u * ux - v * uy - 0.5;
      const py = rect.cy + u * uy + v * ux - 0.5;
      const o = base + y * tensorWidth + x;
      out[o] = (at(px, py, 2) / 255 - norm.mean[0]) / norm.std[0];
      out[o + plane] = (at(px, py, 1) / 255 - norm.mean[1]) / norm.std[1];
      out[o + 2 * plane] = (at(px, py, 0) / 255 - norm.mean[2]) / norm.std[2];
    }
  }
}
