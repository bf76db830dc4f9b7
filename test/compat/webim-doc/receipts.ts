// @ts-nocheck — the document's examples are JavaScript (untyped parameters in
// option objects without a contextual type); their TypeScript use is checked in
// webim-typed-app.test.ts.
//
// Owns the code examples of the vendor document easemob-webim-messages.txt under
// 消息回执 (read, group read, channel ack), copied as they stand between the `---- copied` / `---- end` markers. Only the
// import line is natter's. Each example is wrapped in a function whose parameters are
// the free variables the document leaves to the app (`conn`, `url`, `message`,
// `option`, ...). Where the document is not valid JavaScript, the fix is named in a
// `// natter:` comment next to it.
import WebIM from '../../../src/compat/webim';

// 单聊发送已读回执
export function readReceiptExample(conn, message) {
  // ---- copied
var bodyId = message.id; // 需要发送已读回执的消息id
var msg = new WebIM.message('read',conn.getUniqueId());
msg.set({
id: bodyId
,to: message.from
});
conn.send(msg.body);
  // ---- end
}

// 群聊已读回执: 发送群可以收已读回执的消息
export function groupReadMessageExample(conn) {
  let sendGroupReadMsg; // natter: the document assigns it without declaring it
  // ---- copied
sendGroupReadMsg = () => {
let id = conn.getUniqueId(); // 生成本地消息id
let msg = new WebIM.message('txt', id); // 创建文本消息
msg.set({
msg: 'message content', // 消息内容
to: 'groupId', // natter: the document has no comma after 'groupId' (a syntax error)
chatType: 'groupChat', // 设置为群聊
success: function (id, serverMsgId) {
console.log('send private text Success');
},
fail: function(e){
console.log("Send private text error");
}
});
msg.body.msgConfig = { allowGroupAck: true } // 设置此消息需要已读回执
conn.send(msg.body);
}
  // ---- end
  return sendGroupReadMsg;
}

// 群聊已读回执: 收到需要回执的消息后发送回执
export function groupReadReceiptExample(message) {
  let sendReadMsg; // natter: the document assigns it without declaring it
  // ---- copied
sendReadMsg = () => {
let msg = new WebIM.message("read", WebIM.conn.getUniqueId());
msg.set({
id: message.id, // 需要发送已读回执的消息id
to: message.from, // 消息的发送方
msgConfig: { allowGroupAck: true },
ackContent: JSON.stringify({}) // 回执内容
})
msg.setChatType('groupChat')
WebIM.conn.send(msg.body);
}
  // ---- end
  return sendReadMsg;
}

// 群聊已读回执: 监听收到群组消息回执 — the document's two listener members, inside a listen call
export function groupAckListenExample(conn) {
  conn.listen({
  // ---- copied
// 在线时可以在onReadMessage里监听
onReadMessage: (message) => {
const { mid } = message;
const msg = {
id: mid
};
if(message.groupReadCount){
// 消息阅读数
msg.groupReadCount = message.groupReadCount[message.mid];
}
},
// 离线时收到回执,登录后会在这里监听到
onStatisticMessage: (message) => {
let statisticMsg = message.location && JSON.parse(message.location);
let groupAck = statisticMsg.group_ack || [];
}
  // ---- end
  });
}

// 查看读过消息的用户
export function groupReadUsersExample(msgId, groupId) {
  // ---- copied
WebIM.conn.getGroupMsgReadUser({
msgId, // 消息id
groupId // 群组id
}).then((res)=>{
console.log(res)
})
  // ---- end
}

// 发送整个会话已读回执
export function channelAckExample(conn) {
  // ---- copied
var msg = new WebIM.message('channel',conn.getUniqueId());
msg.set({
to: 'username'
});
// 如果是群聊
msg.set({
to: 'groupid',
chatType: 'groupChat'
});
conn.send(msg.body);
  // ---- end
}
