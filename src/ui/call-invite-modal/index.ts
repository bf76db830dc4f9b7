// Public surface of CallInviteModal.
export { CallInviteModal, type CallInviteModalProps } from './call-invite-modal';
export type { CallEnding } from './invitation-dialog';
export { callTypeOf, callData, type CallType } from './call-type';
