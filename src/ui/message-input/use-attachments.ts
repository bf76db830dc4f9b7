// Owns the attachments staged in a MessageInput: files pasted, dropped or
// picked are checked against the server's announced limits (refused ones
// become errors), shown with a preview, then uploaded and sent one by one in
// order with progress and an AbortController for Cancel. A refusal by the
// server stays on the attachment (with its code) so the user can remove it or
// try again; the failed outbox entry is discarded so it is not shown twice.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessageSenders } from '../../react';
import { readImageSizeLater } from './image-size-later';
import type { ServerLimits } from '../../protocol/entities';
import type { MessageConfig } from '../../protocol/message';
import { attachmentKind, type AttachmentKind } from './attachment-kind';
import { checkFile, type FileProblem } from './check-file';
import { readMediaDuration } from './media-duration';

export interface Attachment {
  id: string;
  file: File;
  name: string;
  size: number;
  mime: string;
  kind: AttachmentKind;
  /** An object URL for image previews (null where the platform has none). */
  previewUrl: string | null;
  width: number | null;
  height: number | null;
  state: 'staged' | 'uploading' | 'failed';
  /** Upload progress 0..1 while uploading. */
  progress: number;
  error: { code: number; message: string } | null;
}

interface RejectedFile {
  id: string;
  name: string;
  problem: FileProblem;
}

type Senders = Pick<MessageSenders, 'newLocalId' | 'sendImage' | 'sendFile' | 'sendAudio' | 'sendVideo' | 'discard'>;

export interface AttachmentsState {
  attachments: Attachment[];
  rejected: RejectedFile[];
  add(files: readonly File[]): void;
  remove(id: string): void;
  dismissRejected(id: string): void;
  /** Uploads and sends the staged (and failed) attachments, in order; resolves when all are settled. */
  sendAll(): Promise<void>;
  sendOne(id: string): Promise<void>;
  cancel(id: string): void;
}

let counter = 0;
const nextId = (): string => `att-${++counter}`;

function objectUrl(file: Blob): string | null {
  return typeof URL !== 'undefined' && typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null;
}
function revoke(url: string | null): void {
  if (url && typeof URL.revokeObjectURL === 'function') URL.revokeObjectURL(url);
}

export function useAttachments(
  senders: Senders,
  limits: () => ServerLimits | null,
  config?: MessageConfig,
): AttachmentsState {
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [rejected, setRejected] = useState<RejectedFile[]>([]);
  const current = useRef<Attachment[]>([]);
  current.current = attachments;
  const uploads = useRef(new Map<string, { controller: AbortController; localId: string }>());
  const sendersRef = useRef(senders);
  sendersRef.current = senders;
  const configRef = useRef(config);
  configRef.current = config;
  const mounted = useRef(true);

  const patch = useCallback((id: string, change: Partial<Attachment>) => {
    if (!mounted.current) return;
    setAttachments((list) => list.map((a) => (a.id === id ? { ...a, ...change } : a)));
  }, []);

  const drop = useCallback((id: string) => {
    const a = current.current.find((x) => x.id === id);
    if (a) revoke(a.previewUrl);
    if (mounted.current) setAttachments((list) => list.filter((x) => x.id !== id));
  }, []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // Uploads already started keep going: their messages are in the list with progress.
      for (const a of current.current) revoke(a.previewUrl);
    };
  }, []);

  const add = useCallback(
    (files: readonly File[]) => {
      const ok: Attachment[] = [];
      const bad: RejectedFile[] = [];
      for (const file of files) {
        const problem = checkFile(file, limits());
        if (problem) {
          bad.push({ id: nextId(), name: file.name || 'file', problem });
          continue;
        }
        const kind = attachmentKind(file.type);
        ok.push({
          id: nextId(),
          file,
          name: file.name || 'file',
          size: file.size,
          mime: file.type,
          kind,
          previewUrl: kind === 'img' ? objectUrl(file) : null,
          width: null,
          height: null,
          state: 'staged',
          progress: 0,
          error: null,
        });
      }
      if (bad.length) setRejected((list) => [...list, ...bad]);
      if (!ok.length) return;
      setAttachments((list) => [...list, ...ok]);
      for (const a of ok) {
        if (a.kind !== 'img') continue;
        void readImageSizeLater(a.file).then((size) => size && patch(a.id, { width: size.width, height: size.height }));
      }
    },
    [limits, patch],
  );

  const sendOne = useCallback(
    async (id: string) => {
      const a = current.current.find((x) => x.id === id);
      if (!a || a.state === 'uploading' || uploads.current.has(id)) return;
      const controller = new AbortController();
      // The send's localId up front, so Cancel can discard the outbox entry while the upload runs.
      const localId = sendersRef.current.newLocalId();
      const entry = { controller, localId };
      uploads.current.set(id, entry);
      patch(id, { state: 'uploading', progress: 0, error: null });
      const onProgress = (loaded: number, total: number) => patch(id, { progress: total > 0 ? loaded / total : 1 });
      const base = {
        signal: controller.signal,
        onProgress,
        name: a.name,
        localId,
        ...(configRef.current ? { config: configRef.current } : {}),
      };
      const s = sendersRef.current;
      let pending;
      if (a.kind === 'img') {
        const size =
          a.width !== null && a.height !== null
            ? { width: a.width, height: a.height }
            : await readImageSizeLater(a.file);
        if (controller.signal.aborted) return;
        pending = s.sendImage(a.file, { ...base, ...(size ?? {}) });
      } else if (a.kind === 'audio' || a.kind === 'video') {
        const duration = await readMediaDuration(a.file, a.kind);
        if (controller.signal.aborted) return;
        pending =
          a.kind === 'audio'
            ? s.sendAudio(a.file, { ...base, duration: duration ?? 0 })
            : s.sendVideo(a.file, { ...base, ...(duration !== null ? { duration } : {}) });
      } else {
        pending = s.sendFile(a.file, base);
      }
      const result = await pending;
      uploads.current.delete(id);
      if (controller.signal.aborted) return;
      if (result.ok) {
        drop(id);
        return;
      }
      sendersRef.current.discard(result.localId);
      patch(id, { state: 'failed', progress: 0, error: { code: result.error.code, message: result.error.message } });
    },
    [patch, drop],
  );

  const sendAll = useCallback(async () => {
    for (const a of current.current) if (a.state !== 'uploading') await sendOne(a.id);
  }, [sendOne]);

  const cancel = useCallback(
    (id: string) => {
      const u = uploads.current.get(id);
      if (u) {
        uploads.current.delete(id);
        u.controller.abort();
        sendersRef.current.discard(u.localId);
      }
      drop(id);
    },
    [drop],
  );

  return {
    attachments,
    rejected,
    add,
    remove: cancel,
    dismissRejected: (id) => setRejected((list) => list.filter((r) => r.id !== id)),
    sendAll,
    sendOne,
    cancel,
  };
}
