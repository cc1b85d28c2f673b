import { useTranslation } from 'react-i18next';
import { formatDateWords } from '../../../core/i18n/language';
import { rulePackAge, type RulePackInfo } from '../../../core/rules/pack';
import { todayIso } from '../../../core/validate/common';
import { useUiLanguage } from '../i18n/useUiLanguage';
import { routeHref } from '../navigation/routes';

/** The pack's edition and dates in words: “Rules edition 1: facts checked on 7 December 2026, …”. */
export function useRulePackWords(info: Pick<RulePackInfo, 'version' | 'asOf' | 'reviewBy'>) {
  const lang = useUiLanguage();
  return {
    version: info.version,
    asOf: formatDateWords(info.asOf, lang),
    reviewBy: formatDateWords(info.reviewBy, lang),
  };
}

/**
 * Says so when the rules in use may be out of date: past their review date, or more than a year old. Shown
 * on Home and beside every pathway result; nothing at all while the rules are current.
 */
export function RuleAgeNotice({
  info,
  settingsLink = false,
  today = todayIso(),
}: {
  info: RulePackInfo;
  /** Offer the way to Settings → Rules (where a newer pack is imported). */
  settingsLink?: boolean;
  today?: string;
}) {
  const { t } = useTranslation();
  const words = useRulePackWords(info);
  const age = rulePackAge(info, today);
  if (!age.stale) return null;
  return (
    <div className="callout callout--warning rule-age" role="note" data-rule-age={age.reason}>
      <p className="callout__heading">{t('rules.staleHeading')}</p>
      <p>{t(`rules.stale.${age.reason}`, words)}</p>
      {settingsLink && (
        <p>
          <a href={routeHref({ screen: 'settings', section: 'rules' })}>{t('rules.openSettings')}</a>
        </p>
      )}
    </div>
  );
}
