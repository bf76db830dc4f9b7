// Public surface of ThreadPanel.
export { ThreadPanel } from './thread-panel';
