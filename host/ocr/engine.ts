/**
 * The text recogniser: PaddleOCR's PP-OCRv4 mobile detection and recognition models and its text-direction
 * classifier, run by onnxruntime-web on WebAssembly (the same in a worker thread of the app, the CLI and the
 * tests; no native addon). A page goes through:
 *
 *   1. detection on the page scaled to ≤ `detectionSide` px (multiples of 32) → text regions (text-regions.ts);
 *   2. orientation: a page whose lines stand upright is lying on its side (turned a quarter); the direction
 *      classifier then tells right-way-up from upside-down on the longest lines;
 *   3. recognition of every region, sampled straight from the (≤ 1600 px) page into 48-px-high lines, in
 *      batches of similar width, decoded with the dictionary (CTC).
 *
 * Boxes come back in pixels of the upright page; slight skew is left in the boxes' corners for the field
 * readers, which level the rows themselves.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import * as ort from 'onnxruntime-web';
import { mrzText } from '../../core/ocr/passport';
import type { RecognisedPage, TextBox } from '../../core/ocr/types';
import { CancelledError } from './errors';
import {
  DETECTION_NORM,
  LINE_NORM,
  imageTensor,
  sampleLine,
  turnImage,
  turnPoint,
  type QuarterTurn,
  type RgbImage,
} from './raster';
import type { OcrResources } from './resources';
import { horizontalRect, rectCorners, textRegions, type RotatedRect } from './text-regions';

export interface EngineOptions {
  /** WebAssembly threads (2 on a 2-core machine); 1 runs without worker threads. */
  threads?: number;
  /** Longest side of the detector's input. */
  detectionSide?: number;
}

export interface RecogniseOptions {
  signal?: AbortSignal;
}

const LINE_HEIGHT = 48;
const CLASSIFIER_WIDTH = 192;
const BATCH = 8;
/** A line that reads like a passport's machine-readable zone: 20+ capitals, digits and fillers. */
const MACHINE_READABLE = /^[A-Z0-9<«≪く×]{20,}$/;
/** Lengths of a machine-readable line: passports (TD3), and the smaller TD2 and TD1 documents. */
const MRZ_LENGTHS = [44, 36, 30];
/** Heights, relative to its box, a machine-readable line is read again at. */
const MRZ_SAMPLING = [0.85, 1.15];
/** Longest line the recogniser is given, as width ÷ height (a licence's business-scope line is ~40). */
const MAX_LINE_RATIO = 64;
/**
 * Narrowest input a batch is padded to, as width ÷ height. The recogniser's cost grows with its input's
 * width; PaddleOCR pads every line to 320 px (ratio 6.7), which made 40 % of a licence's work padding
 * (labels such as 名 and 称 are one character, ratio 1). Its accuracy holds down to this.
 */
const MIN_LINE_RATIO = 2;

/** A recognised page, with the time each stage took (for the bench). */
export interface EnginePage extends RecognisedPage {
  /** Finding the text and which way up it is; finding it again on a turned page; reading it. */
  timings: { orientMs: number; detectMs: number; recogniseMs: number };
}

export { CancelledError };

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

let runtimeDir: string | undefined;

/** Points onnxruntime-web at its WebAssembly files in the OCR folder (once per process). */
function configureRuntime(resources: OcrResources, threads: number): void {
  if (runtimeDir !== undefined && runtimeDir !== resources.dir)
    throw new Error(`The OCR runtime is already loaded from ${runtimeDir}`);
  runtimeDir = resources.dir;
  ort.env.wasm.wasmPaths = `${pathToFileURL(resources.dir).href}/`;
  ort.env.wasm.numThreads = threads;
  ort.env.logLevel = 'error';
}

export class OcrEngine {
  private constructor(
    private readonly detector: ort.InferenceSession,
    private readonly recogniser: ort.InferenceSession,
    private readonly classifier: ort.InferenceSession,
    private readonly characters: string[],
    /** Longest side of the detector's input: a page larger than this is shrunk to it before detection. */
    readonly detectionSide: number,
  ) {}

