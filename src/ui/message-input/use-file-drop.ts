// Owns dropping files on the message input: the drag hint while files are
// over it (not other drags, not while disabled) and staging what is dropped.
import { useState, type DragEvent } from 'react';
import { filesFromTransfer, transferHasFiles } from './transfer-files';

export function useFileDrop(disabled: boolean, add: (files: File[]) => void) {
  const [dragging, setDragging] = useState(false);
  return {
    dragging,
    onDragOver(e: DragEvent<HTMLDivElement>) {
      if (disabled || !transferHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      if (!dragging) setDragging(true);
    },
    onDragLeave(e: DragEvent<HTMLDivElement>) {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop(e: DragEvent<HTMLDivElement>) {
      setDragging(false);
      if (disabled) return;
      const dropped = filesFromTransfer(e.dataTransfer);
      if (dropped.length === 0) return;
      e.preventDefault();
      add(dropped);
    },
  };
}
