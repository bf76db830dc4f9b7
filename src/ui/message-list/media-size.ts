// Owns the box reserved for an image or video before it loads: its known
// width/height scaled down to fit the bubble's maximum, so nothing in the list
// moves when the media arrives (and the virtualizer's measured sizes stay true).

export interface MediaBox {
  width: number;
  height: number;
}

const MEDIA_MAX_WIDTH = 240;
const MEDIA_MAX_HEIGHT = 240;
/** Used when the message does not say how big the media is. */
const MEDIA_FALLBACK: MediaBox = { width: 200, height: 150 };

function positive(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0;
}

/** The display box for media of `width`×`height`, fitting in the maximum and never upscaled. */
export function mediaBox(
  width: unknown,
  height: unknown,
  max: MediaBox = { width: MEDIA_MAX_WIDTH, height: MEDIA_MAX_HEIGHT },
): MediaBox {
  if (!positive(width) || !positive(height)) return MEDIA_FALLBACK;
  const scale = Math.min(1, max.width / width, max.height / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
