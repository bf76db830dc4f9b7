// Owns the RowContext a message list hands its rows: one object, rebuilt only
// when something a row reads changes, so memoized rows re-render only then.
import { useMemo } from 'react';
import type { Locale } from '../i18n/locale';
import type { MessageListStrings } from '../i18n/message-list-strings';
import type { LightboxImage } from './image-lightbox';
import type { MessageListProps } from './message-list-props';
import type { RowContext } from './row-context';
import type { useFeatureRowContext } from './use-feature-row-context';

const DEFAULT_RECALL_WINDOW_MS = 120_000;

export interface RowContextInputs {
  customEmoji: MessageListProps['customEmoji'];
  shortcodes: MessageListProps['shortcodes'];
  renderCustom: MessageListProps['renderCustom'];
  mapUrl: MessageListProps['mapUrl'];
  features: ReturnType<typeof useFeatureRowContext>;
  strings: MessageListStrings;
  locale: Locale;
  displayName: (userId: string) => string;
  serverNow: () => number;
  limits: { recallWindowMs?: number; recallEnabled?: boolean } | null;
  retry: (localId: string) => Promise<unknown>;
  discard: (localId: string) => void;
  recall: (serverId: string) => Promise<unknown>;
  readers: RowContext['readers'];
  tabStopKey: string | null;
  setActiveKey: (key: string) => void;
  idPrefix: string;
  setLightbox: (image: LightboxImage) => void;
}

export function useRowContext(inputs: RowContextInputs): RowContext {
  const {
    features,
    strings,
    locale,
    customEmoji,
    shortcodes,
    renderCustom,
    mapUrl,
    displayName,
    serverNow,
    limits,
    retry,
    discard,
    recall,
    readers,
    tabStopKey,
    setActiveKey,
    idPrefix,
    setLightbox,
  } = inputs;
  return useMemo<RowContext>(
    () => ({
      ...features,
      strings,
      locale,
      customEmoji,
      shortcodes,
      renderCustom,
      mapUrl,
      name: displayName,
      now: serverNow,
      recallWindowMs: limits?.recallWindowMs ?? DEFAULT_RECALL_WINDOW_MS,
      recallEnabled: limits?.recallEnabled ?? true,
      retry: (localId) => void retry(localId),
      discard,
      recall,
      readers,
      tabStopKey,
      onRowFocus: setActiveKey,
      idPrefix,
      openImage: (m, url, trigger) =>
        setLightbox({
          url,
          name: 'name' in m.body && typeof m.body.name === 'string' ? m.body.name : '',
          returnFocus: trigger,
        }),
    }),
    [
      features,
      strings,
      locale,
      customEmoji,
      shortcodes,
      renderCustom,
      mapUrl,
      displayName,
      serverNow,
      readers,
      limits,
      retry,
      discard,
      recall,
      tabStopKey,
      setActiveKey,
      idPrefix,
      setLightbox,
    ],
  );
}
