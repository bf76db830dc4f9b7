// Owns MessageInput's paperclip: the button and the hidden file dialog it
// opens, handing the picked files on.
import { useRef, type ReactNode } from 'react';
import { PaperclipIcon } from './icons';

export interface AttachButtonProps {
  label: string;
  disabled: boolean;
  /** The file dialog's `accept`. */
  accept: string | undefined;
  onFiles(files: File[]): void;
}

export function AttachButton({ label, disabled, accept, onFiles }: AttachButtonProps): ReactNode {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="natter-input__tool natter-input__attach"
        aria-label={label}
        disabled={disabled}
        onClick={() => fileInput.current?.click()}
      >
        <PaperclipIcon />
      </button>
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        {...(accept ? { accept } : {})}
        data-testid="natter-file-input"
        onChange={(e) => {
          const picked = e.currentTarget.files ? Array.from(e.currentTarget.files) : [];
          e.currentTarget.value = '';
          if (picked.length) onFiles(picked);
        }}
      />
    </>
  );
}
