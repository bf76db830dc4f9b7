// Owns the strings of starting a conversation (the new-conversation dialog)
// and of message search, in every locale.
import type { BuiltInLocale } from './locale';

export interface PeopleStrings {
  /** The sidebar button and the dialog's title. */
  newConversation: string;
  findPeople: string;
  /** Placeholder of the people search box. */
  findPeopleHint: string;
  /** Mode switch: one person or a group. */
  modeChat: string;
  modeGroup: string;
  /** Result list's accessible name. */
  people: string;
  noPeopleFound: string;
  searching: string;
  /** A row that starts a chat with a typed id nobody matched (private directories). */
  chatWithId(id: string): string;
  groupName: string;
  /** Group mode: how many are picked. */
  membersPicked(count: number): string;
  createGroup: string;
  createGroupFailed(message: string): string;
  cancel: string;
  /** Message search. */
  searchMessages: string;
  searchResults: string;
  noMessagesFound: string;
  moreResults: string;
}

const en: PeopleStrings = {
  newConversation: 'New conversation',
  findPeople: 'Find people',
  findPeopleHint: 'Name or user id',
  modeChat: 'Chat',
  modeGroup: 'Group',
  people: 'People',
  noPeopleFound: 'Nobody found',
  searching: 'Searching…',
  chatWithId: (id) => `Chat with ${id}`,
  groupName: 'Group name',
  membersPicked: (n) => (n === 1 ? '1 member picked' : `${n} members picked`),
  createGroup: 'Create group',
  createGroupFailed: (m) => `Could not create the group: ${m}`,
  cancel: 'Cancel',
  searchMessages: 'Search messages',
  searchResults: 'Search results',
  noMessagesFound: 'No messages found',
  moreResults: 'More results',
};

const zhCN: PeopleStrings = {
  newConversation: '发起会话',
  findPeople: '查找联系人',
  findPeopleHint: '名字或用户 ID',
  modeChat: '单聊',
  modeGroup: '群聊',
  people: '联系人',
  noPeopleFound: '未找到',
  searching: '正在搜索…',
  chatWithId: (id) => `与 ${id} 聊天`,
  groupName: '群名称',
  membersPicked: (n) => `已选 ${n} 人`,
  createGroup: '创建群聊',
  createGroupFailed: (m) => `创建群聊失败：${m}`,
  cancel: '取消',
  searchMessages: '搜索消息',
  searchResults: '搜索结果',
  noMessagesFound: '没有找到消息',
  moreResults: '更多结果',
};

export const peopleStrings: Record<BuiltInLocale, PeopleStrings> = { en, 'zh-CN': zhCN };
