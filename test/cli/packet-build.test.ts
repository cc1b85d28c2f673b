/**
 * The "Done when", end to end: `icp-packet sample` then `icp-packet build <sample> --zip` (a real
 * process through bin/icp-packet.cjs), and the packet it writes read back with independent tools that
 * `npm ci` installs — SHA-256, pdf.js, pdf-lib, fontkit, sharp, fflate and the zip's own central directory.
 * No system tool is spawned (poppler and unzip are not on a machine with only Node and npm); rendering
 * checks with poppler live in the e2e suite.
 */
import type { PDFHexString } from 'pdf-lib';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { prepareDocument } from '../../core/documents/render';
import { restore } from '../../core/model/restore';
import type { Case } from '../../core/model/case';
import { planPacket } from '../../core/packet/gate';
import { uploadProfile } from '../../core/packet/profiles';
import { unsafePathReason } from '../../core/packet/safe-names';
import type { PacketManifest } from '../../core/packet/types';
import {
  MEDIA_PREFIX,
  UNRESOLVED_PREFIX,
  WECHAT_FIELD_TREE,
  valueAtWechatPath,
} from '../../core/packet/wechat-filing';
import { decidePathway } from '../../core/rules/decide';
import { readScanMarks } from '../../host/signing/scan-marks';
import { exportCaseArchive } from '../../host/store/icpcase';
import { bundledFonts, embeddedFonts, extractText, parseIndependently } from '../core/documents/pdf-reader';
import { RESOURCES_DIR } from '../support/paths';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

let dir: string;
let packetDir: string;
let manifest: PacketManifest;
let sampleCaseData: Case;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    cwd: dir,
    resourcesDir: RESOURCES_DIR,
  });
  return { code, out, err };
}

const compact = (text: string) => text.replace(/\s+/g, '');
/** pdf.js wants a plain Uint8Array, not a Buffer. */
const readBytes = async (file: string) => new Uint8Array(await readFile(file));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The central directory of a zip, read by hand: each entry's name, its UTF-8 flag and Unicode Path field. */
function centralDirectory(zip: Uint8Array): { name: string; utf8Flag: boolean; unicodePath?: string }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  expect(end).toBeGreaterThanOrEqual(0);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const out: { name: string; utf8Flag: boolean; unicodePath?: string }[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = utf8.decode(zip.subarray(at + 46, at + 46 + nameLength));
    let unicodePath: string | undefined;
    let x = at + 46 + nameLength;
    const extraEnd = x + extraLength;
    while (x + 4 <= extraEnd) {
      const id = view.getUint16(x, true);
      const size = view.getUint16(x + 2, true);
      if (id === 0x7075) unicodePath = utf8.decode(zip.subarray(x + 4 + 5, x + 4 + size));
      x += 4 + size;
    }
    out.push({ name, utf8Flag: (flags & 0x0800) !== 0, ...(unicodePath ? { unicodePath } : {}) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

async function listFiles(base: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(base, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(base, relative)));
    else out.push(relative);
  }
  return out.sort();
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'icp-packet-'));
  const sample = await run('sample', '--out', 'sample', '--lang', 'en');
  expect(sample.code, sample.err).toBe(0);
  const restored = restore(JSON.parse(await readFile(path.join(dir, 'sample', 'case.json'), 'utf8')));
  if (!restored.ok) throw new Error(restored.details);
  sampleCaseData = restored.case;

  // The real command line, as a user runs it from a clean clone.
  const { stdout } = await exec(
    process.execPath,
    [
      path.join(root, 'bin/icp-packet.cjs'),
      'build',
      'sample/case.json',
      '--out',
      'out',
      '--zip',
      '--lang',
      'en',
    ],
    { cwd: dir, maxBuffer: 10 * 1024 * 1024 },
  );
  expect(stdout).toMatch(/Packet written: /);
  const [folder] = (await readdir(path.join(dir, 'out'), { withFileTypes: true })).filter((e) =>
    e.isDirectory(),
  );
  if (!folder) throw new Error('no packet folder written');
  packetDir = path.join(dir, 'out', folder.name);
  manifest = JSON.parse(await readFile(path.join(packetDir, 'manifest.json'), 'utf8')) as PacketManifest;
}, 240_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('icp-packet sample', () => {
  it('writes case.json whose attachments are found by SHA-256 under attachments/', async () => {
    expect(sampleCaseData.attachments.length).toBeGreaterThanOrEqual(5);
    for (const meta of sampleCaseData.attachments) {
      const bytes = await readFile(path.join(dir, 'sample', 'attachments', `${meta.id}.jpg`));
      expect(sha256(bytes)).toBe(meta.id);
      expect(meta.bytes).toBe(bytes.length);
      const info = await sharp(bytes).metadata();
      expect([info.format, info.width, info.height]).toEqual(['jpeg', meta.widthPx, meta.heightPx]);
    }
    expect(sampleCaseData.name).toMatch(/样本.*SAMPLE/);
  });

  it('refuses to overwrite an existing sample without --force', async () => {
    expect((await run('sample', '--out', 'sample', '--lang', 'en')).code).toBe(2);
  });
});

