// Bundle app (d): one hook from the packed `natter/react` — what an app pays for
// `useUnreadCount` alone (the store and client it needs come along; the rest of
// the package must not).
import { createRoot } from 'react-dom/client';
import { useUnreadCount } from 'natter/react';

function Count() {
  return <span>{useUnreadCount()}</span>;
}
createRoot(document.getElementById('root')!).render(<Count />);