  /** Loads the three models and the dictionary from `resources` (about 1–3 s; reuse the engine). */
  static async create(resources: OcrResources, options: EngineOptions = {}): Promise<OcrEngine> {
    configureRuntime(resources, options.threads ?? 2);
    const session = async (file: string) =>
      ort.InferenceSession.create(new Uint8Array(await readFile(file)), {
        executionProviders: ['wasm'],
        graphOptimizationLevel: 'all',
      });
    const detector = await session(resources.detection);
    const recogniser = await session(resources.recognition);
    const classifier = await session(resources.classifier);
    const dictionary = (await readFile(resources.dictionary, 'utf8')).replace(/\r/g, '').split('\n');
    if (dictionary.at(-1) === '') dictionary.pop();
    // Class 0 is CTC's blank; the model's last class is the space.
    const characters = ['', ...dictionary, ' '];
    return new OcrEngine(detector, recogniser, classifier, characters, options.detectionSide ?? 960);
  }

  async release(): Promise<void> {
    await Promise.all([this.detector.release(), this.recogniser.release(), this.classifier.release()]);
  }

  /** Text regions of an image, in its own pixels. */
  private async detect(image: RgbImage): Promise<RotatedRect[]> {
    const scale = Math.min(1, this.detectionSide / Math.max(image.width, image.height));
    const width = Math.max(32, Math.round((image.width * scale) / 32) * 32);
    const height = Math.max(32, Math.round((image.height * scale) / 32) * 32);
    const input = new ort.Tensor('float32', imageTensor(image, width, height, DETECTION_NORM), [
      1,
      3,
      height,
      width,
    ]);
    const output = await this.detector.run({ [this.detector.inputNames[0]!]: input });
    const map = output[this.detector.outputNames[0]!]!;
    const regions = textRegions(map.data as Float32Array, width, height);
    input.dispose();
    map.dispose();
    const sx = image.width / width;
    const sy = image.height / height;
    return regions.map(({ rect }) =>
      horizontalRect({
        cx: rect.cx * sx,
        cy: rect.cy * sy,
        // Scaling a rotated rectangle unevenly is close enough here: sx and sy differ by < 4 %.
        width: rect.width * Math.hypot(Math.cos(rect.angle) * sx, Math.sin(rect.angle) * sy),
        height: rect.height * Math.hypot(Math.sin(rect.angle) * sx, Math.cos(rect.angle) * sy),
        angle: Math.atan2(Math.sin(rect.angle) * sy, Math.cos(rect.angle) * sx),
      }),
    );
  }

  /** Probability that each line is upside down (direction classifier, 0° vs 180°). */
  private async upsideDown(image: RgbImage, rects: RotatedRect[]): Promise<number[]> {
    if (rects.length === 0) return [];
    const plane = 3 * LINE_HEIGHT * CLASSIFIER_WIDTH;
    const data = new Float32Array(rects.length * plane);
    rects.forEach((rect, slot) => {
      const lineWidth = Math.min(
        CLASSIFIER_WIDTH,
        Math.max(1, Math.round((LINE_HEIGHT * rect.width) / rect.height)),
      );
      sampleLine(image, rect, data, slot, CLASSIFIER_WIDTH, LINE_HEIGHT, lineWidth, LINE_NORM);
    });
    const input = new ort.Tensor('float32', data, [rects.length, 3, LINE_HEIGHT, CLASSIFIER_WIDTH]);
    const output = await this.classifier.run({ [this.classifier.inputNames[0]!]: input });
    const probs = output[this.classifier.outputNames[0]!]!.data as Float32Array;
    return rects.map((_, i) => probs[i * 2 + 1]!);
  }

