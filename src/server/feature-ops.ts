// Owns the table of the conversation-feature operations (reactions, edits,
// deletes, pins, threads and their read positions, forwarding, lookups by id) that the router merges into its own.
import type { OpHandlers } from './op-handler';
import { deleteOps } from './deletes';
import { editOps } from './edits';
import { forwardOps } from './forward';
import { lookupOps } from './message-lookup';
import { pinOps } from './pins';
import { reactionOps } from './reactions';
import { threadOps } from './threads';
import { threadReadOps } from './thread-reads';

export const featureOps: OpHandlers<
  'react' | 'edit' | 'delete' | 'pin' | 'pins' | 'thread' | 'threadAck' | 'forward' | 'messages'
> = {
  ...reactionOps,
  ...editOps,
  ...deleteOps,
  ...pinOps,
  ...threadOps,
  ...threadReadOps,
  ...forwardOps,
  ...lookupOps,
};
