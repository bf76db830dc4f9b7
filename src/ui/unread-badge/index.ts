// Public surface of the unread badges.
export { UnreadBadge, type UnreadBadgeProps } from './unread-badge';
export { CountBadge, formatCount, type CountBadgeProps } from './count-badge';
