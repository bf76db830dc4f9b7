// Public surface of message search.
export { MessageSearch, type MessageSearchProps } from './message-search';
export { HighlightedText } from './highlighted-text';
