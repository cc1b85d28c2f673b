import { useTranslation } from 'react-i18next';
import { useNotices } from '../api/notices';

/** Errors from main, translated; each is announced (role="alert") and stays until dismissed. */
export function NoticeList() {
  const { t } = useTranslation();
  const { notices, dismiss } = useNotices();
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} role="alert" className="notice notice--error" data-code={notice.code}>
          <svg className="notice__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <circle cx="10" cy="10" r="9" />
            <path d="M10 5.5v5.5M10 13.5v1" />
          </svg>
          <p className="notice__message">{t(`errors.${notice.code}`, { ...notice.details })}</p>
          <button type="button" className="notice__dismiss" onClick={() => dismiss(notice.id)}>
            {t('notices.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
