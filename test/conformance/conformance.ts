// The whole conformance suite, for any harness: the embedded server runs it
// in embedded.test.ts; the Node/SQLite host runs the very same function.
import type { HarnessFactory } from './harness';
import { conversationsSuite } from './conversations.suite';
import { framesSuite } from './frames.suite';
import { groupsSuite } from './groups.suite';
import { historySuite } from './history.suite';
import { messagingSuite } from './messaging.suite';
import { peopleSuite } from './people.suite';
import { recallSuite } from './recall.suite';
import { deletesSuite } from './deletes.suite';
import { editsSuite } from './edits.suite';
import { mentionsSuite } from './mentions.suite';
import { pinsSuite } from './pins.suite';
import { reactionsSuite } from './reactions.suite';
import { repliesSuite } from './replies.suite';
import { threadsSuite } from './threads.suite';
import { receiptsSuite } from './receipts.suite';
import { reliabilitySuite } from './reliability.suite';
import { searchSuite } from './search.suite';
import { signalingSuite } from './signaling.suite';

export function runConformanceSuite(factory: HarnessFactory): void {
  messagingSuite(factory);
  reliabilitySuite(factory);
  historySuite(factory);
  conversationsSuite(factory);
  receiptsSuite(factory);
  recallSuite(factory);
  groupsSuite(factory);
  signalingSuite(factory);
  framesSuite(factory);
  reactionsSuite(factory);
  editsSuite(factory);
  deletesSuite(factory);
  repliesSuite(factory);
  mentionsSuite(factory);
  pinsSuite(factory);
  threadsSuite(factory);
  peopleSuite(factory);
  searchSuite(factory);
}
