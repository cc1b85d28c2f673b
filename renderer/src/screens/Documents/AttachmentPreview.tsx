import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentMeta } from '../../../../core/model/case';
import { useApi } from '../../api/ApiContext';
import { useApiCall } from '../../api/notices';
import { PdfPages } from '../../components/PdfPages';

const THUMB_WIDTH = 180;

/**
 * A stored attachment's preview: images as <img> from a blob URL (the CSP allows blob: images), PDFs as
 * pdf.js pages — the first page, or all of them on request. The bytes come from the store by id.
 */
export function AttachmentPreview({ caseId, file }: { caseId: string; file: AttachmentMeta }) {
  const { t } = useTranslation();
  const api = useApi();
  const call = useApiCall();
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [imageUrl, setImageUrl] = useState<string | null>(null);
  const [allPages, setAllPages] = useState(false);

  useEffect(() => {
    let current = true;
    let url: string | null = null;
    void call(api.attachmentRead({ caseId, attachmentId: file.id })).then((read) => {
      if (!current || read === undefined) return;
      if (read.mediaType === 'application/pdf') {
        setBytes(read.bytes);
      } else {
        url = URL.createObjectURL(new Blob([read.bytes.slice()], { type: read.mediaType }));
        setImageUrl(url);
      }
    });
    return () => {
      current = false;
      if (url !== null) URL.revokeObjectURL(url);
    };
  }, [api, call, caseId, file.id]);

  const name = file.originalName || file.id.slice(0, 8);
  if (file.mediaType !== 'application/pdf') {
    return (
      <div className="attachment-preview">
        {imageUrl === null ? (
          <p className="pdf-pages__note">{t('preview.loading')}</p>
        ) : (
          <img className="attachment-preview__image" src={imageUrl} alt={t('preview.imageOf', { name })} />
        )}
      </div>
    );
  }
  return (
    <div className="attachment-preview">
      {bytes === null ? (
        <p className="pdf-pages__note">{t('preview.loading')}</p>
      ) : (
        <PdfPages bytes={bytes} title={name} width={THUMB_WIDTH} {...(allPages ? {} : { maxPages: 1 })} />
      )}
      {(file.pages ?? 0) > 1 && (
        <button type="button" className="button button--small" onClick={() => setAllPages(!allPages)}>
          {allPages ? t('preview.firstPageOnly') : t('preview.allPages', { count: file.pages ?? 0 })}
        </button>
      )}
    </div>
  );
}
