import { readFile, writeFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { vi } from 'vitest';
import { offerCaseFile } from '../../../electron/ipc/cases';
import { createHandlers, type HandlerDeps } from '../../../electron/ipc/handlers';
import type { KeyProvider } from '../../../host/store/keys';
import { fastPassphrase, jpeg, removeTempDirs, tempDir } from '../../host/store/helpers';
import { tempHandlerDeps, value } from './harness';

afterEach(removeTempDirs);

const depsFor = (overrides: Partial<HandlerDeps> = {}) => tempHandlerDeps('icp-ipc-', overrides);

describe('case handlers', () => {
  it('run every case operation end to end on a temp folder', async () => {
    const deps = await depsFor();
    const h = createHandlers(deps);
    const c = value(await h['case:create']({ name: '澜岸' }));
    expect(await readdir(path.join(deps.userDataDir, 'store', 'cases'))).toEqual([c.id]);

    const saved = value(await h['case:save']({ case: { ...c, subject: { ...c.subject, name: '甲公司' } } }));
    expect(saved.subject.name).toBe('甲公司');
    expect(value(await h['case:open']({ id: c.id })).case.subject.name).toBe('甲公司');
    value(await h['case:rename']({ id: c.id, name: 'Renamed' }));
    expect(value(await h['cases:list'](undefined))).toEqual([
      expect.objectContaining({ id: c.id, name: 'Renamed' }),
    ]);

    const added = value(
      await h['attachment:add']({
        caseId: c.id,
        checklistItemId: 'licence',
        fileName: '执照.jpg',
        bytes: new Uint8Array(jpeg(30, 20)),
      }),
    );
    expect(added.attachment).toMatchObject({ widthPx: 30, heightPx: 20, originalName: '执照.jpg' });
    const read = value(await h['attachment:read']({ caseId: c.id, attachmentId: added.attachment.id }));
    expect(Buffer.from(read.bytes).equals(jpeg(30, 20))).toBe(true);
    expect(read.mediaType).toBe('image/jpeg');
    value(
      await h['attachment:remove']({
        caseId: c.id,
        attachmentId: added.attachment.id,
        checklistItemId: 'licence',
      }),
    );

    expect(value(await h['case:undo']({ id: c.id })).case.attachments).toHaveLength(1);
    expect(value(await h['case:history']({ id: c.id })).map((e) => e.kind)).toEqual([
      'created',
      'edit',
      'edit',
      'edit',
      'edit',
      'undo',
    ]);

    const copy = value(await h['case:duplicate']({ id: c.id, name: 'Copy' }));
    value(await h['case:delete']({ id: copy.id }));
    expect(value(await h['trash:list'](undefined)).map((t) => t.id)).toEqual([copy.id]);
    expect(value(await h['trash:restore']({ id: copy.id }))).toMatchObject({ id: copy.id, readable: true });
  });

  it('refuse anything that could be a path before the store sees it', async () => {
    const h = createHandlers(await depsFor());
    const refused = [
      await h['case:open']({ id: '../../../etc/passwd' }),
      await h['case:open']({ id: 'C:\\Windows' }),
      await h['case:open']({ id: '00000000-0000-4000-8000-000000000000', path: '/tmp/x' }),
      await h['attachment:read']({
        caseId: '00000000-0000-4000-8000-000000000000',
        attachmentId: '../case.json.enc',
      }),
      await h['attachment:add']({
        caseId: '00000000-0000-4000-8000-000000000000',
        checklistItemId: 'x',
        fileName: 'a',
        path: '/etc/passwd',
      }),
      await h['case:import']({ file: '/home/user/evil.icpcase' }),
      await h['case:export']({ id: '00000000-0000-4000-8000-000000000000', target: '/tmp/out.icpcase' }),
      await h['case:restoreBackup']({ id: '00000000-0000-4000-8000-000000000000', backup: 6 }),
    ];
    for (const r of refused) expect(r).toMatchObject({ ok: false, code: 'invalidPayload' });
  });

  it('refuse a case name with control, direction or invisible characters (issue 22 point 7)', async () => {
    const deps = await depsFor();
    const h = createHandlers(deps);
    const c = value(await h['case:create']({ name: 'Acme' }));
    for (const name of ['Acme\u001b[2J', 'Shop\u202egnp.exe', 'A\u009b31m', 'Zero\u200bwidth'])
      for (const r of [
        await h['case:create']({ name }),
        await h['case:rename']({ id: c.id, name }),
        await h['case:duplicate']({ id: c.id, name }),
      ])
        expect(r).toMatchObject({ ok: false, code: 'invalidPayload' });
    expect(value(await h['cases:list'](undefined))).toEqual([expect.objectContaining({ name: 'Acme' })]);
  });

  it('carry store error codes and details: attachment type, damaged case with its backup', async () => {
    const deps = await depsFor();
    const h = createHandlers(deps);
    const c = value(await h['case:create']({ name: 'A' }));
    expect(
      await h['attachment:add']({
        caseId: c.id,
        checklistItemId: 'x',
        fileName: 'a.gif',
        bytes: new Uint8Array(Buffer.from('GIF89a....')),
      }),
    ).toEqual({ ok: false, code: 'attachmentType', details: { found: 'gif' } });

    value(await h['case:rename']({ id: c.id, name: 'B' }));
    const file = path.join(deps.userDataDir, 'store', 'cases', c.id, 'case.json.enc');
    const bytes = await readFile(file);
    bytes[bytes.length - 3]! ^= 0xff;
    await writeFile(file, bytes);
    expect(await h['case:open']({ id: c.id })).toEqual({
      ok: false,
      code: 'caseDamaged',
      details: { reason: 'auth', recoverableFromBackup: 1 },
    });
    expect(value(await h['case:restoreBackup']({ id: c.id, backup: 1 })).name).toBe('A');
  });

  it('report a wrong passphrase without touching the store', async () => {
    const deps = await depsFor();
    value(await createHandlers(deps)['case:create']({ name: 'A' }));
    const wrong = createHandlers({ ...deps, keyProvider: fastPassphrase('not it') as KeyProvider });
    expect(await wrong['cases:list'](undefined)).toEqual({ ok: false, code: 'wrongPassphrase' });
  });
});

describe('export and import through the native dialogs', () => {
  it('writes the .icpcase where the user chose, and does nothing when the dialog is cancelled', async () => {
    const out = await tempDir('icp-export-');
    const target = path.join(out, 'shared.icpcase');
    const showSaveDialog = vi.fn(async () => target as string | undefined);
    const h = createHandlers(await depsFor({ showSaveDialog }));
    const c = value(await h['case:create']({ name: '澜岸: 导出' }));

    expect(value(await h['case:export']({ id: c.id }))).toEqual({
      saved: true,
      fileName: 'shared.icpcase',
      encrypted: false,
    });
    expect(showSaveDialog).toHaveBeenCalledWith({ defaultFileName: '澜岸 导出.icpcase' });
    expect((await readFile(target)).subarray(0, 2).toString()).toBe('PK');

    showSaveDialog.mockResolvedValueOnce(undefined);
    expect(value(await h['case:export']({ id: c.id }))).toEqual({ saved: false });
    expect(await readdir(out)).toEqual(['shared.icpcase']);
  });

  it(
    'imports a passphrase-protected file: asks once for the file, then retries by token',
    { timeout: 30_000 },
    async () => {
      const out = await tempDir('icp-export-');
      const file = path.join(out, 'secret.icpcase');
      const sender = createHandlers(await depsFor({ showSaveDialog: async () => file }));
      const c = value(await sender['case:create']({ name: 'Secret' }));
      value(await sender['case:export']({ id: c.id, passphrase: '交接 2026' }));

      const showOpenDialog = vi.fn(async () => file as string | undefined);
      const recipient = createHandlers(await depsFor({ showOpenDialog }));
      const first = await recipient['case:import']({});
      expect(first).toMatchObject({
        ok: false,
        code: 'passphraseRequired',
        details: { importToken: expect.any(String) },
      });
      const importToken = String(!first.ok && first.details?.importToken);

      const wrong = await recipient['case:import']({ importToken, passphrase: 'nope' });
      expect(wrong).toMatchObject({ ok: false, code: 'wrongPassphrase', details: { importToken } });
      const done = value(await recipient['case:import']({ importToken, passphrase: '交接 2026' }));
      expect(done).toMatchObject({ imported: true, case: { name: 'Secret' } });
      expect(showOpenDialog).toHaveBeenCalledTimes(1);

      expect(await recipient['case:import']({ importToken, passphrase: '交接 2026' })).toMatchObject({
        ok: false,
        code: 'notFound',
      });
      showOpenDialog.mockResolvedValueOnce(undefined);
      expect(value(await recipient['case:import']({}))).toEqual({ imported: false });
    },
  );
});

describe('case files from outside the Open dialog', () => {
  async function exported(name: string, passphrase?: string): Promise<{ file: string; bytes: Uint8Array }> {
    const file = path.join(await tempDir('icp-export-'), `${name}.icpcase`);
    const sender = createHandlers(await depsFor({ showSaveDialog: async () => file }));
    const c = value(await sender['case:create']({ name }));
    value(await sender['case:export']({ id: c.id, ...(passphrase ? { passphrase } : {}) }));
    return { file, bytes: new Uint8Array(await readFile(file)) };
  }

  it('a dropped .icpcase is imported from its bytes, checked like a picked file, and not listed as recent', async () => {
    const { bytes } = await exported('Dropped 北风');
    const onCaseFileUsed = vi.fn();
    const h = createHandlers(await depsFor({ onCaseFileUsed }));
    const done = value(await h['case:importFile']({ fileName: 'Dropped 北风.icpcase', bytes }));
    expect(done).toMatchObject({ imported: true, case: { name: 'Dropped 北风' } });
    expect(value(await h['cases:list'](undefined)).map((c) => c.readable && c.name)).toEqual([
      'Dropped 北风',
    ]);

    const damaged = bytes.slice(0, bytes.length - 40);
    expect(await h['case:importFile']({ fileName: 'x.icpcase', bytes: damaged })).toMatchObject({
      ok: false,
      code: 'importInvalid',
    });
    expect(
      await h['case:importFile']({ fileName: 'x.icpcase', bytes: new TextEncoder().encode('hello') }),
    ).toMatchObject({
      ok: false,
      code: 'importInvalid',
    });
    // A path is never taken in place of bytes.
    expect(await h['case:importFile']({ fileName: 'x.icpcase', bytes: '/etc/passwd' })).toMatchObject({
      ok: false,
      code: 'invalidPayload',
    });
    expect(onCaseFileUsed).not.toHaveBeenCalled();
  });

  it(
    'a dropped protected file waits in main for its passphrase (by token, not by sending the bytes again)',
    { timeout: 30_000 },
    async () => {
      const { bytes } = await exported('Protected', 'drop 2026');
      const h = createHandlers(await depsFor());
      const first = await h['case:importFile']({ fileName: 'Protected.icpcase', bytes });
      expect(first).toMatchObject({
        ok: false,
        code: 'passphraseRequired',
        details: { importToken: expect.any(String) },
      });
      const importToken = String(!first.ok && first.details?.importToken);
      const done = value(await h['case:import']({ importToken, passphrase: 'drop 2026' }));
      expect(done).toMatchObject({ imported: true, case: { name: 'Protected' } });
    },
  );

  it('a file main offers (from the OS or Open Recent) is imported by its token, and becomes recent', async () => {
    const { file } = await exported('Offered');
    const onCaseFileUsed = vi.fn();
    const showOpenDialog = vi.fn(async () => undefined);
    const deps = await depsFor({ onCaseFileUsed, showOpenDialog });
    const h = createHandlers(deps);
    const importToken = offerCaseFile(deps, file);
    expect(value(await h['case:import']({ importToken }))).toMatchObject({
      imported: true,
      case: { name: 'Offered' },
    });
    expect(showOpenDialog).not.toHaveBeenCalled();
    expect(onCaseFileUsed.mock.calls).toEqual([[file]]);
    // Taken once.
    expect(await h['case:import']({ importToken })).toMatchObject({ ok: false, code: 'notFound' });
    // A token of another handler set (another window's, a made-up one) opens nothing.
    const other = createHandlers(await depsFor());
    expect(await other['case:import']({ importToken: offerCaseFile(deps, file) })).toMatchObject({
      ok: false,
      code: 'notFound',
    });
  });

  it('exports and dialog imports are recent files; a cancelled dialog is not', async () => {
    const out = await tempDir('icp-export-');
    const target = path.join(out, 'recent.icpcase');
    const onCaseFileUsed = vi.fn();
    const showSaveDialog = vi.fn(async () => target as string | undefined);
    const showOpenDialog = vi.fn(async () => target as string | undefined);
    const h = createHandlers(await depsFor({ onCaseFileUsed, showSaveDialog, showOpenDialog }));
    const c = value(await h['case:create']({ name: 'Recent' }));
    value(await h['case:export']({ id: c.id }));
    value(await h['case:import']({}));
    showSaveDialog.mockResolvedValueOnce(undefined);
    value(await h['case:export']({ id: c.id }));
    expect(onCaseFileUsed.mock.calls).toEqual([[target], [target]]);
  });
});
