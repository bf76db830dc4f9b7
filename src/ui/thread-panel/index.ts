// Public surface of ThreadPanel.
export { ThreadPanel, type ThreadPanelProps } from './thread-panel';
