// Reference for (e): CountBadge from its own source module.
import { createRoot } from 'react-dom/client';
import { CountBadge } from '../../../src/ui/unread-badge/count-badge';

createRoot(document.getElementById('root')!).render(<CountBadge count={3} label={(n) => `${n} unread`} />);
