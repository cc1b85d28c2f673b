import { createCase } from '../../../core/model/restore';
import { sampleCase } from '../../../core/model/sample-case';
import { summarizeCase } from '../../../core/model/summary';
import type { Case } from '../../../core/model/case';
import type { FakeApi } from './render-app';

/**
 * An in-memory case store behind the fake api's case channels: enough of the real store's behaviour
 * (list newest first, trash and restore, undo of the last save) for the renderer's tests.
 */
export function useFakeStore(fake: FakeApi, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date('2026-11-25T14:32:00Z'));
  const cases = new Map<string, Case>();
  const trash = new Map<string, Case>();
  const history = new Map<string, Case[]>();
  let counter = 0;
  const newId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

  const put = (c: Case) => {
    cases.set(c.id, c);
    history.set(c.id, [...(history.get(c.id) ?? []), c]);
    return c;
  };
  const add = (c: Case) => {
    history.set(c.id, []);
    return put(c);
  };

  const { api } = fake;
  api.casesList.mockImplementation(async () => ({
    ok: true,
    value: [...cases.values()]
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .map((c) => ({ ...summarizeCase(c), readable: true as const })),
  }));
  api.caseCreate.mockImplementation(async ({ name }) => ({
    ok: true,
    value: add(createCase({ id: newId(), name, now: now() })),
  }));
  api.caseCreateSample.mockImplementation(async () => ({
    ok: true,
    value: add({ ...sampleCase(now()), id: newId() }),
  }));
  api.caseOpen.mockImplementation(async ({ id }) => {
    const c = cases.get(id);
    return c ? { ok: true, value: { case: c } } : { ok: false, code: 'notFound' };
  });
  api.caseSave.mockImplementation(async ({ case: c }) => {
    if (!cases.has(c.id)) return { ok: false, code: 'notFound' };
    return { ok: true, value: put({ ...c, updatedAt: now().toISOString() }) };
  });
  api.caseUndo.mockImplementation(async ({ id }) => {
    const versions = history.get(id) ?? [];
    if (versions.length < 2) return { ok: true, value: { case: cases.get(id) as Case, undone: false } };
    versions.pop();
    const previous = versions[versions.length - 1] as Case;
    cases.set(id, previous);
    return { ok: true, value: { case: previous, undone: true } };
  });
  api.caseDuplicate.mockImplementation(async ({ id, name }) => {
    const source = cases.get(id);
    if (!source) return { ok: false, code: 'notFound' };
    return { ok: true, value: add({ ...source, id: newId(), name: name ?? source.name }) };
  });
  api.caseDelete.mockImplementation(async ({ id }) => {
    const c = cases.get(id);
    if (!c) return { ok: false, code: 'notFound' };
    cases.delete(id);
    trash.set(id, c);
    return { ok: true, value: { id } };
  });
  api.trashRestore.mockImplementation(async ({ id }) => {
    const c = trash.get(id);
    if (!c) return { ok: false, code: 'notFound' };
    trash.delete(id);
    cases.set(id, c);
    return { ok: true, value: { ...summarizeCase(c), readable: true as const } };
  });
  return { cases, trash };
}
