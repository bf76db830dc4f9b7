// Documentation of the components' props, one page per component, from the
// prop types and their doc comments as react-docgen-typescript extracted them
// at build time (Storybook's autodocs pages need @storybook/addon-docs, which
// is not installed; with it, `tags: ['autodocs']` would do this).
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import {
  CallInviteModal,
  Chat,
  ConversationList,
  EmojiText,
  MessageInput,
  MessageList,
  ReadReceipt,
  UnreadBadge,
} from '../../src/entries/ui';
import { DocPage } from './doc-page';

interface DocgenProp {
  name: string;
  required: boolean;
  description: string;
  type: { name: string };
  defaultValue: { value: unknown } | null;
}
interface Docgen {
  displayName: string;
  description: string;
  props: Record<string, DocgenProp>;
}

function docgenOf(component: unknown): Docgen | null {
  const info = (component as { __docgenInfo?: Docgen } | null)?.__docgenInfo;
  return info && typeof info === 'object' ? info : null;
}

function PropsTable({ name, component, usage }: { name: string; component: unknown; usage: string }): ReactNode {
  const info = docgenOf(component);
  const props = info
    ? Object.values(info.props).sort((a, b) => Number(b.required) - Number(a.required) || a.name.localeCompare(b.name))
    : [];
  const cell = {
    borderBottom: '1px solid #e2e4e8',
    padding: '6px 8px',
    verticalAlign: 'top' as const,
    textAlign: 'left' as const,
  };
  return (
    <DocPage title={`<${name}> props`}>
      <p>{usage}</p>
      {info?.description ? <p>{info.description}</p> : null}
      {props.length === 0 ? (
        <p>No prop information was extracted for this component.</p>
      ) : (
        <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 14 }}>
          <thead>
            <tr>
              <th style={cell}>Prop</th>
              <th style={cell}>Type</th>
              <th style={cell}>Description</th>
            </tr>
          </thead>
          <tbody>
            {props.map((p) => (
              <tr key={p.name}>
                <td style={cell}>
                  <code>{p.name}</code>
                  {p.required ? <span title="required"> *</span> : null}
                </td>
                <td style={cell}>
                  <code style={{ fontSize: 12, wordBreak: 'break-word' }}>{p.type.name}</code>
                </td>
                <td style={cell}>
                  {p.description}
                  {p.defaultValue && p.defaultValue.value !== undefined ? (
                    <>
                      {' '}
                      Default: <code>{String(p.defaultValue.value)}</code>.
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p style={{ fontSize: 13, color: '#6b7280' }}>
        * required. Every component must be inside a &lt;ChatProvider&gt; (except ReadReceipt and EmojiText); see
        Components/… for each state.
      </p>
    </DocPage>
  );
}

const meta: Meta = { title: 'Docs/Component props', parameters: { layout: 'fullscreen' } };
export default meta;
type Story = StoryObj;

export const ChatProps: Story = {
  name: 'Chat',
  render: () => (
    <PropsTable
      name="Chat"
      component={Chat}
      usage="The ready layout: conversation list, header with call buttons, MessageList, MessageInput and the call modal, with theme and locale."
    />
  ),
};
export const MessageListProps: Story = {
  name: 'MessageList',
  render: () => (
    <PropsTable name="MessageList" component={MessageList} usage="One conversation's virtualized message log." />
  ),
};
export const MessageInputProps: Story = {
  name: 'MessageInput',
  render: () => (
    <PropsTable
      name="MessageInput"
      component={MessageInput}
      usage="The composer: text, paste/drop/pick files with preview and upload progress, emoji picker."
    />
  ),
};
export const ConversationListProps: Story = {
  name: 'ConversationList',
  render: () => (
    <PropsTable
      name="ConversationList"
      component={ConversationList}
      usage="The user's conversations with previews, times and unread badges."
    />
  ),
};
export const CallInviteModalProps: Story = {
  name: 'CallInviteModal',
  render: () => (
    <PropsTable
      name="CallInviteModal"
      component={CallInviteModal}
      usage="Incoming and outgoing call invitations as a modal dialog."
    />
  ),
};
export const UnreadBadgeProps: Story = {
  name: 'UnreadBadge',
  render: () => (
    <PropsTable name="UnreadBadge" component={UnreadBadge} usage="One conversation's unread count, or the total." />
  ),
};
export const ReadReceiptProps: Story = {
  name: 'ReadReceipt',
  render: () => <PropsTable name="ReadReceipt" component={ReadReceipt} usage="The status mark of an own message." />,
};
export const EmojiTextProps: Story = {
  name: 'EmojiText',
  render: () => (
    <PropsTable name="EmojiText" component={EmojiText} usage="Message text with emoji and links, never HTML." />
  ),
};