  /** Recognises batches of lines of similar width; returns text and per-character confidences. */
  private async recognise(
    image: RgbImage,
    rects: RotatedRect[],
    signal?: AbortSignal,
  ): Promise<{ text: string; confidences: number[] }[]> {
    const ratios = rects.map((r) => Math.min(MAX_LINE_RATIO, Math.max(1, r.width / Math.max(1, r.height))));
    const order = rects.map((_, i) => i).sort((a, b) => ratios[a]! - ratios[b]!);
    const results: { text: string; confidences: number[] }[] = new Array(rects.length);
    for (let start = 0; start < order.length; start += BATCH) {
      throwIfAborted(signal);
      const batch = order.slice(start, start + BATCH);
      const maxRatio = Math.max(MIN_LINE_RATIO, ...batch.map((i) => ratios[i]!));
      const tensorWidth = Math.ceil((LINE_HEIGHT * maxRatio) / 8) * 8;
      const plane = 3 * LINE_HEIGHT * tensorWidth;
      const data = new Float32Array(batch.length * plane);
      batch.forEach((index, slot) => {
        const lineWidth = Math.min(tensorWidth, Math.max(1, Math.round(LINE_HEIGHT * ratios[index]!)));
        sampleLine(image, rects[index]!, data, slot, tensorWidth, LINE_HEIGHT, lineWidth, LINE_NORM);
      });
      const input = new ort.Tensor('float32', data, [batch.length, 3, LINE_HEIGHT, tensorWidth]);
      const output = await this.recogniser.run({ [this.recogniser.inputNames[0]!]: input });
      const probs = output[this.recogniser.outputNames[0]!]!;
      const [, steps = 0, classes = 0] = probs.dims;
      const values = probs.data as Float32Array;
      batch.forEach((index, slot) => {
        results[index] = this.decode(values, slot * steps * classes, steps, classes);
      });
      input.dispose();
      probs.dispose();
    }
    return results;
  }

  /** Greedy CTC decoding: best class per step, repeats merged, blanks dropped. */
  private decode(values: Float32Array, offset: number, steps: number, classes: number) {
    let text = '';
    const confidences: number[] = [];
    let previous = -1;
    for (let t = 0; t < steps; t++) {
      let best = 0;
      let bestValue = -Infinity;
      const row = offset + t * classes;
      for (let c = 0; c < classes; c++) {
        const v = values[row + c]!;
        if (v > bestValue) {
          bestValue = v;
          best = c;
        }
      }
      if (best !== 0 && best !== previous) {
        text += this.characters[best] ?? '';
        confidences.push(bestValue);
      }
      previous = best;
    }
    return { text, confidences };
  }

  /**
   * A passport's machine-readable lines are long runs of small, evenly spaced characters (`<<<<`) that the
   * detector can cut into pieces. Each row that reads like one is read again as a single line spanning every
   * region on it.
   */
  private async joinMachineReadableRows(
    image: RgbImage,
    rects: RotatedRect[],
    lines: { text: string; confidences: number[] }[],
    signal?: AbortSignal,
  ) {
    const machine = (text: string) => MACHINE_READABLE.test(text.replace(/\s/g, ''));
    const gone = new Set<number>();
    for (let i = 0; i < rects.length; i++) {
      if (gone.has(i) || !machine(lines[i]!.text)) continue;
      const first = rects[i]!;
      // The row's longest piece sets the line's direction and height; the others only widen it.
      const base = rects
        .filter(
          (r) =>
            Math.abs(-(r.cx - first.cx) * Math.sin(first.angle) + (r.cy - first.cy) * Math.cos(first.angle)) <
            first.height / 2,
        )
        .reduce((a, b) => (b.width > a.width ? b : a), first);
      const ux = Math.cos(base.angle);
      const uy = Math.sin(base.angle);
      const across = (x: number, y: number) => -(x - base.cx) * uy + (y - base.cy) * ux;
      const along = (x: number, y: number) => (x - base.cx) * ux + (y - base.cy) * uy;
      const row = rects
        .map((r, j) => ({ r, j }))
        .filter(({ r, j }) => !gone.has(j) && Math.abs(across(r.cx, r.cy)) < base.height / 2);
      if (row.length < 2) continue;
      const corners = row.flatMap(({ r }) => rectCorners(r));
      const us = corners.map((c) => along(c.x, c.y));
      const vs = corners.map((c) => across(c.x, c.y));
      const u0 = Math.min(...us);
      const u1 = Math.max(...us);
      const v0 = Math.max(Math.min(...vs), -base.height * 0.75);
      const v1 = Math.min(Math.max(...vs), base.height * 0.75);
      const joined: RotatedRect = {
        cx: base.cx + ((u0 + u1) / 2) * ux - ((v0 + v1) / 2) * uy,
        cy: base.cy + ((u0 + u1) / 2) * uy + ((v0 + v1) / 2) * ux,
        width: u1 - u0,
        height: v1 - v0,
        angle: base.angle,
      };
      const [read] = await this.recognise(image, [joined], signal);
      if (!read || read.text.replace(/\s/g, '').length < lines[i]!.text.replace(/\s/g, '').length) continue;
      rects[i] = joined;
      lines[i] = read;
      for (const { j } of row) if (j !== i) gone.add(j);
    }
    return { rects: rects.filter((_, j) => !gone.has(j)), lines: lines.filter((_, j) => !gone.has(j)) };
  }

