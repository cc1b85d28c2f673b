/**
 * The lifecycle documents (templates/documents/lifecycle/) are contracts like every template: every file is
 * registered and valid, binds only fields the case model has and declares exactly what it reads; every
 * packet value it marks (`%name%`) is given by the packet that uses it, and a value never becomes a
 * placeholder of the case.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordChange } from '../../../core/after/changes';
import { changePacketPlan, renewalPacketPlan } from '../../../core/after/lifecycle-packet';
import {
  LIFECYCLE_TEMPLATE_SOURCES,
  bindPacketValues,
  lifecycleTemplates,
} from '../../../core/after/lifecycle-templates';
import { pathsUsedBy } from '../../../core/documents/template-schema';
import { CHANGE_KINDS, CaseSchema } from '../../../core/model/case';
import { schemasAt } from '../documents/schema-paths';
import { licenceHolderCase } from '../../fixtures/lifecycle';

const folder = path.resolve(import.meta.dirname, '../../../templates/documents/lifecycle');

describe('lifecycle document templates', () => {
  it('are every file of the folder, valid, each named after its file, never chosen by a case packet', () => {
    const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
    expect(Object.keys(LIFECYCLE_TEMPLATE_SOURCES).sort()).toEqual(files.sort());
    for (const template of lifecycleTemplates()) {
      expect(files).toContain(`${template.id}.json`);
      expect(template.appliesWhen).toEqual({ always: false });
      for (const basis of template.basis) expect(basis.source, template.id).toMatch(/https?:\/\/|law text/);
    }
  });

  it('bind only fields the case model has, and declare exactly what they read', () => {
    for (const template of lifecycleTemplates()) {
      expect(
        template.binds.filter((b) => schemasAt(CaseSchema, b).length === 0),
        template.id,
      ).toEqual([]);
      expect([...pathsUsedBy(template)].sort(), template.id).toEqual([...new Set(template.binds)].sort());
    }
  });

  it('get every packet value they mark from the packets that use them, and keep values literal', () => {
    const c = licenceHolderCase();
    const plans = [renewalPacketPlan(c, { today: '2030-08-10', signOn: '' })];
    for (const kind of CHANGE_KINDS) {
      const draft =
        kind === 'legal_representative' || kind === 'filing_subject'
          ? {
              kind,
              registeredOn: '2026-11-20',
              effectiveOn: '2026-12-20',
              person: { ...c.legalRepresentative, name: '李娜', idNumber: '440305199008162321' },
            }
          : kind === 'name'
            ? { kind, registeredOn: '2026-11-20', name: '新名称有限公司' }
            : kind === 'registered_capital'
              ? { kind, registeredOn: '2026-11-20', registeredCapitalCny: 20_000_000 }
              : kind === 'shareholders'
                ? { kind, decidedOn: '2026-11-20', shareholders: c.subject.shareholders }
                : { kind, effectiveOn: '2026-12-20', serviceId: 'svc-web-1', domain: 'yunfan-edu.com' };
      const changed = recordChange(c, draft, `chg-${kind}`, new Date('2026-11-25T00:00:00Z'));
      plans.push(
        changePacketPlan(changed, changed.lifecycle.changes.at(-1)!, { today: '2026-12-01', signOn: '' }),
      );
    }
    for (const plan of plans)
      for (const doc of plan.documents)
        expect(JSON.stringify(doc.template.blocks), `${plan.id} ${doc.template.id}`).not.toMatch(
          /%[a-zA-Z.]+%/,
        );

    const template = lifecycleTemplates().find((t) => t.id === 'licence-change-application')!;
    expect(() => bindPacketValues(template, {})).toThrow(/no packet value/);
    const hostile = bindPacketValues(
      lifecycleTemplates().find((t) => t.id === 'service-launch-evidence')!,
      { 'evidence.usage': { zh: '{{subject.name}}', en: '{{subject.name}}' } },
    );
    expect(JSON.stringify(hostile.blocks)).toContain('{ {subject.name}}');
  });
});
