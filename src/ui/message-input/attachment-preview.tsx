// Owns one staged attachment's row: an image thumbnail (from a local object URL
// only) or a file badge, the name and size as text, and the actions of its
// state: Send/Remove, a progress bar with Cancel, or the server's refusal with
// Try again/Remove.
import type { ReactNode } from 'react';
import { formatFileSize, useLocale, useStrings, type Locale } from '../i18n';
import type { Attachment } from './use-attachments';

export interface AttachmentPreviewProps {
  attachment: Attachment;
  locale?: Locale;
  onSend(id: string): void;
  onRemove(id: string): void;
  onCancel(id: string): void;
}

const BADGE: Record<Attachment['kind'], string> = { img: '🖼', file: '📄', audio: '🎵', video: '🎬' };

export function AttachmentPreview({
  attachment: a,
  locale,
  onSend,
  onRemove,
  onCancel,
}: AttachmentPreviewProps): ReactNode {
  const t = useStrings(locale).input;
  const loc = useLocale(locale);
  const size = formatFileSize(a.size, loc);
  const percent = Math.round(a.progress * 100);
  return (
    <li className="natter-attachment" data-state={a.state} data-kind={a.kind}>
      {a.previewUrl ? (
        <img
          className="natter-attachment__thumb"
          src={a.previewUrl}
          alt={t.previewAlt(a.name)}
          {...(a.width !== null && a.height !== null ? { width: a.width, height: a.height } : {})}
        />
      ) : (
        <span className="natter-attachment__badge" aria-hidden="true">
          {BADGE[a.kind]}
        </span>
      )}
      <div className="natter-attachment__info">
        <span className="natter-attachment__name" title={a.name}>
          {a.name}
        </span>
        <span className="natter-attachment__size">
          {a.width !== null && a.height !== null ? t.imageDetails(size, a.width, a.height) : size}
        </span>
        {a.state === 'uploading' && (
          <div
            className="natter-attachment__progress"
            role="progressbar"
            aria-label={t.uploadingFile(a.name)}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            <div className="natter-attachment__bar" style={{ width: `${percent}%` }} />
          </div>
        )}
        {a.state === 'failed' && a.error && (
          <span className="natter-attachment__error" role="alert">
            {t.sendFailed(a.name, a.error.code, a.error.message)}
          </span>
        )}
      </div>
      <div className="natter-attachment__actions">
        {a.state === 'uploading' ? (
          <button
            type="button"
            className="natter-attachment__cancel"
            aria-label={t.cancelUploadOf(a.name)}
            onClick={() => onCancel(a.id)}
          >
            {t.cancelUpload}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="natter-attachment__send"
              aria-label={a.state === 'failed' ? t.retrySend : t.sendFile(a.name)}
              onClick={() => onSend(a.id)}
            >
              {a.state === 'failed' ? t.retrySend : t.send}
            </button>
            <button
              type="button"
              className="natter-attachment__remove"
              aria-label={t.removeFile(a.name)}
              onClick={() => onRemove(a.id)}
            >
              {t.removeAttachment}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