  /**
   * A machine-readable zone's lines are all the same length and start at the same place (TD3: 44
   * characters). On a noisy, tilted photo the detector can lose a line's run of fillers and box only its
   * start (line 1's name): a short machine-readable row next to a longer one is read again as wide as the
   * longer row, along its own line. The new reading replaces the old only when it holds more characters.
   */
  private async widenToZone(
    image: RgbImage,
    rects: RotatedRect[],
    lines: { text: string; confidences: number[] }[],
    signal?: AbortSignal,
  ): Promise<void> {
    // As the passport reader sees them: upper case, filler variants as '<' (a lower-case x is read now and then).
    const compact = (i: number) => mrzText(lines[i]!.text);
    // Only a row too short to be taken for a zone line at all (the passport reader wants 30+ characters):
    // a longer one is fitted to 44 by its fillers there, and a wider reading of it can lose a character
    // of the name (measured: a low-light photo's 'MARIA' read 'MARA' across the widened line).
    const zoneLike = (text: string) => /^[A-Z0-9<]{5,29}$/.test(text) && text.includes('<');
    for (let j = 0; j < rects.length; j++) {
      if (!MACHINE_READABLE.test(compact(j))) continue;
      const long = rects[j]!;
      for (let i = 0; i < rects.length; i++) {
        if (i === j || !zoneLike(compact(i))) continue;
        const short = rects[i]!;
        const turn = Math.atan2(Math.sin(short.angle - long.angle), Math.cos(short.angle - long.angle));
        if (Math.abs(turn) > (5 * Math.PI) / 180) continue;
        const ux = Math.cos(short.angle);
        const uy = Math.sin(short.angle);
        const along = (x: number, y: number) => (x - short.cx) * ux + (y - short.cy) * uy;
        const across = Math.abs(-(long.cx - short.cx) * uy + (long.cy - short.cy) * ux);
        // The neighbouring line of the zone: one to three line heights away.
        if (across < short.height * 0.8 || across > short.height * 3) continue;
        const us = rectCorners(long).map((c) => along(c.x, c.y));
        const u0 = Math.min(-short.width / 2, ...us);
        const u1 = Math.max(short.width / 2, ...us);
        if (u1 - u0 < short.width + short.height) continue;
        const widened: RotatedRect = {
          ...short,
          cx: short.cx + ((u0 + u1) / 2) * ux,
          cy: short.cy + ((u0 + u1) / 2) * uy,
          width: u1 - u0,
        };
        const [read] = await this.recognise(image, [widened], signal);
        if (!read || mrzText(read.text).length <= compact(i).length) continue;
        rects[i] = widened;
        lines[i] = read;
      }
    }
  }

  /**
   * Other readings of a machine-readable line read with a character too many or too few (its length is none
   * of the zone's: 44, 36 or 30), sampled a little shorter and a little taller than its box: the recogniser
   * drops or doubles a character of a `<<<<`-run now and then, differently each time, and the passport
   * reader picks among the readings by length and check digits (core/ocr/passport.ts).
   */
  private async machineReadableAlternatives(
    image: RgbImage,
    rects: RotatedRect[],
    lines: { text: string; confidences: number[] }[],
    signal?: AbortSignal,
  ): Promise<Map<number, string[]>> {
    const found = new Map<number, string[]>();
    for (let i = 0; i < rects.length; i++) {
      const text = lines[i]!.text.replace(/\s/g, '');
      if (!MACHINE_READABLE.test(text) || MRZ_LENGTHS.includes(mrzText(text).length)) continue;
      const rect = rects[i]!;
      const resized = MRZ_SAMPLING.map((scale) => ({ ...rect, height: rect.height * scale }));
      const read = await this.recognise(image, resized, signal);
      found.set(
        i,
        read.map((r) => r.text.trim()),
      );
    }
    return found;
  }

