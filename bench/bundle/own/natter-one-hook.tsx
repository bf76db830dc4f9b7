// Reference for (d): the same app importing the hook from its own source module,
// which a bundler shakes perfectly — "its own code" for the ≤ 1.5× target.
import { createRoot } from 'react-dom/client';
import { useUnreadCount } from '../../../src/react/use-unread-count';

function Count() {
  return <span>{useUnreadCount()}</span>;
}
createRoot(document.getElementById('root')!).render(<Count />);
