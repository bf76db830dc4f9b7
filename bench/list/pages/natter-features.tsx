// List bench contender (a'): natter's MessageList, as on the plain page, fed the same messages of
// which 10% carry reactions and 5% are quoted replies (features.ts), drawn by natter's own rows.
import { withFeatures } from './features';
import { plainMessage, startNatterPage } from './natter-page';

startNatterPage((m) => withFeatures(plainMessage(m), m));