describe('the packet icp-packet build writes', () => {
  it('follows the DESIGN §5 layout under <case>-<pathway>-<yyyymmdd>', async () => {
    expect(path.basename(packetDir)).toMatch(
      /^样本 SAMPLE — 澜岸家居优选 mini-program shop-icp-filing-\d{8}$/,
    );
    const files = await listFiles(packetDir);
    expect(files).toContain('00 目录 Index.pdf');
    expect(files).toContain('完整材料包 Full packet.pdf');
    expect(files).toContain('双语核对版 Bilingual review.pdf');
    expect(files).toContain('portal-fields.html');
    expect(files).toContain('wechat-apply-icp-filing.json');
    expect(files).toContain('manifest.json');
    expect(files).toContain('附件 Attachments/营业执照.jpg');
    expect(files).toContain('附件 Attachments/主体负责人身份证件（护照）.jpg');
    expect(files).toContain('附件 Attachments/小程序负责人身份证件（正面）.jpg');
    const generated = files.filter((f) => /^\d\d /.test(f) && f !== '00 目录 Index.pdf');
    expect(generated.length).toBeGreaterThanOrEqual(3);
    generated.forEach((file, i) => expect(file.startsWith(String(i + 1).padStart(2, '0'))).toBe(true));
  });

  it('lists every file in manifest.json with its exact size and SHA-256', async () => {
    const files = (await listFiles(packetDir)).filter((f) => f !== 'manifest.json');
    expect(manifest.files.map((f) => f.path).sort()).toEqual(files);
    for (const entry of manifest.files) {
      const bytes = await readFile(path.join(packetDir, ...entry.path.split('/')));
      expect(bytes.length, entry.path).toBe(entry.bytes);
      expect(sha256(bytes), entry.path).toBe(entry.sha256);
    }
    expect(manifest.rulesVersion).toMatch(/checklist@\d+/);
    expect(manifest.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.profile.id).toBe('wechat');
    expect(manifest.templates.map((t) => t.id)).toContain('packet-index');
    for (const t of manifest.templates) expect(t.version).toBeGreaterThanOrEqual(1);
    expect(Number.isNaN(Date.parse(manifest.generatedAt))).toBe(false);
  });

  it('names every file safely for Windows, well under 260 characters', async () => {
    for (const file of await listFiles(path.dirname(packetDir))) {
      expect(unsafePathReason(file), file).toBeNull();
    }
  });

  it('merges everything into one PDF with bookmarks grouped (documents, 附件), open, in Chinese, which pdf.js opens', async () => {
    const file = path.join(packetDir, '完整材料包 Full packet.pdf');
    const bytes = await readFile(file);
    const doc = await PDFDocument.load(bytes);
    const outlines = doc.context.lookup(doc.catalog.get(PDFName.of('Outlines')), PDFDict);
    const pages = doc.getPages().map((p) => p.ref);
    /** Leaf bookmarks in order, with their page, and the groups they sit in. */
    const leaves: { title: string; page: number; group: string }[] = [];
    const groups: string[] = [];
    const walk = (first: unknown, group: string) => {
      let item = first;
      while (item instanceof PDFRef) {
        const dict = doc.context.lookup(item, PDFDict);
        const title = (dict.lookup(PDFName.of('Title')) as PDFHexString).decodeText();
        const child = dict.get(PDFName.of('First'));
        if (child instanceof PDFRef) {
          groups.push(title);
          // Open: a positive count of the children shown.
          expect(Number(dict.get(PDFName.of('Count'))?.toString())).toBeGreaterThan(0);
          walk(child, title);
        } else {
          const destination = dict.lookup(PDFName.of('Dest')) as unknown as { get(i: number): PDFRef };
          leaves.push({ title, page: pages.indexOf(destination.get(0)) + 1, group });
        }
        item = dict.get(PDFName.of('Next'));
      }
    };
    walk(outlines.get(PDFName.of('First')), '');
    expect(groups).toEqual(manifest.attachments.length ? ['申报文件', '附件'] : ['申报文件']);
    expect(leaves).toHaveLength(manifest.fullPacket.entries.length);
    leaves.forEach((leaf, i) => {
      expect(leaf.page).toBe(manifest.fullPacket.entries[i]?.firstPage);
      expect(leaf.title).not.toMatch(/[A-Za-z]{3}/);
    });
    expect(leaves[0]).toMatchObject({ title: '申报材料目录', group: '' });
    // Documents (a signed document one entry per scanned page) first, then the attachments.
    const documents = manifest.fullPacket.entries.filter((e) => !e.file.startsWith('附件 ')).length;
    expect(leaves.slice(1, documents).every((l) => l.group === '申报文件')).toBe(true);
    expect(leaves.slice(documents).every((l) => l.group === '附件')).toBe(true);
    // Every page carries its packet page number.
    const stamped = (await extractText(new Uint8Array(bytes))).items.filter((i) =>
      /^\d+ \/ \d+$/.test(i.text.trim()),
    );
    expect(stamped.map((i) => i.page)).toEqual(pages.map((_, i) => i));

    // An independent reader (pdf.js, as in Firefox) sees every page and the Chinese text.
    const read = await extractText(new Uint8Array(bytes));
    expect(read.pageCount).toBe(doc.getPageCount());
    const text = compact(read.items.map((i) => i.text).join(''));
    expect(text).toContain('申报材料目录');
    expect(text).toContain('上海澜岸贸易有限公司');
    // pdf.js loads here first: more than the default 5 s on a loaded machine.
  }, 30_000);

  it('extracts every generated document’s Chinese text exactly, alone and inside the full packet', async () => {
    const decision = decidePathway(sampleCaseData.answers);
    const plan = planPacket(sampleCaseData, decision);
    const now = new Date(manifest.generatedAt);
    const full = await extractText(await readBytes(path.join(packetDir, '完整材料包 Full packet.pdf')));
    // Documents signed by hand are their signed scans (pictures, read back by their marks below).
    for (const template of manifest.templates.filter((t) => t.id !== 'packet-index' && !t.signed)) {
      const prepared = prepareDocument(template.id, sampleCaseData, {
        variant: 'submission',
        fonts: bundledFonts(),
        decision: plan.documents,
        now,
      });
      // Page by page, in drawing order: the text a reviewer copies out of each page is the text laid out for it.
      const pageCount = Math.max(...prepared.layout.ops.map((op) => op.page)) + 1;
      const expectedPages = Array.from({ length: pageCount }, (_, page) =>
        compact(
          prepared.layout.ops.map((op) => (op.kind === 'text' && op.page === page ? op.text : '')).join(''),
        ),
      );
      expect(expectedPages.join('')).toMatch(/[\u4e00-\u9fff]{20}/);
      const pagesOf = (items: { page: number; text: string }[], first: number) =>
        expectedPages.map((_, page) =>
          compact(
            items
              // The full packet's page stamp ("12 / 40") is the packet's, not the document's.
              .filter((i) => i.page === first + page && !/^\d+ \/ \d+$/.test(i.text.trim()))
              .map((i) => i.text)
              .join(''),
          ),
        );

      const alone = await extractText(await readBytes(path.join(packetDir, template.file)));
      expect(alone.pageCount, template.file).toBe(pageCount);
      expect(pagesOf(alone.items, 0), template.file).toEqual(expectedPages);

      const entry = manifest.fullPacket.entries.find((e) => e.file === template.file);
      if (!entry) throw new Error(`${template.file} missing from the full packet`);
      expect(entry.lastPage - entry.firstPage + 1).toBe(pageCount);
      expect(pagesOf(full.items, entry.firstPage - 1), `${template.file} in the full packet`).toEqual(
        expectedPages,
      );
    }
  }, 120_000);

  it('puts page ranges in the index that match the full packet', async () => {
    const index = await extractText(await readBytes(path.join(packetDir, '00 目录 Index.pdf')));
    const text = compact(index.items.map((i) => i.text).join(''));
    for (const entry of manifest.fullPacket.entries.slice(1)) {
      const range =
        entry.firstPage === entry.lastPage ? `${entry.firstPage}` : `${entry.firstPage}–${entry.lastPage}`;
      expect(text).toContain(`${String(entry.number).padStart(2, '0')}${compact(entry.title.zh)}`);
      expect(text).toContain(range);
    }
  });

  it('embeds every glyph with the outline of the bundled font, in every PDF of the packet', async () => {
    const originals = {
      Regular: parseIndependently(bundledFonts().regular),
      Bold: parseIndependently(bundledFonts().bold ?? bundledFonts().regular),
    };
    let compared = 0;
    const pdfs = (await listFiles(packetDir)).filter((f) => f.endsWith('.pdf'));
    for (const file of pdfs) {
      for (const font of await embeddedFonts(await readBytes(path.join(packetDir, file)))) {
        const subset = parseIndependently(font.bytes);
        const original = originals[font.baseFont.endsWith('Bold') ? 'Bold' : 'Regular'];
        for (const [glyphId, text] of font.toUnicode) {
          const expected = original.glyphForCodePoint(text.codePointAt(0) ?? 0).path.toSVG();
          expect(subset.getGlyph(glyphId).path.toSVG(), `${file} "${text}"`).toBe(expected);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  }, 180_000);

  it('normalises every attachment to the profile: JPEG, within its bytes, at least its pixels, sRGB, no metadata', async () => {
    const profile = uploadProfile(manifest.profile.id);
    expect(manifest.attachments).toHaveLength(sampleCaseData.attachments.length);
    for (const attachment of manifest.attachments) {
      const bytes = await readFile(path.join(packetDir, ...attachment.file.split('/')));
      const meta = await sharp(bytes).metadata();
      expect(meta.format, attachment.file).toBe('jpeg');
      expect(meta.space, attachment.file).toBe('srgb');
      expect(bytes.length, attachment.file).toBeLessThanOrEqual(profile.maxBytes.value);
      expect(Math.max(meta.width, meta.height)).toBeGreaterThanOrEqual(profile.minPixels.longEdge);
      expect(Math.min(meta.width, meta.height)).toBeGreaterThanOrEqual(profile.minPixels.shortEdge);
      expect(meta.exif ?? meta.xmp ?? meta.iptc, attachment.file).toBeUndefined();
    }
  });

  it('keeps each scan’s normalised copy beside it, so the next build streams it instead of normalising', async () => {
    const attachmentsDir = path.join(dir, 'sample', 'attachments');
    const notes = (await readdir(attachmentsDir)).filter((n) => n.endsWith('.scan.json'));
    expect(notes.map((n) => n.split('.')[0]).sort()).toEqual(
      [...new Set(sampleCaseData.attachments.map((a) => a.id))].sort(),
    );
    for (const name of notes) {
      const note = JSON.parse(await readFile(path.join(attachmentsDir, name), 'utf8')) as {
        sha256: string;
        reencoded: boolean;
      };
      // The packet's scan is the stored copy, byte for byte.
      const inPacket = manifest.attachments.find((a) => a.attachmentId === name.split('.')[0]);
      const entry = manifest.files.find((f) => f.path === inPacket?.file);
      expect(entry?.sha256).toBe(note.sha256);
      const copy = await readFile(path.join(attachmentsDir, `${note.sha256}.jpg`));
      expect(sha256(copy)).toBe(note.sha256);
    }
  });

  it('writes the WeChat applyIcpFiling body with every required field of the field tree', async () => {
    const json = JSON.parse(
      await readFile(path.join(packetDir, 'wechat-apply-icp-filing.json'), 'utf8'),
    ) as Record<string, unknown> & {
      _icp_packet: { media: { field: string; file: string }[]; unresolved: { field: string }[] };
    };
    const required = WECHAT_FIELD_TREE.filter((f) => f.required === 'yes');
    expect(required.length).toBeGreaterThan(30);
    for (const field of required) {
      const values = valueAtWechatPath(json, field.path);
      expect(values.length, field.path).toBeGreaterThan(0);
      for (const value of values) {
        if (field.type === 'object') expect(typeof value, field.path).toBe('object');
        else if (field.type === 'array') expect(Array.isArray(value), field.path).toBe(true);
        else expect(value === '' || value === null, field.path).toBe(false);
      }
    }
    // Output-only fields are not sent.
    for (const field of WECHAT_FIELD_TREE.filter((f) => f.required === 'output-only')) {
      expect(valueAtWechatPath(json, field.path), field.path).toEqual([]);
    }
    // The mini-program principal is not the legal representative: an authorization letter is named.
    expect(valueAtWechatPath(json, 'icp_applets.principal_info.authorization_letter')).toHaveLength(1);
    // Media fields name a file of the packet; unknown ids are marked, never invented.
    const files = await listFiles(packetDir);
    for (const field of WECHAT_FIELD_TREE.filter((f) => f.mediaId)) {
      for (const value of valueAtWechatPath(json, field.path).flat()) {
        expect(String(value).startsWith(MEDIA_PREFIX), field.path).toBe(true);
        expect(files, field.path).toContain(String(value).slice(MEDIA_PREFIX.length));
      }
    }
    const [noneOfTheAbove] = valueAtWechatPath(json, 'icp_applets.base_info.nrlx_details[].type');
    expect(String(noneOfTheAbove)).toMatch(new RegExp(`^${UNRESOLVED_PREFIX}.*以上都不涉及`));
    expect(json._icp_packet.unresolved.map((u) => u.field)).toContain(
      'icp_applets.base_info.nrlx_details[0].type',
    );
  });

  it('puts in the signed scans of documents signed by hand, never their unsigned originals', async () => {
    const files = await listFiles(packetDir);
    // The sample's commitment letter (two pages) and authorization letter come back signed; its
    // pre-approval statement, only recommended and never signed, stays out.
    const signed = [
      { title: '互联网信息服务备案承诺书（第1页）', templateId: 'filing-commitment', page: 1 },
      { title: '互联网信息服务备案承诺书（第2页）', templateId: 'filing-commitment', page: 2 },
      { title: '法定代表人授权书', templateId: 'authorization-letter', page: 1 },
    ];
    for (const { title, templateId, page } of signed) {
      const file = files.find((f) => new RegExp(`^\\d\\d ${title}\\.jpg$`).test(f));
      expect(file, title).toBeDefined();
      // The file is that document's signed copy: its own verification mark says which page of which.
      const marks = await readScanMarks(await readBytes(path.join(packetDir, file!)), 'image/jpeg');
      expect(marks.pages, title).toEqual([[expect.objectContaining({ templateId, page })]]);
    }
    expect(files.filter((f) => /承诺书|授权书/.test(f) && f.endsWith('.pdf'))).toEqual([]);
    expect(files.filter((f) => f.includes('前置审批事项说明'))).toEqual([]);

    // The WeChat request names the signed scans, every page of the commitment letter.
    const json = JSON.parse(await readFile(path.join(packetDir, 'wechat-apply-icp-filing.json'), 'utf8')) as {
      _icp_packet: { media: { field: string; file: string }[] };
    };
    const mediaOf = (field: string) =>
      json._icp_packet.media.filter((m) => m.field === field).map((m) => m.file);
    expect(mediaOf('icp_applets.principal_info.authorization_letter')).toEqual([
      expect.stringMatching(/^\d\d 法定代表人授权书\.jpg$/),
    ]);
    expect(mediaOf('icp_materials.commitment_letter')).toEqual([
      expect.stringMatching(/承诺书（第1页）\.jpg$/),
      expect.stringMatching(/承诺书（第2页）\.jpg$/),
    ]);
  });

  it('zips to exactly the same files', async () => {
    const zipBytes = await readFile(`${packetDir}.zip`);
    const entries = unzipSync(new Uint8Array(zipBytes));
    const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
    const folder = path.basename(packetDir);
    expect(names.sort()).toEqual((await listFiles(packetDir)).map((f) => `${folder}/${f}`).sort());
    for (const name of names) {
      const onDisk = await readFile(path.join(path.dirname(packetDir), ...name.split('/')));
      expect(sha256(entries[name] ?? new Uint8Array()), name).toBe(sha256(onDisk));
    }
    // Every tool reads the UTF-8 names: the language-encoding flag (Windows, 7-Zip, macOS) and the Info-ZIP
    // Unicode Path field (Info-ZIP's unzip) are both in each central-directory entry.
    const central = centralDirectory(new Uint8Array(zipBytes));
    expect(central.map((e) => e.name).sort()).toEqual(Object.keys(entries).sort());
    for (const entry of central) {
      expect(entry.utf8Flag, entry.name).toBe(true);
      expect(entry.unicodePath, entry.name).toBe(entry.name);
    }
    expect(central.map((e) => e.name)).toContain(`${folder}/附件 Attachments/营业执照.jpg`);
  });
});

describe('icp-packet build refuses', () => {
  it('to overwrite an existing packet without --force, and replaces it with --force', async () => {
    const again = await run('build', 'sample/case.json', '--out', 'out', '--lang', 'en');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists.*--force/);
    const before = (await stat(path.join(packetDir, 'manifest.json'))).mtimeMs;
    const forced = await run('build', 'sample/case.json', '--out', 'out', '--force', '--lang', 'en');
    expect(forced.code, forced.err).toBe(0);
    expect((await stat(path.join(packetDir, 'manifest.json'))).mtimeMs).toBeGreaterThanOrEqual(before);
  }, 120_000);

  it('while the pre-flight has errors, and prints them (exit 1)', async () => {
    const broken = {
      ...sampleCaseData,
      subject: { ...sampleCaseData.subject, certificateNumber: '91310115MA1K4R7C5B' },
    };
    await writeFile(path.join(dir, 'sample', 'broken.json'), JSON.stringify(broken));
    const result = await run('build', 'sample/broken.json', '--out', 'refused', '--lang', 'zh-CN');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/无法导出：预检发现 \d+ 个错误/);
    expect(result.err).toContain('subject.certificateNumber');
    await expect(stat(path.join(dir, 'refused'))).rejects.toThrow();
  });

  it('while warnings are unacknowledged, unless --accept-warnings', async () => {
    const unacknowledged = { ...sampleCaseData, acknowledged: [] };
    await writeFile(path.join(dir, 'sample', 'warnings.json'), JSON.stringify(unacknowledged));
    const refused = await run('build', 'sample/warnings.json', '--out', 'warned', '--lang', 'en');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/\d+ warnings? (?:is|are) not acknowledged/);
    const accepted = await run(
      'build',
      'sample/warnings.json',
      '--out',
      'warned',
      '--accept-warnings',
      '--lang',
      'en',
    );
    expect(accepted.code, accepted.err).toBe(0);
    expect(accepted.out).toMatch(/Accepted \d+ warnings? for this export/);
  }, 120_000);

  it("no .icpcase: it builds like case.json, the scans coming from the store's archive reader", async () => {
    const scans = new Map<string, Buffer>();
    for (const meta of sampleCaseData.attachments) {
      scans.set(meta.id, await readFile(path.join(dir, 'sample', 'attachments', `${meta.id}.jpg`)));
    }
    const archive = await exportCaseArchive(sampleCaseData, scans, { now: new Date() });
    await writeFile(path.join(dir, 'sample.icpcase'), archive);
    const result = await run('build', 'sample.icpcase', '--out', 'from-icpcase', '--lang', 'en');
    expect(result.code, result.err).toBe(0);
    const [folder] = await readdir(path.join(dir, 'from-icpcase'));
    const built = JSON.parse(
      await readFile(path.join(dir, 'from-icpcase', folder ?? '', 'manifest.json'), 'utf8'),
    ) as PacketManifest;
    expect(built.attachments.map((a) => a.attachmentId)).toEqual(
      manifest.attachments.map((a) => a.attachmentId),
    );
  }, 120_000);

  it('bad input with exit 2: unreadable case, missing attachment, unknown profile', async () => {
    await writeFile(path.join(dir, 'not-a-case.json'), '{"hello": 1}');
    expect((await run('build', 'not-a-case.json', '--out', 'x')).code).toBe(2);
    expect((await run('build', 'sample/case.json', '--out', 'x', '--profile', 'baidu')).code).toBe(2);
    expect((await run('build', 'sample/case.json')).code).toBe(2);
    const moved = {
      ...sampleCaseData,
      attachments: [{ ...sampleCaseData.attachments[0], id: 'a'.repeat(64) }],
    };
    await writeFile(path.join(dir, 'moved.json'), JSON.stringify(moved));
    const missing = await run('build', 'moved.json', '--out', 'x', '--lang', 'en');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/not found/);
  });
});
