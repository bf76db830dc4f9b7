// Bundle app (e): one small component from the packed `natter/ui` —
// `CountBadge` alone must not pull the rest of the UI kit in.
import { createRoot } from 'react-dom/client';
import { CountBadge } from 'natter/ui';

createRoot(document.getElementById('root')!).render(<CountBadge count={3} label={(n) => `${n} unread`} />);
