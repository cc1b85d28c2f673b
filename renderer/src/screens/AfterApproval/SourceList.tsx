import { useTranslation } from 'react-i18next';
import type { Source } from '../../../../core/rules/data';
import { ExternalLink } from '../../components/ExternalLink';
import { SecondaryMark, SourceTitle } from '../Pathway/PathwayResult';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { WordSpace } from '../../i18n/WordSpace';

/** The sources a rule rests on, as a compact list, titled as {@link SourceTitle} does (links open in the browser after main's allow-check). */
export function SourceList({ sources }: { sources: readonly Source[] }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  if (sources.length === 0) return null;
  return (
    <details className="after-sources">
      <summary>{t('afterApproval.sources', { count: sources.length })}</summary>
      <ul>
        {sources.map((s) => (
          <li key={s.title + (s.url ?? '')}>
            {/* A citation's title, as in the pathway result's source lists: a name, not text to translate. */}
            <span translate="no">
              <SourceTitle source={s} lang={lang} />
            </span>
            {s.url && s.url.startsWith('https://') && (
              <>
                <WordSpace />
                <ExternalLink href={s.url}>{t('afterApproval.openSource')}</ExternalLink>
              </>
            )}
            {s.secondary && <SecondaryMark />}
          </li>
        ))}
      </ul>
    </details>
  );
}
