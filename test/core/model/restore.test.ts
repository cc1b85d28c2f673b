import { describe, expect, it } from 'vitest';
import { CaseSchema, CURRENT_SCHEMA_VERSION, createCase, restore, sampleCase } from '../../../core/model';

const NOW = new Date('2026-11-25T08:00:00Z');

describe('restore', () => {
  it('fills every default for a minimal document', () => {
    const result = restore({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: 'c1',
      createdAt: 'x',
      updatedAt: 'x',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.case.subject.certificateType).toBe('business_licence');
    expect(result.case.principal.isLegalRepresentative).toBe(true);
    expect(result.case.answers.pilotLocation).toBe('none');
    expect(result.case.services).toEqual([]);
    expect(result.migratedFrom).toBeUndefined();
  });

  it('gives each restored case its own default objects', () => {
    const a = restore({ schemaVersion: 1, id: 'a', createdAt: 'x', updatedAt: 'x' });
    const b = restore({ schemaVersion: 1, id: 'b', createdAt: 'x', updatedAt: 'x' });
    if (!a.ok || !b.ok) throw new Error('restore failed');
    a.case.subject.shareholders.push({ name: 'x' } as never);
    expect(b.case.subject.shareholders).toEqual([]);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'case'],
    ['no version', { id: 'x' }],
    ['no id', { schemaVersion: 1 }],
    ['version 0', { schemaVersion: 0, id: 'x' }],
    ['a fractional version', { schemaVersion: 1.5, id: 'x' }],
  ])('refuses %s as notACase', (_label, raw) => {
    const result = restore(raw);
    expect(result).toMatchObject({ ok: false, code: 'notACase' });
  });

  it('refuses a newer version instead of dropping its fields', () => {
    expect(restore({ schemaVersion: CURRENT_SCHEMA_VERSION + 1, id: 'x' })).toMatchObject({
      ok: false,
      code: 'newerVersion',
    });
  });

  it('refuses structurally invalid data with the path in the details', () => {
    const result = restore({
      schemaVersion: 1,
      id: 'x',
      createdAt: 'x',
      updatedAt: 'x',
      services: [{ kind: 'satellite', id: 's' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('invalid');
    expect(result.details).toContain('services');
  });

  it('keeps what the user typed even when it is not valid yet', () => {
    const draft = { ...createCase({ id: 'c', name: 'n', now: NOW }) };
    draft.subject.certificateNumber = '9131011';
    const result = restore(JSON.parse(JSON.stringify(draft)));
    expect(result.ok && result.case.subject.certificateNumber).toBe('9131011');
  });

  it('migrates a version-1 status journal: day from the time, an id, provider_review as submitted', () => {
    const result = restore({
      schemaVersion: 1,
      id: 'old',
      createdAt: '2026-01-05T02:00:00Z',
      updatedAt: '2026-01-09T02:00:00Z',
      journal: [
        { at: '2026-01-05T02:00:00Z', status: 'draft' },
        { at: '2026-01-07T03:00:00Z', status: 'provider_review', note: '已提交阿里云' },
        { at: '2026-01-09T04:00:00Z', status: 'authority_review' },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(1);
    expect(result.case.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(result.case.journal.map((e) => [e.on, e.status, e.note])).toEqual([
      ['2026-01-05', 'draft', ''],
      ['2026-01-07', 'submitted', '已提交阿里云'],
      ['2026-01-09', 'authority_review', ''],
    ]);
    expect(new Set(result.case.journal.map((e) => e.id)).size).toBe(3);
    expect(result.case.afterApproval.filingNumber).toBe('');
  });

  it('round-trips the sample case through JSON unchanged', () => {
    const sample = sampleCase(NOW);
    const result = restore(JSON.parse(JSON.stringify(sample)));
    expect(result).toEqual({ ok: true, case: sample });
  });
});

describe('createCase', () => {
  it('starts a draft with a journal entry and the current schema version', () => {
    const c = createCase({ id: 'id-1', name: 'Shop', now: NOW });
    expect(c.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(c.journal).toEqual([
      {
        id: 'id-1',
        at: NOW.toISOString(),
        on: '2026-11-25',
        status: 'draft',
        note: '',
        number: '',
        reasons: [],
        packetManifestSha256: '',
      },
    ]);
    expect(CaseSchema.safeParse(c).success).toBe(true);
  });
});

describe('sampleCase', () => {
  it('is marked as a sample in its name and is a WFOE mini-program shop in Shanghai', () => {
    const s = sampleCase(NOW);
    expect(s.name).toContain('样本');
    expect(s.name).toContain('SAMPLE');
    expect(s.answers).toMatchObject({ subject: 'wfoe', province: '310000', surfaces: ['mini_program'] });
    expect(s.services[0]?.kind).toBe('mini_program');
  });

  describe('pathway: hosting and mini-program account asked apart (issue 16)', () => {
    const v1 = (answers: Record<string, unknown>) =>
      restore({ schemaVersion: 1, id: 'm', createdAt: 'x', updatedAt: 'x', answers });

    it('a mini-program alone: the old answer was about its account, not hosting', () => {
      const r = v1({ surfaces: ['mini_program'], mainlandHosting: true });
      if (!r.ok) throw new Error(r.details);
      expect(r.migratedFrom).toBe(1);
      expect(r.case.answers.miniProgramAccount).toBe('mainland_entity');
      expect(r.case.answers.mainlandHosting).toBeNull();
      const overseas = v1({ surfaces: ['mini_program'], mainlandHosting: false });
      expect(overseas.ok && overseas.case.answers.miniProgramAccount).toBe('overseas_entity');
    });

    it('a website beside a mini-program keeps the hosting answer and gains the account answer', () => {
      const r = v1({ surfaces: ['website', 'mini_program'], mainlandHosting: false });
      if (!r.ok) throw new Error(r.details);
      expect(r.case.answers.mainlandHosting).toBe(false);
      expect(r.case.answers.miniProgramAccount).toBe('overseas_entity');
    });

    it('without a mini-program, or unanswered, nothing changes', () => {
      const web = v1({ surfaces: ['website'], mainlandHosting: true });
      expect(web.ok && web.case.answers).toMatchObject({ mainlandHosting: true, miniProgramAccount: null });
      const open = v1({ surfaces: ['mini_program'], mainlandHosting: null });
      expect(open.ok && open.case.answers).toMatchObject({ mainlandHosting: null, miniProgramAccount: null });
    });
  });
});
