// Owns the image lightbox: one image at full size in a native modal <dialog>
// (the top layer: the rest of the page is inert, and no container of the chat
// can clip or confine it). Focus moves to its close button; Escape or a click
// outside the image closes it, and focus returns to the image that opened it.
import { useRef, type ReactNode } from 'react';
import type { MessageListStrings } from '../i18n/message-list-strings';
import { useModalDialog } from '../modal-dialog';

export interface LightboxImage {
  url: string;
  name: string;
  /** Element to focus again on close. */
  returnFocus: HTMLElement | null;
}

export interface ImageLightboxProps {
  image: LightboxImage;
  strings: MessageListStrings;
  onClose(): void;
}

export function ImageLightbox({ image, strings, onClose }: ImageLightboxProps): ReactNode {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useModalDialog(dialogRef, 'page', true, closeRef);

  return (
    // A click on the backdrop closes it, as Escape does from the keyboard.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={dialogRef}
      className="natter-lightbox"
      aria-label={strings.lightboxLabel}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }}
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <img className="natter-lightbox-image" src={image.url} alt={strings.imageAlt(image.name)} />
      <div className="natter-lightbox-bar">
        <a
          className="natter-button"
          href={image.url}
          download={image.name || true}
          target="_blank"
          rel="noopener noreferrer"
        >
          {strings.download}
        </a>
        <button ref={closeRef} type="button" className="natter-button" onClick={onClose}>
          {strings.closeLightbox}
        </button>
      </div>
    </dialog>
  );
}
