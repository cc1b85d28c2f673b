/**
 * The scan handlers on a real store in a temp folder, with a stand-in reader (the real recogniser is tested
 * in test/host/ocr and through the built worker in test/build): what `scan:read` returns and refuses, that
 * `scan:cancel` stops the reading, that `attachment:add` marks a scan lying on its side, and that
 * `attachment:rotate` replaces a scan with its turned copy — pixels, PDF page rotation, metadata, undo and
 * the normalised copy.
 */
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AttachmentMeta, Case } from '../../../core/model/case';
import { caseStoreFor, scanCacheFor } from '../../../electron/ipc/cases';
import { createHandlers } from '../../../electron/ipc/handlers';
import { CancelledError, UnreadableImageError } from '../../../host/ocr/errors';
import type { ScanPort, ScanResponse } from '../../../host/ocr/scan-port';
import { distinctProfiles } from '../../../host/packet/scan-cache';
import { normalisationKey } from '../../../host/packet/normalise-image';
import { pdf, removeTempDirs } from '../../host/store/helpers';
import { tempHandlerDeps, value } from './harness';

afterEach(removeTempDirs);

/** A reader that answers what the test says, recording what it was asked. */
function fakePort(answer: Partial<ScanPort> = {}): ScanPort & { signals: AbortSignal[] } {
  const signals: AbortSignal[] = [];
  return {
    signals,
    read: vi.fn(async (_request, signal?: AbortSignal) => {
      if (signal) signals.push(signal);
      return { reading: undefined, rotation: 0, crops: {} } satisfies ScanResponse;
    }),
    orient: vi.fn(async () => ({ rotation: 0 as const, lines: 12 })),
    close: async () => undefined,
    ...answer,
  };
}

/**
 * A landscape picture, 1200 × 800, white with a black block in its top-left corner (so a turn can be
 * seen in the pixels), as JPEG or PNG.
 */
async function picture(format: 'jpeg' | 'png'): Promise<Uint8Array> {
  const block = await sharp({
    create: { width: 300, height: 200, channels: 3, background: '#000000' },
  })
    .png()
    .toBuffer();
  const image = sharp({ create: { width: 1200, height: 800, channels: 3, background: '#ffffff' } }).composite(
    [{ input: block, left: 0, top: 0 }],
  );
  return new Uint8Array(format === 'png' ? await image.png().toBuffer() : await image.jpeg().toBuffer());
}

/** Whether the picture is dark at (x, y) as a fraction of its width and height. */
async function darkAt(bytes: Uint8Array, fx: number, fy: number): Promise<boolean> {
  const { data, info } = await sharp(bytes).greyscale().raw().toBuffer({ resolveWithObject: true });
  const x = Math.floor(info.width * fx);
  const y = Math.floor(info.height * fy);
  return data[y * info.width + x]! < 128;
}

async function setUp(port?: ScanPort) {
  const deps = await tempHandlerDeps('icp-scan-', port ? { scanPort: port } : {});
  const h = createHandlers(deps);
  const created = value(await h['case:create']({ name: '澜岸' }));
  // A company files: its business licence is the subject certificate the reader knows.
  const c = value(
    await h['case:save']({
      case: { ...created, subject: { ...created.subject, certificateType: 'business_licence' } } as Case,
    }),
  );
  const attach = async (
    bytes: Uint8Array,
    fileName = 'licence.jpg',
    checklistItemId = 'subject-certificate',
  ) => value(await h['attachment:add']({ caseId: c.id, checklistItemId, fileName, bytes }));
  return { deps, h, c, attach };
}

