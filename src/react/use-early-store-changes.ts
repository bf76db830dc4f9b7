// Owns drawing what the store takes before the first paint. natter's hooks
// subscribe to the store in passive effects, which React runs after the first
// frame is painted: a change before then (an in-page server answers the first
// requests within the task that mounted the tree) would wait for that frame and
// be drawn in the next. Until the hooks are subscribed, a store change makes
// React run those effects and draw it at once.
import { useEffect, useReducer, useRef } from 'react';
import { flushSync } from 'react-dom';
import type { ChatStore } from '../store/create-chat-store';
import { useBeforePaint } from './use-before-paint';

/** For the provider above natter's hooks. */
export function useEarlyStoreChanges(store: ChatStore): void {
  const [, wake] = useReducer((n: number) => n + 1, 0);
  const early = useRef(true);
  useBeforePaint(() => {
    early.current = true;
    return store.subscribe(() => {
      if (!early.current) return;
      early.current = false;
      // A sync update makes React run the pending passive effects first: the hooks subscribe, see
      // the store changed, and render with it before the frame. From a microtask, as a change can
      // come while React renders or commits (where it cannot flush); still before the frame.
      queueMicrotask(() => flushSync(() => wake()));
    });
  }, [store]);
  // A parent's passive effects run after its children's: the hooks are subscribed by now.
  useEffect(() => {
    early.current = false;
  }, [store]);
}
