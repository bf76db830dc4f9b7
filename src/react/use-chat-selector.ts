// Owns reading the chat store from React: a selector over the store state
// (zustand's useStore, i.e. useSyncExternalStore), re-rendering only when the
// selected value changes by identity.
import { useStore } from 'zustand';
import type { ChatState } from '../store/chat-state';
import { useChatContext } from './chat-context';

/**
 * Selects from the chat store. The component re-renders only when the selected value changes
 * (`Object.is`), so select the narrowest thing you need and return stored references, not new objects.
 */
export function useChatSelector<T>(selector: (state: ChatState) => T): T {
  return useStore(useChatContext().store, selector);
}
