// List bench contender (a): natter's MessageList fed plain text messages (natter-page.tsx).
import { plainMessage, startNatterPage } from './natter-page';

startNatterPage(plainMessage);
