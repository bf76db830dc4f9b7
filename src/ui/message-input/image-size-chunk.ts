// Owns what the composer's image-size chunk holds (loaded by image-size-later.ts).
export { readImageSize } from '../../react';
