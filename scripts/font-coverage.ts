/**
 * `npx tsx scripts/font-coverage.ts`: writes templates/fonts/noto-sans-sc-coverage.json, the characters the
 * documents' font can print, as code-point ranges. The pre-flight (core, which reads no font file) reports a
 * character outside it before a build would fail on it (issue 22 point 5). test/core/documents/coverage.test.ts
 * fails when the file and the bundled font disagree.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fontCoverageRanges } from '../core/documents/coverage-ranges';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const font = await readFile(path.join(root, 'resources/fonts/NotoSansSC-Regular.ttf'));
const data = {
  kind: 'icp-packet/font-coverage',
  font: 'NotoSansSC-Regular.ttf (resources/fonts, SIL Open Font License 1.1)',
  source: 'the cmap of the bundled font, read with fontkit',
  ranges: fontCoverageRanges(font),
};
const file = path.join(root, 'templates/fonts/noto-sans-sc-coverage.json');
const { format } = await import('prettier');
await writeFile(file, await format(JSON.stringify(data), { filepath: file }));
