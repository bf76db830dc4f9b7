// Owns the avatar circle: a picture when the app gives a safe URL, else up to
// two initials on a colour derived from the id (stable across renders and devices).
import type { ReactNode } from 'react';

export interface AvatarProps {
  /** Stable id the colour is derived from: a user id, or a conversation id (`single:<user>` colours like `<user>`). */
  id: string;
  /** Name the initials are taken from. */
  name: string;
  /** Picture URL (only http(s), relative, blob: and data:image are used). */
  src?: string | null;
  size?: number;
}

const SAFE_SRC = /^(https?:\/\/|\/|\.{0,2}\/|blob:|data:image\/(png|jpeg|gif|webp);)/i;

/** Up to two letters: first letters of the first two words, else the first two characters. */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/[\s._@-]+/u)
    .filter(Boolean);
  const first = (w: string) => Array.from(w)[0] ?? '';
  if (words.length >= 2) return (first(words[0] as string) + first(words[1] as string)).toUpperCase();
  return Array.from(words[0] ?? '?')
    .slice(0, 2)
    .join('')
    .toUpperCase();
}

/** One colour per person or group wherever they appear: `single:bob` (a conversation) and `bob` (a user) hash alike. */
function hue(id: string): number {
  if (id.startsWith('single:')) id = id.slice('single:'.length);
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % 360;
}

export function Avatar({ id, name, src, size }: AvatarProps): ReactNode {
  const style = {
    '--natter-avatar-hue': String(hue(id)),
    ...(size ? { '--natter-avatar-size': `${size}px` } : {}),
  } as Record<string, string>;
  if (src && SAFE_SRC.test(src)) {
    return <img className="natter-avatar natter-avatar--image" src={src} alt="" aria-hidden="true" style={style} />;
  }
  return (
    <span className="natter-avatar" aria-hidden="true" style={style}>
      {initialsOf(name)}
    </span>
  );
}
