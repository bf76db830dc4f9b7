// Bundle app (e): Sendbird UIKit's chat screen — SendbirdProvider + GroupChannel
// (its message list and input) with its CSS, as its quick start shows.
import { createRoot } from 'react-dom/client';
import GroupChannel from '@sendbird/uikit-react/GroupChannel';
import SendbirdProvider from '@sendbird/uikit-react/SendbirdProvider';
import '@sendbird/uikit-react/dist/index.css';

createRoot(document.getElementById('root')!).render(
  <SendbirdProvider appId="APP_ID" userId="me">
    <GroupChannel channelUrl="general" />
  </SendbirdProvider>,
);
