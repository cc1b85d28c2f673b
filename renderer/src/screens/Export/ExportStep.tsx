import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportRecord } from '../../../../core/model/case';
import { previewDocuments } from '../../../../core/packet/preview';
import { exportHold } from '../../../../core/rules/export-hold';
import { PROFILE_IDS, uploadProfile, type ProfileId } from '../../../../core/packet/profiles';
import { useApi } from '../../api/ApiContext';
import { useApiCall } from '../../api/notices';
import { useFormat } from '../../i18n/useFormat';
import { ChinaDateNote } from '../../components/ChinaDateNote';
import { ProgressPanel } from '../../components/ProgressPanel';
import { useCaseSession } from '../Case/caseSession';
import type { StepScreenProps } from '../Case/stepProps';
import { StepFrame } from '../Case/StepFrame';
import { IssueList } from '../Review/IssueList';
import { useAcknowledge } from '../Review/ReviewStep';
import '../workspace-steps.css';
import { RadioGroupField } from '../../components/fields/Field';
import { Card } from '../../components/fields/Card';

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number; step: string; cancelling: boolean }
  | { kind: 'built'; folderName: string; folderPath: string; fileCount: number; zip: boolean };

/**
 * The Export step: refused while the pre-flight has errors (listed, each opening its field); open warnings
 * are acknowledged here first. The user picks the platform profile; main asks for the folder, asks before
 * replacing an existing packet, reports progress (Cancel stops it) and can show the result in the file
 * manager. Each export is recorded in the case's history.
 */
/** The packet writer's named stages (core/packet/assemble.ts), by their locale key. */
const STAGES: Readonly<
  Record<string, 'attachments' | 'index' | 'fullPacket' | 'portalFields' | 'wechat' | 'manifest'>
> = {
  attachments: 'attachments',
  index: 'index',
  'full packet': 'fullPacket',
  'portal fields': 'portalFields',
  wechat: 'wechat',
  manifest: 'manifest',
};

