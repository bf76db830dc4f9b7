// Public surface of the new-conversation dialog.
export { NewConversationDialog, type NewConversationDialogProps } from './new-conversation-dialog';
