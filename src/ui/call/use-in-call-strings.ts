// Owns how the call view reads its strings: the active table's inCall group
// (with an app's overrides) over the call view's built-in defaults, which load
// with the call view rather than with the first screen.
import { useMemo } from 'react';
import { useLocale, useStrings, type InCallStrings, type Locale } from '../i18n';
import { withInCallDefaults } from '../i18n/in-call-view-strings';

export function useInCallStrings(override?: Locale): InCallStrings {
  const locale = useLocale(override);
  const inCall = useStrings(override).inCall;
  return useMemo(() => withInCallDefaults(locale, inCall), [locale, inCall]);
}