describe('attachment:add looks at which way up a scan is', () => {
  it('marks a scan whose text stands on its side, not one with too little text, and skips refused files', async () => {
    const orient = vi
      .fn<ScanPort['orient']>()
      .mockResolvedValueOnce({ rotation: 90, lines: 9 })
      .mockResolvedValueOnce({ rotation: 180, lines: 2 });
    const { h, c, attach } = await setUp(fakePort({ orient }));
    const sideways = await attach(await picture('jpeg'));
    expect(sideways.attachment.turnToUpright).toBe(90);
    expect(sideways.case.attachments[0]?.turnToUpright).toBe(90);
    // Two lines of text are too few to call a page upside down.
    const photo = await attach(await picture('png'), 'photo.png', 'principal-id-front');
    expect(photo.attachment).not.toHaveProperty('turnToUpright');
    // A GIF is refused by the store before anyone looks at it.
    expect(
      await h['attachment:add']({
        caseId: c.id,
        checklistItemId: 'subject-certificate',
        fileName: 'a.gif',
        bytes: new Uint8Array(Buffer.from('GIF89a....')),
      }),
    ).toMatchObject({ ok: false, code: 'attachmentType' });
    expect(orient).toHaveBeenCalledTimes(2);
  });

  it('attaches as before when the reader fails or the app has none', async () => {
    const failing = fakePort({ orient: async () => Promise.reject(new Error('models missing')) });
    const { attach } = await setUp(failing);
    expect((await attach(await picture('jpeg'))).attachment).not.toHaveProperty('turnToUpright');
    const { attach: attachWithout } = await setUp();
    expect((await attachWithout(await picture('jpeg'))).attachment).not.toHaveProperty('turnToUpright');
  });
});

describe('attachment:add looks at the scan while the store checks it', () => {
  it('runs the look beside the store’s check and normalisation, and records its turn in the one write', async () => {
    const steps: string[] = [];
    let checkFinished!: () => void;
    const checked = new Promise<void>((resolve) => (checkFinished = resolve));
    const orient = vi.fn<ScanPort['orient']>(async () => {
      steps.push('look started');
      // Answers only once the store's check is over. A handler that waits for the answer before it lets
      // the store check gets it after a second instead, and the order below shows it.
      await Promise.race([checked, new Promise((resolve) => setTimeout(resolve, 1000))]);
      steps.push('look answered');
      return { rotation: 90, lines: 9 };
    });
    const { deps, h, c, attach } = await setUp(fakePort({ orient }));
    const cache = scanCacheFor(deps, c.id);
    const storeCheck = cache.checkImage;
    vi.spyOn(cache, 'checkImage').mockImplementation(async (...args) => {
      steps.push('check started');
      await storeCheck(...args);
      steps.push('check finished');
      checkFinished();
    });
    const before = value(await h['case:history']({ id: c.id })).length;
    const added = await attach(await picture('jpeg'));
    expect(steps).toEqual(['look started', 'check started', 'check finished', 'look answered']);
    expect(added.attachment.turnToUpright).toBe(90);
    // One write: one new step in the case's history, and the case on disk holds the turn.
    expect(value(await h['case:history']({ id: c.id }))).toHaveLength(before + 1);
    const opened = value(await h['case:open']({ id: c.id }));
    expect(opened.case.attachments[0]).toMatchObject({ id: added.attachment.id, turnToUpright: 90 });
  });

  it('stops the look when the store refuses the file, and says why at once', async () => {
    const port = fakePort({
      orient: (_bytes, signal) =>
        new Promise((_resolve, reject) => {
          if (signal) port.signals.push(signal);
          signal?.addEventListener('abort', () => reject(new CancelledError()), { once: true });
        }),
    });
    const { c, h } = await setUp(port);
    const whole = await picture('jpeg');
    const result = await h['attachment:add']({
      caseId: c.id,
      checklistItemId: 'subject-certificate',
      fileName: 'cut-off.jpg',
      bytes: whole.subarray(0, Math.floor(whole.length / 2)),
    });
    expect(result).toMatchObject({ ok: false, code: 'attachmentUnreadable' });
    expect(port.signals).toHaveLength(1);
    expect(port.signals[0]?.aborted).toBe(true);
  });
});

