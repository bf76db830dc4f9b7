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
import { muteSuite } from './mute.suite';
import { pinsSuite } from './pins.suite';
import { reactionsSuite } from './reactions.suite';
import { repliesSuite } from './replies.suite';
import { threadsSuite } from './threads.suite';
import { threadUnreadSuite } from './thread-unread.suite';
import { receiptsSuite } from './receipts.suite';
import { reliabilitySuite } from './reliability.suite';
import { searchSuite } from './search.suite';
import { signalingSuite } from './signaling.suite';
import { typingSuite } from './typing.suite';

const SUITES = {
  messaging: messagingSuite,
  reliability: reliabilitySuite,
  history: historySuite,
  conversations: conversationsSuite,
  receipts: receiptsSuite,
  recall: recallSuite,
  groups: groupsSuite,
  signaling: signalingSuite,
  frames: framesSuite,
  reactions: reactionsSuite,
  edits: editsSuite,
  deletes: deletesSuite,
  replies: repliesSuite,
  mentions: mentionsSuite,
  pins: pinsSuite,
  mute: muteSuite,
  threads: threadsSuite,
  threadUnread: threadUnreadSuite,
  people: peopleSuite,
  search: searchSuite,
  typing: typingSuite,
} satisfies Record<string, (factory: HarnessFactory) => void>;

export type ConformanceSuiteName = keyof typeof SUITES;

/**
 * Every suite against `factory`. `notYet` names suites a configuration does not pass yet; they are
 * not run there, and each such list says why where it is given (they are open work, not exemptions).
 */
export function runConformanceSuite(factory: HarnessFactory, notYet: readonly ConformanceSuiteName[] = []): void {
  for (const [name, suite] of Object.entries(SUITES))
    if (!notYet.includes(name as ConformanceSuiteName)) suite(factory);
}
