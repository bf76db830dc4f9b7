// Public surface of ForwardDialog.
export { ForwardDialog } from './forward-dialog';
