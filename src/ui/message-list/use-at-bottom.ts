// Owns whether the reader is at the bottom of the list (followed, marked read,
// no "new messages" button). Scrolling is not the only way the bottom comes into
// view: a conversation that fits on the screen never scrolls, and rows being
// measured or the pane resizing change it too, so the geometry is read again
// after every commit (the virtualizer re-renders on measurements and resizes).
// A resize of the list itself keeps a reader who was at the bottom there.
import { useCallback, useEffect, useRef, useState, type RefObject, type UIEvent } from 'react';

function isAtBottom(s: HTMLElement, threshold: number): boolean {
  return s.scrollHeight - s.scrollTop - s.clientHeight <= threshold;
}

export function useAtBottom(scrollerRef: RefObject<HTMLDivElement | null>, live: boolean, threshold: number) {
  const [atBottom, setAtBottom] = useState(true);
  const atBottomRef = useRef(atBottom);
  atBottomRef.current = atBottom;

  const lastHeight = useRef(0);
  // No dependency list on purpose: geometry is read after every commit; state is set only when it differs.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => {
    const s = scrollerRef.current;
    // A list that is not laid out (hidden, or no layout engine) shows nothing: it is not "at the bottom".
    if (!s || !live || s.clientHeight === 0) return;
    const resized = lastHeight.current !== 0 && lastHeight.current !== s.clientHeight;
    lastHeight.current = s.clientHeight;
    let bottom = isAtBottom(s, threshold);
    // A reader at the newest message stays there when the pane gets shorter (a keyboard opening,
    // a panel or window resized): the resize is not theirs, it must not scroll them up.
    if (!bottom && resized && atBottomRef.current) {
      s.scrollTop = s.scrollHeight;
      bottom = true;
    }
    if (bottom !== atBottomRef.current) setAtBottom(bottom);
  });

  const onScroll = useCallback(
    (e: UIEvent<HTMLDivElement>) => {
      const bottom = isAtBottom(e.currentTarget, threshold);
      if (bottom !== atBottomRef.current) setAtBottom(bottom);
    },
    [threshold],
  );
  return { atBottom, atBottomRef, setAtBottom, onScroll };
}
