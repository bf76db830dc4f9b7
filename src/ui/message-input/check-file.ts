// Owns the client-side check of a file against the limits the server
// announced at welcome (size and allowed MIME types). It only saves a useless
// upload: the server checks again, and its refusals are shown the same way.
import type { ServerLimits } from '../../protocol/entities';
import { baseMime } from './attachment-kind';

export type FileProblem =
  { kind: 'tooLarge'; size: number; max: number } | { kind: 'typeNotAllowed'; mime: string } | { kind: 'empty' };

/** Why `file` would be refused, or null when it looks acceptable (or limits are unknown yet). */
export function checkFile(
  file: Blob,
  limits: Pick<ServerLimits, 'maxFileBytes' | 'allowedFileTypes'> | null,
): FileProblem | null {
  if (file.size === 0) return { kind: 'empty' };
  if (!limits) return null;
  if (file.size > limits.maxFileBytes) return { kind: 'tooLarge', size: file.size, max: limits.maxFileBytes };
  const mime = baseMime(file.type);
  if (!limits.allowedFileTypes.includes(mime)) return { kind: 'typeNotAllowed', mime };
  return null;
}
