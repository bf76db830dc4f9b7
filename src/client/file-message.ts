// Owns turning an uploaded file into the message body of its kind
// (img/file/audio/video), carrying url, size, name, type and dimensions or
// duration, as the Easemob document's attachment messages do.
import { definedFields } from '../protocol/defined-fields';
import type { UploadedFile } from '../protocol/link';
import type { AudioBody, FileBody, ImageBody, VideoBody } from '../protocol/message';

export type FileKind = 'img' | 'file' | 'audio' | 'video';
export type FileMessageBody = ImageBody | FileBody | AudioBody | VideoBody;

export interface FileMeta {
  width?: number;
  height?: number;
  duration?: number;
}

export function fileMessageBody(kind: FileKind, file: UploadedFile, meta: FileMeta = {}): FileMessageBody {
  const ref = {
    url: file.url,
    name: file.name,
    size: file.size,
    mime: file.mime,
    ...definedFields({ fileId: file.fileId }),
  };
  const width = meta.width ?? file.width;
  const height = meta.height ?? file.height;
  const duration = meta.duration ?? file.duration;
  const dims = definedFields({ width, height });
  switch (kind) {
    case 'img':
      return { type: 'img', ...ref, ...dims };
    case 'file':
      return { type: 'file', ...ref };
    case 'audio':
      return { type: 'audio', ...ref, duration: duration ?? 0 };
    case 'video':
      return { type: 'video', ...ref, ...dims, ...definedFields({ duration }) };
  }
}

/** The body a file message shows while its file is uploaded: no url yet. */
export function placeholderOf(
  kind: FileKind,
  name: string,
  size: number,
  mime: string,
  meta: FileMeta,
): FileMessageBody {
  return fileMessageBody(kind, { url: '', name, size, mime }, meta);
}

/** The name a file message shows: the one given, else the file's own, else "file". */
export function fileName(file: Blob, given?: string): string {
  if (given) return given;
  const named = (file as Blob & { name?: unknown }).name;
  return typeof named === 'string' && named ? named : 'file';
}