describe('attachment:rotate', () => {
  it('replaces an image with its turned copy in place: pixels, size, name, dates; undo brings the original back', async () => {
    const { deps, h, c, attach } = await setUp(
      fakePort({ orient: async () => ({ rotation: 90, lines: 9 }) }),
    );
    const original = (await attach(await picture('jpeg'))).attachment;
    const other = (await attach(await picture('png'), 'other.png', 'principal-id-front')).attachment;
    // The user's validity dates on the file are kept.
    const dated = value(
      await h['case:save']({
        case: {
          ...value(await h['case:open']({ id: c.id })).case,
          attachments: [{ ...original, validFrom: '2020-01-01', validTo: '2040-01-01' }, other],
        },
      }),
    );
    expect(dated.attachments[0]?.turnToUpright).toBe(90);

    const turned = value(
      await h['attachment:rotate']({
        caseId: c.id,
        attachmentId: original.id,
        checklistItemId: 'subject-certificate',
        turn: 90,
      }),
    );
    const [meta, kept] = turned.attachments as [AttachmentMeta, AttachmentMeta];
    expect(kept).toEqual(other);
    expect(meta.id).not.toBe(original.id);
    expect(meta).toMatchObject({
      checklistItemId: 'subject-certificate',
      originalName: 'licence.jpg',
      mediaType: 'image/jpeg',
      widthPx: 800,
      heightPx: 1200,
      validFrom: '2020-01-01',
      validTo: '2040-01-01',
    });
    expect(meta).not.toHaveProperty('turnToUpright');
    // A quarter turn clockwise: the top-left block is now top-right.
    const bytes = value(await h['attachment:read']({ caseId: c.id, attachmentId: meta.id })).bytes;
    expect(await darkAt(bytes, 0.9, 0.1)).toBe(true);
    expect(await darkAt(bytes, 0.1, 0.1)).toBe(false);
    // Its normalised copy was made at once, as for a newly attached scan.
    const store = caseStoreFor(deps);
    const key = normalisationKey(distinctProfiles()[0]!);
    expect(await store.readScanNote(c.id, meta.id, key)).toBeDefined();

    const undone = value(await h['case:undo']({ id: c.id })).case;
    expect(undone.attachments[0]).toMatchObject({ id: original.id, turnToUpright: 90 });
    expect(value(await h['attachment:read']({ caseId: c.id, attachmentId: original.id })).bytes.length).toBe(
      original.bytes,
    );
  });

  it('keeps a PNG a PNG, turns a PDF by its first page’s /Rotate, and refuses a file the item does not hold', async () => {
    const { h, c, attach } = await setUp();
    const png = (await attach(await picture('png'), 'scan.png')).attachment;
    const upsideDown = value(
      await h['attachment:rotate']({
        caseId: c.id,
        attachmentId: png.id,
        checklistItemId: 'subject-certificate',
        turn: 180,
      }),
    ).attachments[0]!;
    expect(upsideDown).toMatchObject({ mediaType: 'image/png', widthPx: 1200, heightPx: 800 });
    const pngBytes = value(await h['attachment:read']({ caseId: c.id, attachmentId: upsideDown.id })).bytes;
    expect(await darkAt(pngBytes, 0.9, 0.9)).toBe(true);

    const document = (await attach(new Uint8Array(await pdf(2)), 'licence.pdf', 'principal-passport'))
      .attachment;
    const turnedPdf = value(
      await h['attachment:rotate']({
        caseId: c.id,
        attachmentId: document.id,
        checklistItemId: 'principal-passport',
        turn: 270,
      }),
    ).attachments.find((a) => a.checklistItemId === 'principal-passport')!;
    expect(turnedPdf).toMatchObject({ mediaType: 'application/pdf', pages: 2 });
    const { PDFDocument } = await import('pdf-lib');
    const loaded = await PDFDocument.load(
      value(await h['attachment:read']({ caseId: c.id, attachmentId: turnedPdf.id })).bytes,
    );
    expect(loaded.getPages().map((p) => p.getRotation().angle)).toEqual([270, 0]);

    expect(
      await h['attachment:rotate']({
        caseId: c.id,
        attachmentId: turnedPdf.id,
        checklistItemId: 'subject-certificate',
        turn: 90,
      }),
    ).toMatchObject({ ok: false, code: 'notFound' });
    expect(
      await h['attachment:rotate']({ caseId: c.id, attachmentId: png.id, checklistItemId: 'x', turn: 45 }),
    ).toMatchObject({ ok: false, code: 'invalidPayload' });
  });
});

