import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { revealElement } from '../../navigation/focusTarget';
import type { AppInfo, LanguagePreference } from '../../../../electron/contract';
import { ExternalLink } from '../../components/ExternalLink';
import { SelectField } from '../../components/fields/Field';
import { Section } from '../../components/fields/FormSection';
import { ScreenHeading } from '../../components/ScreenHeading';
import { isLanguagePreference, NATIVE_LANGUAGE_NAMES } from '../../i18n/languages';
import { EncryptionSection } from './EncryptionSection';
import { ThirdPartyNotices } from './ThirdPartyNotices';
import { RulesSection } from './RulesSection';
import { Card } from '../../components/fields/Card';

/** MIIT's ICP filing system: where a filing is finally submitted and where an ICP number can be looked up. */
export const MIIT_FILING_SYSTEM_URL = 'https://beian.miit.gov.cn/';

export interface SettingsScreenProps {
  appInfo: AppInfo;
  preference: LanguagePreference;
  onLanguageChange: (preference: LanguagePreference) => void;
  /** Open with a section in view: About (Help › About), or Rules (from a rule-age notice). */
  section?: 'about' | 'rules';
}

export function SettingsScreen({ appInfo, preference, onLanguageChange, section }: SettingsScreenProps) {
  const { t } = useTranslation();
  const aboutHeading = useRef<HTMLHeadingElement>(null);
  const rulesHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const heading = section === 'about' ? aboutHeading : section === 'rules' ? rulesHeading : undefined;
    if (heading?.current) revealElement(heading.current, 'start');
  }, [section]);

  return (
    <div className="settings">
      <ScreenHeading takeFocus={section === undefined}>{t('settings.title')}</ScreenHeading>

      <Section id="settings-language-heading" title={t('settings.language.heading')}>
        <SelectField
          id="settings-language"
          label={t('settings.language.label')}
          value={preference}
          options={[
            { value: 'system', label: t('settings.language.system') },
            { value: 'en', label: NATIVE_LANGUAGE_NAMES.en, lang: 'en' },
            { value: 'zh-CN', label: NATIVE_LANGUAGE_NAMES['zh-CN'], lang: 'zh-CN' },
          ]}
          describedBy="settings-language-system settings-language-help"
          onChange={(value) => {
            if (isLanguagePreference(value)) onLanguageChange(value);
          }}
          after={
            <>
              <p id="settings-language-system" className="hint">
                {/* In a sentence a language is named in the UI language (当前为英语); the picker keeps native names. */}
                {t('settings.language.systemResolved', {
                  language:
                    appInfo.systemLanguage === 'zh-CN'
                      ? t('settings.language.names.zhCN')
                      : t('settings.language.names.en'),
                })}
              </p>
              <p id="settings-language-help" className="hint">
                {t('settings.language.help')}
              </p>
            </>
          }
        />
      </Section>

      <EncryptionSection />

      <RulesSection headingRef={rulesHeading} />

      <Card
        id="settings-about-heading"
        className="about"
        headingRef={aboutHeading}
        heading={t('settings.about.heading')}
      >
        <p className="about__name">{t('app.name')}</p>
        {appInfo.version !== '' && (
          <p className="about__version" data-testid="app-version">
            {t('settings.about.version', { version: appInfo.version })}
          </p>
        )}
        <p>{t('settings.about.description')}</p>

        <h3 className="about__subheading">{t('settings.about.officialSite')}</h3>
        <p>
          <ExternalLink href={MIIT_FILING_SYSTEM_URL}>{t('settings.about.miitLink')}</ExternalLink>
        </p>

        <h3 className="about__subheading">{t('settings.about.licencesHeading')}</h3>
        <p>{t('settings.about.fontLicence')}</p>
        <p>{t('settings.about.noticesIntro')}</p>
        <ThirdPartyNotices />
      </Card>
    </div>
  );
}
