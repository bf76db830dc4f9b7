// Owns the effect that runs before the paint: a layout effect in the browser,
// a plain one where there is no DOM (server rendering, where a layout effect warns).
import { useEffect, useLayoutEffect } from 'react';

export const useBeforePaint = typeof document === 'undefined' ? useEffect : useLayoutEffect;