export function ExportStep({ caseId, step, navigate }: StepScreenProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const call = useApiCall();
  const { caseData, issues, update, flush, decision } = useCaseSession();
  const acknowledge = useAcknowledge();
  const zh = i18n.language === 'zh-CN';
  const documents = useMemo(() => previewDocuments(caseData, decision), [caseData, decision]);

  /** The packet writer's stage in words: its internal names and the documents' Chinese titles translated. */
  const stageLabel = (step: string): string => {
    const named = STAGES[step];
    if (named !== undefined) return t(`workspaceGuide.exportStages.${named}`);
    const review = step.endsWith('（核对版）');
    const zhTitle = review ? step.slice(0, -'（核对版）'.length) : step;
    const document = documents.find((d) => d.title.zh === zhTitle);
    if (document === undefined) return step;
    const title = zh ? document.title.zh : document.title.en;
    return review ? t('workspaceGuide.exportStages.reviewCopy', { title }) : title;
  };
  const hasWechatMiniProgram = caseData.services.some(
    (s) => s.kind === 'mini_program' && s.platform === 'wechat',
  );
  const [profile, setProfile] = useState<ProfileId>(hasWechatMiniProgram ? 'wechat' : 'aliyun');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [revealed, setRevealed] = useState<boolean | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const { errors, openWarnings } = exportHold(issues);
  const blocked = errors.length > 0 || openWarnings.length > 0;

  useEffect(
    () =>
      api.onPacketProgress((progress) => {
        if (progress.caseId !== caseId) return;
        setPhase((current) =>
          current.kind === 'running'
            ? { ...current, done: progress.done, total: progress.total, step: progress.step }
            : current,
        );
      }),
    [api, caseId],
  );

  useEffect(() => {
    if (phase.kind === 'built') resultHeading.current?.focus();
  }, [phase.kind]);

  const exportPacket = async () => {
    // Main builds from the stored case: save what is typed first.
    if (!(await flush())) return;
    setRevealed(null);
    setPhase({ kind: 'running', done: 0, total: 0, step: '', cancelling: false });
    const result = await call(api.packetBuild({ caseId, profile }));
    if (result === undefined || !result.built) {
      setPhase({ kind: 'idle' });
      return;
    }
    const record: ExportRecord = result.record;
    update((current) => ({ ...current, exports: [...current.exports, record] }));
    setPhase({
      kind: 'built',
      folderName: result.folderName,
      folderPath: result.folderPath,
      fileCount: result.fileCount,
      zip: result.zip,
    });
  };

  const cancel = () => {
    setPhase((current) => (current.kind === 'running' ? { ...current, cancelling: true } : current));
    void call(api.packetCancel({ caseId }));
  };

  const reveal = async () => {
    const shown = await call(api.packetReveal({ caseId }));
    setRevealed(shown?.shown ?? false);
  };

  const history = [...caseData.exports].reverse();
  return (
    <StepFrame caseId={caseId} step={step} navigate={navigate} className="export-step">
      {errors.length > 0 && (
        <section
          className="callout callout--error"
          aria-labelledby="export-errors-heading"
          data-testid="export-refused"
        >
          <h2 id="export-errors-heading" className="callout__heading">
            {t('exportStep.refused', { count: errors.length })}
          </h2>
          <p>{t('exportStep.refusedHint')}</p>
          <IssueList issues={errors} navigate={navigate} headingLevel={3} idPrefix="export-errors" />
        </section>
      )}

      {errors.length === 0 && openWarnings.length > 0 && (
        <section className="callout" aria-labelledby="export-warnings-heading" data-testid="export-warnings">
          <h2 id="export-warnings-heading" className="callout__heading">
            {t('exportStep.warnings', { count: openWarnings.length })}
          </h2>
          <p>{t('exportStep.warningsHint')}</p>
          <IssueList issues={openWarnings} navigate={navigate} headingLevel={3} idPrefix="export-warnings" />
          <button
            type="button"
            className="button"
            onClick={() => openWarnings.forEach((warning) => acknowledge(warning.key, true))}
          >
            {t('exportStep.acknowledgeAll', { count: openWarnings.length })}
          </button>
        </section>
      )}

      <Card id="export-options-heading" heading={t('exportStep.optionsHeading')}>
        <RadioGroupField
          className="export-profiles"
          name="export-profile"
          legend={t('exportStep.profile')}
          value={profile}
          onChange={setProfile}
          disabled={phase.kind === 'running'}
          options={PROFILE_IDS.map((id) => {
            const name = uploadProfile(id).name;
            return { value: id, label: zh ? name.zh : `${name.en} · ${name.zh}` };
          })}
        />
        <p className="hint">{t('exportStep.folderHint')}</p>
        <ChinaDateNote testId="export-china-date" />
        <button
          type="button"
          className="button button--primary"
          onClick={() => void exportPacket()}
          disabled={blocked || phase.kind === 'running'}
          data-testid="export-button"
        >
          {t('exportStep.export')}
        </button>
        {blocked && <p className="hint">{t('exportStep.blockedHint')}</p>}
        {phase.kind === 'running' && (
          <ProgressPanel
            label={t('exportStep.progress')}
            done={phase.done}
            total={phase.total}
            detail={stageLabel(phase.step)}
            cancelling={phase.cancelling}
            onCancel={cancel}
          />
        )}
      </Card>

      {phase.kind === 'built' && (
        <Card
          id="export-result-heading"
          className="export-result"
          testId="export-result"
          headingRef={resultHeading}
          heading={t('exportStep.built')}
        >
          <p>
            {t(phase.zip ? 'exportStep.builtDetailZip' : 'exportStep.builtDetail', {
              folder: phase.folderName,
              count: phase.fileCount,
            })}
          </p>
          <button type="button" className="button" onClick={() => void reveal()} data-testid="reveal-button">
            {t('exportStep.showInFolder')}
          </button>
          {revealed === false && <p className="hint">{t('exportStep.revealUnavailable')}</p>}
          <h3 className="card__subheading">{t('workspaceGuide.exportGuide.heading')}</h3>
          <p className="hint" data-testid="export-folder-path">
            {t('workspaceGuide.exportGuide.folder', { folder: phase.folderPath })}
          </p>
          <ul className="step__points" data-testid="export-guide">
            <li>{t('workspaceGuide.exportGuide.documents')}</li>
            <li>{t('workspaceGuide.exportGuide.scans')}</li>
            <li>{t('workspaceGuide.exportGuide.portal')}</li>
            <li>
              {profile === 'wechat'
                ? t('workspaceGuide.exportGuide.wechat')
                : t('workspaceGuide.exportGuide.provider')}
            </li>
            <li>{t('workspaceGuide.exportGuide.records')}</li>
            <li>{t('workspaceGuide.exportGuide.sms')}</li>
          </ul>
        </Card>
      )}

      <Card id="export-history-heading" heading={t('exportStep.historyHeading')}>
        {history.length === 0 ? (
          <p className="hint">{t('exportStep.historyEmpty')}</p>
        ) : (
          <ul className="export-history" data-testid="export-history">
            {history.map((record) => (
              <li key={`${record.at}-${record.manifestSha256}`}>
                <span className="export-history__when">{format.dateTime(record.at)}</span>
                <span>{record.folderName}</span>
                <span>
                  {t('exportStep.historyDetail', {
                    profile: PROFILE_IDS.includes(record.profile as ProfileId)
                      ? zh
                        ? uploadProfile(record.profile as ProfileId).name.zh
                        : uploadProfile(record.profile as ProfileId).name.en
                      : record.profile,
                    count: record.fileCount,
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </StepFrame>
  );
}
