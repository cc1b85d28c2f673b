import { useState, type Ref } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { RulesStatus } from '../../../../electron/contract';
import { useApi } from '../../api/ApiContext';
import { useApiCall } from '../../api/notices';
import { Button, Card } from '../../components/fields';
import { RuleAgeNotice, useRulePackWords } from '../../components/RuleAgeNotice';
import { useRules } from '../../rules/RulesContext';

type Done = { kind: 'imported'; status: RulesStatus } | { kind: 'reverted'; status: RulesStatus };

/**
 * Settings → Rules: the rule pack in use (edition and dates, in words), whether it may be out of date,
 * importing a newer signed pack from a file, and going back to the rules that came with the app.
 */
export function RulesSection({ headingRef }: { headingRef?: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const api = useApi();
  const call = useApiCall();
  const { status, apply } = useRules();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const active = useRulePackWords(status.active);
  const bundled = useRulePackWords(status.bundled);
  const doneWords = useRulePackWords(done?.status.active ?? status.active);

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  const importPack = () =>
    run(async () => {
      const result = await call(api.rulesImport());
      if (!result?.imported) return;
      apply(result.status);
      setDone({ kind: 'imported', status: result.status });
    });

  const revertToBundled = () =>
    run(async () => {
      const next = await call(api.rulesUseBundled());
      if (!next) return;
      apply(next);
      setDone({ kind: 'reverted', status: next });
    });

  return (
    <Card
      id="settings-rules-heading"
      testId="rules-section"
      heading={t('settings.rules.heading')}
      headingRef={headingRef}
    >
      <p data-testid="rules-in-use">{t('rules.summary', active)}</p>
      <p className="hint" data-testid="rules-origin">
        {status.active.origin === 'imported'
          ? t('settings.rules.origin.imported', bundled)
          : t('settings.rules.origin.bundled')}
      </p>
      {status.importedProblem && (
        <p className="callout callout--warning" role="note" data-testid="rules-imported-problem">
          {t('settings.rules.importedProblem')}
        </p>
      )}
      <RuleAgeNotice info={status.active} />
      {done && (
        <p role="status" className="hint" data-testid="rules-done">
          {done.kind === 'imported'
            ? t('settings.rules.imported', doneWords)
            : t('settings.rules.revertedToBundled', doneWords)}
        </p>
      )}
      <p className="hint">{t('settings.rules.importHelp')}</p>
      <div className="button-row">
        <Button data-action="import-rules" onClick={() => void importPack()} disabled={busy}>
          {t('settings.rules.import')}
        </Button>
        {status.active.origin === 'imported' && (
          <Button data-action="use-bundled-rules" onClick={() => void revertToBundled()} disabled={busy}>
            {t('settings.rules.useBundled')}
          </Button>
        )}
      </div>
      <p className="hint">
        {/* A file name, not words: marked so that it is never translated. */}
        <Trans
          i18nKey="settings.rules.where"
          values={{ file: 'rules/imported.icprules' }}
          components={{ code: <code translate="no" /> }}
        />
      </p>
    </Card>
  );
}
