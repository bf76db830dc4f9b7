// Public surface of the Chat layout.
export { Chat, type ChatProps } from './chat';
