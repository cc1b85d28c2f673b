import { useTranslation } from 'react-i18next';
import {
  AppPlatformSchema,
  AppServiceSchema,
  MiniProgramSchema,
  PreApprovalSchema,
  ServicePrincipalSchema,
  WebsiteSchema,
  type Service,
} from '../../../../core/model/case';
import { removeListRow } from '../../../../core/model/list-edits';
import { CheckboxField } from '../../components/fields/Field';
import { FieldGroup, RowList } from '../../components/fields/FieldGroup';
import { useCaseSession } from '../Case/caseSession';
import type { StepScreenProps } from '../Case/stepProps';
import { StepFrame } from '../Case/StepFrame';
import { enumKey } from '../../i18n/enumKey';

const KINDS: readonly Service['kind'][] = ['website', 'app', 'mini_program'];

function newService(kind: Service['kind']): Service {
  const id = `svc-${crypto.randomUUID()}`;
  switch (kind) {
    case 'website':
      return WebsiteSchema.parse({ kind, id });
    case 'app':
      return AppServiceSchema.parse({ kind, id, platforms: [{ platform: 'android' }] });
    case 'mini_program':
      return MiniProgramSchema.parse({ kind, id });
  }
}

/** Lists under a service that get their own rows rather than plain fields. */
const NESTED = ['principal', 'platforms', 'preApprovals', 'sdks'];

function ServiceCard({ service, index }: { service: Service; index: number }) {
  const { t } = useTranslation();
  const { caseData, update } = useCaseSession();
  const prefix = `services.${index}`;
  const headingId = `service-${index}-heading`;
  const kindName = t(`forms.services.kinds.${enumKey(service.kind)}`);
  const title = service.name.trim() === '' ? kindName : `${service.name} · ${kindName}`;
  const ownPrincipal = service.principal !== null;

  // A service's own person in charge is someone other than the applicant's: the form starts empty, and
  // "is the legal representative" starts off — a fact the user states (the pre-flight compares identities).
  const setOwnPrincipal = (on: boolean) =>
    update((current) => ({
      ...current,
      services: current.services.map((s, i) =>
        i === index ? { ...s, principal: on ? ServicePrincipalSchema.parse({}) : null } : s,
      ),
    }));

  return (
    <section className="card service" aria-labelledby={headingId} data-service-kind={service.kind}>
      <header className="service__header">
        <h2 id={headingId} className="card__heading">
          {title}
        </h2>
        <button
          type="button"
          className="button button--small button--danger"
          onClick={() =>
            update((current) => removeListRow(current, 'services', index), { ownUndoStep: true })
          }
        >
          {t('forms.services.remove', { name: title })}
        </button>
      </header>
      <FieldGroup prefix={prefix} serviceKind={service.kind} exclude={NESTED} />

      {service.kind === 'app' && (
        <>
          <h3 className="card__subheading">{t('forms.services.platforms')}</h3>
          <RowList
            path={`${prefix}.platforms`}
            serviceKind="app"
            newRow={() => AppPlatformSchema.parse({ platform: 'android' })}
            rowTitle={(row) => t('forms.services.platform', { number: row + 1 })}
            addLabel={t('forms.services.addPlatform')}
            removeLabel={(row) => t('forms.services.removePlatform', { number: row + 1 })}
          />
          <h3 className="card__subheading">{t('forms.services.sdks')}</h3>
          <RowList
            path={`${prefix}.sdks`}
            serviceKind="app"
            newRow={() => ({ provider: '', purpose: '' })}
            rowTitle={(row) => t('forms.services.sdk', { number: row + 1 })}
            addLabel={t('forms.services.addSdk')}
            removeLabel={(row) => t('forms.services.removeSdk', { number: row + 1 })}
          />
        </>
      )}

      <h3 className="card__subheading">{t('forms.services.preApprovals')}</h3>
      <p className="hint">{t('forms.services.preApprovalsHelp')}</p>
      <RowList
        path={`${prefix}.preApprovals`}
        newRow={() => PreApprovalSchema.parse({ sector: caseData.answers.sectors[0] ?? 'news' })}
        rowTitle={(row) => t('forms.services.preApproval', { number: row + 1 })}
        addLabel={t('forms.services.addPreApproval')}
        removeLabel={(row) => t('forms.services.removePreApproval', { number: row + 1 })}
      />

      <h3 className="card__subheading">{t('forms.services.principal')}</h3>
      <CheckboxField
        id={`${prefix}-own-principal`}
        label={t('forms.services.ownPrincipal')}
        hint={t('forms.services.ownPrincipalHelp')}
        checked={ownPrincipal}
        onChange={setOwnPrincipal}
      />
      {ownPrincipal && <FieldGroup prefix={`${prefix}.principal`} shortMeaning />}
    </section>
  );
}

/** Every service of the case — any number of websites, apps and mini-programs — each with its own data. */
export function ServicesStep({ caseId, step, navigate }: StepScreenProps) {
  const { t } = useTranslation();
  const { caseData, update } = useCaseSession();
  return (
    <StepFrame caseId={caseId} step={step} navigate={navigate}>
      {caseData.services.length === 0 && <p className="callout">{t('forms.services.none')}</p>}
      {caseData.services.map((service, index) => (
        <ServiceCard key={service.id} service={service} index={index} />
      ))}

      <div className="button-row" role="group" aria-label={t('forms.services.addGroup')}>
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="button"
            data-add-service={kind}
            onClick={() =>
              update((current) => ({ ...current, services: [...current.services, newService(kind)] }), {
                ownUndoStep: true,
              })
            }
          >
            {t(`forms.services.add.${enumKey(kind)}`)}
          </button>
        ))}
      </div>
    </StepFrame>
  );
}