describe('scan:read and scan:cancel', () => {
  const reading: ScanResponse = {
    reading: {
      kind: 'business_licence',
      fields: [
        {
          key: 'name',
          value: '上海澜岸贸易有限公司',
          confidence: 0.98,
          lowConfidence: false,
          source: { x: 1, y: 2, width: 300, height: 40 },
        },
      ],
      checks: [{ id: 'uscc.found', field: 'uscc', status: 'fail' }],
    },
    rotation: 90,
    crops: { name: new Uint8Array([0xff, 0xd8]) },
  };

  it('reads the scan as its checklist item says, each value with its crop, and writes nothing', async () => {
    const port = fakePort({ read: vi.fn(async () => reading) });
    const { h, c, attach } = await setUp(port);
    const added = (await attach(await picture('jpeg'))).attachment;
    const before = value(await h['case:open']({ id: c.id })).case;
    const result = value(
      await h['scan:read']({ caseId: c.id, attachmentId: added.id, checklistItemId: 'subject-certificate' }),
    );
    expect(port.read).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'business_licence',
        today: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      }),
      expect.any(AbortSignal),
    );
    expect(result).toEqual({
      kind: 'business_licence',
      fields: [{ ...reading.reading!.fields[0], crop: new Uint8Array([0xff, 0xd8]) }],
      checks: reading.reading!.checks,
      rotation: 90,
    });
    expect(value(await h['case:open']({ id: c.id })).case).toEqual(before);
  });

  it('says why it cannot read: no reader, not a scan it knows, unreadable (with the problem), stopped', async () => {
    const noReader = await setUp();
    const added = (await noReader.attach(await picture('jpeg'))).attachment;
    const ask = (s: typeof noReader, checklistItemId = 'subject-certificate', attachmentId = added.id) =>
      s.h['scan:read']({ caseId: s.c.id, attachmentId, checklistItemId });
    expect(await ask(noReader)).toEqual({ ok: false, code: 'ocrUnavailable' });

    const failures = [
      () => Promise.reject(new UnreadableImageError('no image', 'pdfNoImage')),
      () => Promise.reject(new CancelledError()),
      () => Promise.resolve({ reading: undefined, rotation: 0, crops: {} } as ScanResponse),
    ];
    const port = fakePort({ read: vi.fn(() => failures.shift()!()) });
    const s = await setUp(port);
    const file = (await s.attach(await picture('jpeg'))).attachment;
    expect(await ask(s, 'subject-certificate', file.id)).toEqual({
      ok: false,
      code: 'scanUnreadable',
      details: { problem: 'pdfNoImage' },
    });
    expect(await ask(s, 'subject-certificate', file.id)).toEqual({ ok: false, code: 'scanCancelled' });
    expect(await ask(s, 'subject-certificate', file.id)).toEqual({ ok: false, code: 'scanUnknownDocument' });
    // A domain certificate is not a document the reader knows.
    expect(await ask(s, 'domain-certificate@web-1', file.id)).toEqual({
      ok: false,
      code: 'scanUnknownDocument',
    });
    expect(port.read).toHaveBeenCalledTimes(3);
  });

  it('scan:cancel aborts the reading in progress', async () => {
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    const port = fakePort({
      read: (_request, signal) =>
        new Promise((_, reject) => {
          started();
          signal?.addEventListener('abort', () => reject(new CancelledError()));
        }),
    });
    const { h, c, attach } = await setUp(port);
    const added = (await attach(await picture('jpeg'))).attachment;
    const pending = h['scan:read']({
      caseId: c.id,
      attachmentId: added.id,
      checklistItemId: 'subject-certificate',
    });
    await running;
    expect(value(await h['scan:cancel']({ caseId: c.id }))).toEqual({ cancelled: true });
    expect(await pending).toEqual({ ok: false, code: 'scanCancelled' });
    expect(value(await h['scan:cancel']({ caseId: c.id }))).toEqual({ cancelled: false });
  });
});
