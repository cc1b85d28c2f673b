/**
 * Text regions from the detector's probability map (PaddleOCR's DB post-processing, without OpenCV): the
 * map is thresholded, split into connected regions, each region's minimum-area rectangle is found (convex
 * hull + rotating calipers), scored by its mean probability and grown by the DB "unclip" distance. Pure
 * arithmetic on arrays, so it runs the same in the app, the CLI and the tests.
 */

export interface Point {
  x: number;
  y: number;
}

/** A rotated rectangle: centre, the side along the text (width) and across it (height), angle in radians. */
export interface RotatedRect {
  cx: number;
  cy: number;
  width: number;
  height: number;
  /** Angle of the width side from the x axis, in (−π/2, π/2]. */
  angle: number;
}

export interface TextRegion {
  rect: RotatedRect;
  /** Mean detector probability inside the region. */
  score: number;
}

export interface RegionOptions {
  /** Pixels above this probability are text (PaddleOCR det_db_thresh). */
  threshold?: number;
  /** Regions whose mean probability is below this are dropped (det_db_box_thresh). */
  boxThreshold?: number;
  /** How far each region is grown, as a ratio of area to perimeter (det_db_unclip_ratio). */
  unclipRatio?: number;
  /** Regions whose short side (before growing) is below this many map pixels are dropped. */
  minSide?: number;
}

function cross(o: Point, a: Point, b: Point): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/** Andrew's monotone chain; points must be sorted by x then y. */
function convexHull(sorted: Point[]): Point[] {
  if (sorted.length <= 2) return sorted;
  const lower: Point[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0)
      lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0)
      upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

/** The minimum-area rectangle around a convex polygon: one of its sides lies on a hull edge. */
function minAreaRect(hull: Point[]): RotatedRect {
  if (hull.length === 1) return { cx: hull[0]!.x, cy: hull[0]!.y, width: 1, height: 1, angle: 0 };
  let best: RotatedRect | undefined;
  let bestArea = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len === 0) continue;
    const ux = (b.x - a.x) / len;
    const uy = (b.y - a.y) / len;
    let minU = Infinity;
    let maxU = -Infinity;
    let minV = Infinity;
    let maxV = -Infinity;
    for (const p of hull) {
      const u = p.x * ux + p.y * uy;
      const v = -p.x * uy + p.y * ux;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const mu = (minU + maxU) / 2;
      const mv = (minV + maxV) / 2;
      best = {
        cx: mu * ux - mv * uy,
        cy: mu * uy + mv * ux,
        width: maxU - minU,
        height: maxV - minV,
        angle: Math.atan2(uy, ux),
      };
    }
  }
  return best ?? { cx: hull[0]!.x, cy: hull[0]!.y, width: 1, height: 1, angle: 0 };
}

/**
 * Puts the rectangle's width along the side nearest the x axis, so a text line's width runs along the line
 * (the page is turned upright before this matters) and its angle is in [−π/4, π/4].
 */
export function horizontalRect(rect: RotatedRect): RotatedRect {
  let { width, height, angle } = rect;
  while (angle > Math.PI / 4) {
    angle -= Math.PI / 2;
    [width, height] = [height, width];
  }
  while (angle < -Math.PI / 4) {
    angle += Math.PI / 2;
    [width, height] = [height, width];
  }
  return { ...rect, width, height, angle };
}

/** The four corners, clockwise from the top-left of the text. */
export function rectCorners(rect: RotatedRect): [Point, Point, Point, Point] {
  const ux = Math.cos(rect.angle);
  const uy = Math.sin(rect.angle);
  const hw = rect.width / 2;
  const hh = rect.height / 2;
  const at = (u: number, v: number): Point => ({
    x: rect.cx + u * ux - v * uy,
    y: rect.cy + u * uy + v * ux,
  });
  return [at(-hw, -hh), at(hw, -hh), at(hw, hh), at(-hw, hh)];
}

/**
 * Text regions of a probability map (`width` × `height`, row-major), in map pixels. Regions are returned
 * grown by the unclip distance and turned so their width runs along the x axis.
 */
export function textRegions(
  map: Float32Array,
  width: number,
  height: number,
  options: RegionOptions = {},
): TextRegion[] {
  const threshold = options.threshold ?? 0.3;
  const boxThreshold = options.boxThreshold ?? 0.6;
  const unclipRatio = options.unclipRatio ?? 1.5;
  const minSide = options.minSide ?? 3;
  const label = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  const regions: TextRegion[] = [];
  let next = 0;
  for (let start = 0; start < map.length; start++) {
    if (label[start] !== 0 || map[start]! <= threshold) continue;
    next += 1;
    label[start] = next;
    let top = 0;
    stack[top++] = start;
    let sum = 0;
    let count = 0;
    // Leftmost and rightmost pixel of each row the region touches: enough for its convex hull.
    const rowMin = new Map<number, number>();
    const rowMax = new Map<number, number>();
    while (top > 0) {
      const index = stack[--top]!;
      const x = index % width;
      const y = (index - x) / width;
      sum += map[index]!;
      count += 1;
      if (!(rowMin.get(y)! <= x)) rowMin.set(y, x);
      if (!(rowMax.get(y)! >= x)) rowMax.set(y, x);
      const push = (n: number) => {
        if (label[n] === 0 && map[n]! > threshold) {
          label[n] = next;
          stack[top++] = n;
        }
      };
      if (x > 0) push(index - 1);
      if (x < width - 1) push(index + 1);
      if (y > 0) push(index - width);
      if (y < height - 1) push(index + width);
    }
    if (count < 4) continue;
    const score = sum / count;
    if (score < boxThreshold) continue;
    const points: Point[] = [];
    for (const [y, x0] of rowMin) {
      const x1 = rowMax.get(y)!;
      // Pixel corners, so a one-pixel-high row still has an extent.
      points.push({ x: x0, y }, { x: x0, y: y + 1 }, { x: x1 + 1, y }, { x: x1 + 1, y: y + 1 });
    }
    points.sort((a, b) => a.x - b.x || a.y - b.y);
    const rect = minAreaRect(convexHull(points));
    if (Math.min(rect.width, rect.height) < minSide) continue;
    // DB unclip: grow by area × ratio / perimeter on every side.
    const distance = (rect.width * rect.height * unclipRatio) / (2 * (rect.width + rect.height));
    const grown = { ...rect, width: rect.width + 2 * distance, height: rect.height + 2 * distance };
    regions.push({ rect: horizontalRect(grown), score });
  }
  return regions;
}