  /**
   * Which way up a page is, from its text: lines standing upright mean it lies on its side (it is turned a
   * quarter and looked at again); the direction classifier then tells right way up from upside down on the
   * longest lines. `lines` is how many lines the upside-down vote had: with none, the page has no text to
   * tell by and is taken as upright.
   */
  private async orientation(image: RgbImage, signal?: AbortSignal) {
    let rects = await this.detect(image);
    throwIfAborted(signal);
    let turn: QuarterTurn = 0;
    const tall = rects.filter((r) => r.height > 2 * r.width).reduce((s, r) => s + r.width * r.height, 0);
    const wide = rects.filter((r) => r.width > 2 * r.height).reduce((s, r) => s + r.width * r.height, 0);
    let upright = image;
    if (tall > wide) {
      turn = 90;
      rects = rects.map((r) => turnRect(r, image.width, image.height, 90));
      upright = turnImage(image, 90);
    }
    const sample = [...rects]
      .filter((r) => r.width > 2 * r.height)
      .sort((a, b) => b.width - a.width)
      .slice(0, 12);
    const flipped = await this.upsideDown(upright, sample);
    throwIfAborted(signal);
    const votes = flipped.filter((p) => p > 0.5).length;
    if (sample.length > 0 && votes * 2 > sample.length) {
      rects = rects.map((r) => turnRect(r, upright.width, upright.height, 180));
      upright = turnImage(upright, 180);
      turn = ((turn + 180) % 360) as QuarterTurn;
    }
    return { turn, upright, rects, lines: sample.length };
  }

  /**
   * Only which way up the page is (detection and the direction classifier, no recognition): how many
   * degrees it must be turned clockwise to be upright, and how many text lines that was judged on.
   */
  async orient(
    image: RgbImage,
    options: RecogniseOptions = {},
  ): Promise<{ rotation: QuarterTurn; lines: number }> {
    throwIfAborted(options.signal);
    const { turn, lines } = await this.orientation(image, options.signal);
    return { rotation: turn, lines };
  }

  /**
   * Reads a page: finds its text, turns it upright, and recognises every line. `image` should already be
   * ≤ 1600 px on its longest side (host/ocr/image.ts prepares it).
   */
  async read(image: RgbImage, options: RecogniseOptions = {}): Promise<EnginePage> {
    const { signal } = options;
    throwIfAborted(signal);
    const started = performance.now();
    const oriented = await this.orientation(image, signal);
    const { turn, upright } = oriented;
    let { rects } = oriented;
    const orientedAt = performance.now();
    // The detector places its boxes for upright text: on a turned page they sit a few pixels off the
    // lines (enough to clip a character of a passport's machine-readable zone), so the upright page is
    // looked at again.
    if (turn !== 0) {
      throwIfAborted(signal);
      rects = await this.detect(upright);
    }
    const detected = performance.now();
    let lines = await this.recognise(upright, rects, signal);
    ({ rects, lines } = await this.joinMachineReadableRows(upright, rects, lines, signal));
    await this.widenToZone(upright, rects, lines, signal);
    const alternatives = await this.machineReadableAlternatives(upright, rects, lines, signal);
    const boxes: TextBox[] = [];
    rects.forEach((rect, i) => {
      const line = lines[i]!;
      const text = line.text.trim();
      if (!text) return;
      const confidence = line.confidences.reduce((s, c) => s + c, 0) / line.confidences.length;
      const corners = rectCorners(rect);
      const others = alternatives.get(i);
      boxes.push({
        text,
        confidence,
        minConfidence: Math.min(...line.confidences),
        quad: [
          [corners[0].x, corners[0].y],
          [corners[1].x, corners[1].y],
          [corners[2].x, corners[2].y],
          [corners[3].x, corners[3].y],
        ],
        ...(others ? { alternatives: others } : {}),
      });
    });
    const timings = {
      orientMs: orientedAt - started,
      detectMs: detected - orientedAt,
      recogniseMs: performance.now() - detected,
    };
    return { width: upright.width, height: upright.height, rotation: turn, boxes, timings };
  }
}

/** A region of an image (w × h) after the image is turned clockwise by `turn`. */
function turnRect(rect: RotatedRect, w: number, h: number, turn: QuarterTurn): RotatedRect {
  const [cx, cy] = turnPoint(rect.cx, rect.cy, w, h, turn);
  const angle = rect.angle + (turn * Math.PI) / 180;
  return horizontalRect({ ...rect, cx, cy, angle: Math.atan2(Math.sin(angle), Math.cos(angle)) });
}
