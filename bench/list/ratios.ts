// Owns the ratios the list benchmark prints per size: natter's medians against
// the peers (stream-chat-react, bare react-virtuoso) and the list whose
// messages carry features against the plain natter list of the same run.
import type { ContenderName } from './build-pages';
import { ratio, type Stats } from './stats';

export type MedianKey = 'firstPaintMs' | 'appendMs' | 'prependMs' | 'prependBottomMs' | 'domElements' | 'heapMB';
export type Medians = Partial<Record<ContenderName, Partial<Record<MedianKey, Stats>>>>;

export function listRatios(r: Medians): Record<string, number | null> {
  const med = (c: ContenderName, k: MedianKey) => r[c]?.[k]?.median;
  const featuresToPlain = (k: MedianKey) => ratio(med('natter-features', k), med('natter', k));
  return {
    firstPaintToStream: ratio(med('natter', 'firstPaintMs'), med('stream-chat-react', 'firstPaintMs')),
    firstPaintToVirtuoso: ratio(med('natter', 'firstPaintMs'), med('react-virtuoso', 'firstPaintMs')),
    appendToVirtuoso: ratio(med('natter', 'appendMs'), med('react-virtuoso', 'appendMs')),
    prependToVirtuoso: ratio(med('natter', 'prependMs'), med('react-virtuoso', 'prependMs')),
    prependBottomToVirtuoso: ratio(med('natter', 'prependBottomMs'), med('react-virtuoso', 'prependBottomMs')),
    domToStream: ratio(med('natter', 'domElements'), med('stream-chat-react', 'domElements')),
    heapToStream: ratio(med('natter', 'heapMB'), med('stream-chat-react', 'heapMB')),
    featuresFirstPaintToPlain: featuresToPlain('firstPaintMs'),
    featuresAppendToPlain: featuresToPlain('appendMs'),
    featuresPrependBottomToPlain: featuresToPlain('prependBottomMs'),
    featuresPrependToPlain: featuresToPlain('prependMs'),
  };
}
