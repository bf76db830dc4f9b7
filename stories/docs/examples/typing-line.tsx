// Example for useTyping: who else is typing, and telling others while this user types.
import { useState } from 'react';
import { useTyping } from '../../../src/entries/react';

export function TypingLine() {
  const { typing, notifyTyping, stopTyping } = useTyping('single:bob');
  const [text, setText] = useState('');
  return (
    <div>
      <input
        aria-label="Message"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value) notifyTyping();
          else stopTyping();
        }}
      />
      <p>{typing.length > 0 ? `${typing.join(', ')} typing…` : ' '}</p>
    </div>
  );
}
