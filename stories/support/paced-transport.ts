// Owns a Transport wrapper that paces uploads like a slow link: progress is
// reported as `bytesPerSecond` allows, then the bytes go to the real server
// through the wrapped transport's own upload. Frames pass through untouched.
// The embedded server's in-page upload is instant; this lets a story show an
// attachment mid-upload without faking any component state. Abort works.
import { ErrorCode, NatterError, type Transport, type UploadRequest } from '../../src/entries/index';

export function pacedUploads(inner: Transport, bytesPerSecond: number): Transport {
  const upload = inner.upload?.bind(inner);
  return {
    connect: (handlers) => inner.connect(handlers),
    ...(upload
      ? {
          async upload(req: UploadRequest) {
            const total = req.data.size;
            const step = Math.max(1, Math.round(bytesPerSecond / 10));
            for (let sent = 0; sent < total; sent = Math.min(total, sent + step)) {
              if (req.signal?.aborted) throw new NatterError(ErrorCode.DISCONNECTED, 'upload aborted');
              req.onProgress?.(sent, total);
              await new Promise((r) => setTimeout(r, 100));
            }
            const { onProgress, ...rest } = req;
            const file = await upload(rest);
            onProgress?.(total, total);
            return file;
          },
        }
      : {}),
  };
}
