// Owns what MessageInput shows of the files a user is about to send: the ones
// refused before any upload (why, in words, each dismissible) and the staged
// ones with their previews, progress and buttons. Only a composer with files
// shows it, so it is a chunk of its own, loaded when the first file arrives.
import type { ReactNode } from 'react';
import { formatFileSize, useLocale, useStrings, type Locale } from '../i18n';
import { AttachmentPreview } from './attachment-preview';
import type { FileProblem } from './check-file';
import type { AttachmentsState } from './use-attachments';

export interface StagedFilesProps {
  files: AttachmentsState;
  locale: Locale | undefined;
}

export function StagedFiles({ files, locale }: StagedFilesProps): ReactNode {
  const t = useStrings(locale).input;
  const loc = useLocale(locale);
  const problemText = (name: string, p: FileProblem): string => {
    if (p.kind === 'tooLarge') return t.tooLarge(name, formatFileSize(p.size, loc), formatFileSize(p.max, loc));
    if (p.kind === 'typeNotAllowed') return t.typeNotAllowed(name, p.mime);
    return t.emptyFile(name);
  };
  return (
    <>
      {files.rejected.length > 0 && (
        <ul className="natter-input__errors">
          {files.rejected.map((r) => (
            <li key={r.id} className="natter-input__error">
              {/* The alert role on the text, not the item: a list holds list items only. */}
              <span role="alert">{problemText(r.name, r.problem)}</span>
              <button
                type="button"
                className="natter-input__dismiss"
                aria-label={t.dismissError}
                onClick={() => files.dismissRejected(r.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {files.attachments.length > 0 && (
        <ul className="natter-input__attachments" aria-label={t.attachmentsLabel}>
          {files.attachments.map((a) => (
            <AttachmentPreview
              key={a.id}
              attachment={a}
              {...(locale !== undefined ? { locale } : {})}
              onSend={(id) => void files.sendOne(id)}
              onRemove={files.remove}
              onCancel={files.cancel}
            />
          ))}
        </ul>
      )}
    </>
  );
}
