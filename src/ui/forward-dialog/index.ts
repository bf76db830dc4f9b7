// Public surface of ForwardDialog.
export { ForwardDialog, type ForwardDialogProps } from './forward-dialog';
