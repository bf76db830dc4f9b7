// Owns reading a picked image's size for the composer from a chunk of its own
// (image-size-chunk.ts): only a screen where an image is attached needs the
// header parser, and the read is asynchronous anyway.
import type { ImageSize } from '../../react';

export function readImageSizeLater(file: Blob): Promise<ImageSize | null> {
  return import('./image-size-chunk').then((m) => m.readImageSize(file));
}
