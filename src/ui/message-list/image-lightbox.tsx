// Owns the image lightbox: a modal dialog showing one image at full size.
// Focus moves to its close button, Tab stays inside, Escape or a click on the
// backdrop closes it, and focus returns to the image that opened it.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { MessageListStrings } from '../i18n/message-list-strings';

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
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    closeRef.current?.focus();
    const back = image.returnFocus;
    return () => {
      if (back && back.isConnected) back.focus();
    };
  }, [image]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Tab') {
      const focusables = Array.from(dialogRef.current?.querySelectorAll<HTMLElement>('button, a[href]') ?? []);
      const first = focusables[0];
      const last = focusables[focusables.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
      }
    }
  };

  return (
    <div
      className="natter-lightbox"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div ref={dialogRef} className="natter-lightbox-dialog" role="dialog" aria-modal="true" aria-label={strings.lightboxLabel} onKeyDown={onKeyDown}>
        <img className="natter-lightbox-image" src={image.url} alt={strings.imageAlt(image.name)} />
        <div className="natter-lightbox-bar">
          <a className="natter-button" href={image.url} download={image.name || true} target="_blank" rel="noopener noreferrer">
            {strings.download}
          </a>
          <button ref={closeRef} type="button" className="natter-button" onClick={onClose}>
            {strings.closeLightbox}
          </button>
        </div>
      </div>
    </div>
  );
}
