// @ts-nocheck — the document's examples are JavaScript (`function(event)` with an
// untyped parameter); their TypeScript use is checked in tencent-typed-app.test.ts.
//
// Owns the code examples of the vendor document tencent-signaling-js.txt, copied as
// they stand between the `---- copied` / `---- end` markers; only the import line is
// natter's. Each is wrapped in a function taking the free variables the document
// leaves to the app (`chat`, `message`).
//
// natter: where the page lost its line breaks, a `// comment` swallows the code after
// it on the same line (`// 邀请某个人 let promise = ...` is one comment). Those examples
// are copied with a line break put back after each such comment, and before
// `promise.then` where `}) promise.then(` shares a line — nothing else is changed.
import TencentCloudChat from '../../../src/compat/tencent';

// 监听信令事件
export function addListenerExample(chat) {
  // ---- copied
let onNewInvitationReceived = function(event) {
};
chat.addSignalingListener(TencentCloudChat.TSignaling.NEW_INVITATION_RECEIVED, onNewInvitationReceived);
  // ---- end
  return onNewInvitationReceived;
}

// 移除监听信令事件
export function removeListenerExample(chat) {
  // ---- copied
let onNewInvitationReceived = function(event) {
};
chat.removeSignalingListener(TencentCloudChat.TSignaling.NEW_INVITATION_RECEIVED, onNewInvitationReceived);
  // ---- end
  return onNewInvitationReceived;
}

// 邀请某个人
export function inviteExample(chat) {
  // ---- copied (line breaks restored)
// 邀请某个人
let promise = chat.invite({ userID: 'user1', data: '' }); promise.then(function(imResponse) { // 发送邀请信令成功
console.warn('invite success:', imResponse) }).catch(function(imError) { console.warn('invite error:', imError); });
  // ---- end
  return promise;
}

// 邀请某个人, 设置不更新会话 unreadCount 和 lastMessage
export function inviteExcludedExample(chat) {
  // ---- copied
// 邀请某个人, 设置不更新会话 unreadCount 和 lastMessage
let promise = chat.invite({
userID: 'user1',
// excludeFromHistoryMessage: true,表示此信令消息不更新会话 unreadCount 和 lastMessage
data: JSON.stringify({ excludeFromHistoryMessage: true }),
});
promise.then(function(imResponse) { // 发送邀请信令成功
console.warn('invite success:', imResponse)
}).catch(function(imError) {
console.warn('invite error:', imError);
});
  // ---- end
  return promise;
}

// 邀请某个人, 并设置 30s 超时
export function inviteTimeoutExample(chat) {
  // ---- copied (line breaks restored)
// 邀请某个人, 并设置 30s 超时, 30s 内没有任何操作,邀请方会收到 TencentCloudChat.TSignaling.INVITATION_TIMEOUT 事件。
let promise = chat.invite({ userID: 'user1', data: '', timeout: 30 // 设置 30s 超时
}); promise.then(function(imResponse) { // 发送邀请信令成功
console.warn('invite success:', imResponse) }).catch(function(imError) { console.warn('invite error:', imError); });
  // ---- end
  return promise;
}

// 邀请某个人, 设置 30s 超时, 相关信令不存入漫游, 且不会进行离线推送
export function inviteOnlineOnlyExample(chat) {
  // ---- copied (line breaks restored)
// 邀请某个人, 设置 30s 超时, 相关信令不存入漫游, 且不会进行离线推送
let promise = chat.invite({ userID: 'user1', data: '', timeout: 30, // 设置 30s 超时
onlineUserOnly: true // 设置相关信令不存入漫游, 且不会进行离线推送
}); promise.then(function(imResponse) { // 发送邀请信令成功
console.warn('invite success:', imResponse) }).catch(function(imError) { console.warn('invite error:', imError); });
  // ---- end
  return promise;
}

// 邀请群内的某些人
export function inviteInGroupExample(chat) {
  // ---- copied
// 邀请群内的某些人
let promise = chat.inviteInGroup({
groupID: 'AV1',
inviteeList: ['user1', 'user2'],
data: '',
});
promise.then(function(imResponse) { // 发送邀请信令成功
console.warn('inviteInGroup success:', imResponse)
}).catch(function(imError) {
console.warn('inviteInGroup error:', imError);
});
  // ---- end
  return promise;
}

// 邀请发起者取消邀请
export function cancelExample(chat) {
  // ---- copied (line breaks restored)
// 邀请发起者取消邀请
let promise = chat.cancel({ inviteID: '38897dbf-ecd4-4b59-a132-bc31529a2b18', data: '', })
promise.then(function(imResponse) { // 取消邀请成功
console.log('cancel OK', imResponse); }).catch(function(error) { console.warn('cancel failed:', error); // 取消邀请失败
});
  // ---- end
  return promise;
}

// 被邀请人接受邀请
export function acceptExample(chat) {
  // ---- copied
// 被邀请人接受邀请
let promise = chat.accept({
inviteID: '38897dbf-ecd4-4b59-a132-bc31529a2b18',
data: '',
})
promise.then(function(imResponse) { // 被邀请人接受邀请成功
console.log('accept OK', imResponse);
}).catch(function(error) {
console.warn('accept failed:', error); // 被邀请人接受邀请失败
});
  // ---- end
  return promise;
}

// 被邀请人拒绝邀请
export function rejectExample(chat) {
  // ---- copied
// 被邀请人拒绝邀请
let promise = chat.reject({
inviteID: '38897dbf-ecd4-4b59-a132-bc31529a2b18',
data: '',
})
promise.then(function(imResponse) { // 被邀请人拒绝邀请成功
console.log('reject OK', imResponse);
}).catch(function(error) {
console.warn('reject failed:', error); // 被邀请人拒绝邀请失败
});
  // ---- end
  return promise;
}

// 获取信令信息
export function signalingInfoExample(chat, message) {
  // ---- copied
// 获取信令信息
let signaling = chat.getSignalingInfo(message);
console.log('signaling info', signaling); // signaling 为 null 时,表示该条消息为普通消息,不是信令消息
  // ---- end
  return signaling;
}

// 修改邀请信令
export function modifyExample(chat) {
  // ---- copied
// 修改邀请信令
let promise = chat.modifyInvitation({
inviteID:'38897dbf-ecd4-4b59-a132-bc31529a2b18',
data: 'xxxx'
});
promise.then(function(imResponse) { // 修改发送邀请信令成功
console.log('modifyInvitation OK', imResponse);
}).catch(function(error) {
console.warn('modifyInvitation failed:', error); // 修改邀请信令失败
});
  // ---- end
  return promise;
}
