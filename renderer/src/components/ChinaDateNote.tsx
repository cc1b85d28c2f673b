import { useTranslation } from 'react-i18next';
import { chinaDate } from '../../../core/packet/safe-names';
import { localDay } from '../i18n/useFormat';

/**
 * Why the packet's date may not be the user's: the documents are dated, and the packet folder named, with
 * today's date in China (UTC+8), where they are signed and filed — a reviewer rejects a letter dated
 * tomorrow by China's calendar. The user's own day, which every date they record keeps, is named beside it
 * when the two differ (an evening in Europe or America is already tomorrow in China).
 */
export function ChinaDateNote({ now = new Date(), testId }: { now?: Date; testId?: string }) {
  const { t } = useTranslation();
  const china = chinaDate(now);
  const local = localDay(now.toISOString());
  return (
    <p className="hint" data-testid={testId} data-china-date={china}>
      {china === local
        ? t('chinaDate.note', { date: china })
        : t('chinaDate.noteDiffers', { date: china, local })}
    </p>
  );
}
