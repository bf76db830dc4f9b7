// Owns which message type a picked, pasted or dropped file becomes: images are
// image messages, audio and video by their MIME type, anything else a file.
import type { OutgoingBodyType } from '../../protocol/message';

export type AttachmentKind = Extract<OutgoingBodyType, 'img' | 'file' | 'audio' | 'video'>;

/** `image/PNG; x=y` → `image/png`. */
export function baseMime(mime: string): string {
  return (mime.split(';')[0] ?? '').trim().toLowerCase();
}

/** The message type a file of `mime` is sent as. */
export function attachmentKind(mime: string): AttachmentKind {
  const m = baseMime(mime);
  if (m.startsWith('image/')) return 'img';
  if (m.startsWith('audio/')) return 'audio';
  if (m.startsWith('video/')) return 'video';
  return 'file';
}
