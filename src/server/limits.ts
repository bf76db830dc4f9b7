// Owns the server's default limits and how options override them.
import type { ServerLimits } from '../protocol/entities';

/** MIME types accepted for uploads by default: each one is checked by its magic bytes (file-sniff.ts). */
export const DEFAULT_FILE_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/bmp',
  'application/pdf',
  'application/zip',
  'audio/mpeg',
  'audio/mp4',
  'video/mp4',
  'video/webm',
  'audio/webm',
  'audio/ogg',
  'video/ogg',
  'audio/wav',
  'audio/amr',
  'text/plain',
];

export const DEFAULT_LIMITS: ServerLimits = {
  maxFrameBytes: 512 * 1024,
  maxTextLength: 5000,
  maxExtBytes: 8 * 1024,
  maxFileBytes: 10 * 1024 * 1024,
  allowedFileTypes: [...DEFAULT_FILE_TYPES],
  recallWindowMs: 120_000,
  recallEnabled: true,
};

export function resolveLimits(
  overrides: Partial<ServerLimits> | undefined,
  recall: { recallWindowMs?: number; recallEnabled?: boolean },
): ServerLimits {
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...overrides };
  if (recall.recallWindowMs !== undefined) limits.recallWindowMs = recall.recallWindowMs;
  if (recall.recallEnabled !== undefined) limits.recallEnabled = recall.recallEnabled;
  limits.allowedFileTypes = limits.allowedFileTypes.map((t) => t.toLowerCase());
  return limits;
}
