// Owns finding an audio or video file's duration (seconds) before sending, from
// the browser's own media metadata. Only runs where object URLs and media
// elements exist; elsewhere (SSR, jsdom) the duration is unknown and the
// message is sent without it (audio gets 0, as the protocol allows).

const METADATA_TIMEOUT_MS = 3000;

/** Duration in whole seconds, or null when the platform cannot tell. Never throws. */
export function readMediaDuration(file: Blob, kind: 'audio' | 'video'): Promise<number | null> {
  if (typeof document === 'undefined' || typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function')
    return Promise.resolve(null);
  const el = document.createElement(kind);
  // A type this browser cannot play has no metadata to wait for (jsdom can play nothing).
  if (!file.type || typeof el.canPlayType !== 'function' || el.canPlayType(file.type) === '')
    return Promise.resolve(null);
  let url: string;
  try {
    url = URL.createObjectURL(file);
  } catch {
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: number | null): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      el.removeAttribute('src');
      URL.revokeObjectURL(url);
      resolve(value);
    };
    const timer = setTimeout(() => finish(null), METADATA_TIMEOUT_MS);
    el.preload = 'metadata';
    el.onloadedmetadata = () => finish(Number.isFinite(el.duration) ? Math.round(el.duration) : null);
    el.onerror = () => finish(null);
    el.src = url;
  });
}
