// @ts-nocheck — the document's examples are JavaScript (untyped parameters in
// option objects without a contextual type); their TypeScript use is checked in
// webim-typed-app.test.ts.
//
// Owns the code examples of the vendor document easemob-webim-messages.txt under
// 发送消息 (text, emoji, pasted and URL images, command, custom), copied as they stand between the `---- copied` / `---- end` markers. Only the
// import line is natter's. Each example is wrapped in a function whose parameters are
// the free variables the document leaves to the app (`conn`, `url`, `message`,
// `option`, ...). Where the document is not valid JavaScript, the fix is named in a
// `// natter:` comment next to it.
import WebIM from '../../../src/compat/webim';

// 构造消息
export function constructMessage(id, option) {
  // ---- copied
let msg = new WebIM.message('txt', id);
msg.set(option); //消息内容option,下面会有详细介绍
msg.setChatType('groupChat'); //用于设置当前聊天模式为单聊、群聊(groupChat)、聊天室(chatRoom),不设置默认为单聊
  // ---- end
  return msg;
}

// 发送文本消息(单聊、扩展)
export function privateTextExample(conn, value, value2) {
  // ---- copied
// 单聊发送文本消息
function sendPrivateText() {
let id = conn.getUniqueId(); // 生成本地消息id
let msg = new WebIM.message('txt', id); // 创建文本消息
msg.set({
msg: 'message content', // 消息内容
to: 'username', // 接收消息对象(用户id)
chatType: 'singleChat', // 设置为单聊
ext: {
key: value,
key2: {
key3: value2
}
}, //扩展消息
success: function (id, serverMsgId) {
console.log('send private text Success');
},
fail: function(e){
// 失败原因:
// e.type === '603' 被拉黑
// e.type === '605' 群组不存在
// e.type === '602' 不在群组或聊天室中
// e.type === '504' 撤回消息时超出撤回时间
// e.type === '505' 未开通消息撤回
// e.type === '506' 没有在群组或聊天室白名单
// e.type === '501' 消息包含敏感词
// e.type === '502' 被设置的自定义拦截捕获
// e.type === '503' 未知错误
console.log("Send private text error");
}
});
conn.send(msg.body);
};
  // ---- end
  return sendPrivateText;
}

// 发送文本消息(群组)
export function groupTextExample(conn) {
  // ---- copied
// 群组发送文本消息
function sendGroupText() {
let id = conn.getUniqueId(); // 生成本地消息id
let msg = new WebIM.message('txt', id); // 创建文本消息
let option = {
msg: 'message content', // 消息内容
to: 'group id', // 接收消息对象(群组id)
chatType: 'groupChat', // 群聊类型设置为群聊
ext: {}, // 扩展消息
success: function () {
console.log('send room text success');
}, // 对成功的相关定义,sdk会将消息id登记到日志进行备份处理
fail: function () {
console.log('failed');
} // 对失败的相关定义,sdk会将消息id登记到日志进行备份处理
};
msg.set(option);
conn.send(msg.body);
};
  // ---- end
  return sendGroupText;
}

// 发送文本消息(聊天室)
export function roomTextExample(conn) {
  // ---- copied
// 聊天室发送文本消息
function sendRoomText() {
let id = conn.getUniqueId(); // 生成本地消息id
let msg = new WebIM.message('txt', id); // 创建文本消息
let option = {
msg: 'message content', // 消息内容
to: 'chatroom id', // 接收消息对象(聊天室id)
chatType: 'chatRoom', // 群聊类型设置为聊天室
ext: {}, // 扩展消息
success: function () {
console.log('send room text success');
}, // 对成功的相关定义,sdk会将消息id登记到日志进行备份处理
fail: function () {
console.log('failed');
} // 对失败的相关定义,sdk会将消息id登记到日志进行备份处理
};
msg.set(option);
conn.send(msg.body);
};
  // ---- end
  return sendRoomText;
}

// 发送表情消息 — the document shows the receiver's listen and the sender's send in one
// block; they run on two connections, so the block is split in two at the `// 单聊` line.
export function emojiListenExample(conn) {
  // ---- copied
conn.listen({
onEmojiMessage: function (message) {
console.log('Emoji');
var data = message.data;
for(var i = 0 , l = data.length ; i < l ; i++){
console.log(data[i]);
}
}, //收到表情消息
});
  // ---- end
}

export function emojiSendExample(conn) {
  // ---- copied
// 单聊发送文本消息
var sendPrivateText = function () {
var id = conn.getUniqueId(); // 生成本地消息id
var msg = new WebIM.message('txt', id); // 创建文本消息
msg.set({
msg: 'message content', // 消息内容
to: 'username', // 接收消息对象(用户id)
chatType: 'singleChat',
success: function (id, serverMsgId) {
console.log('send private text Success');
},
fail: function(e){
console.log("Send private text error");
}
});
conn.send(msg.body);
};
  // ---- end
  return sendPrivateText;
}

// 发送贴图消息
export function pasteImageExample(conn) {
  // ---- copied
// 单聊贴图发送
document.addEventListener('paste', function (e) {
if (e.clipboardData && e.clipboardData.types) {
if (e.clipboardData.items.length > 0) {
if (/^image\/\w+$/.test(e.clipboardData.items[0].type)) {
var blob = e.clipboardData.items[0].getAsFile();
var url = window.URL.createObjectURL(blob);
var id = conn.getUniqueId(); // 生成本地消息id
var msg = new WebIM.message('img', id); // 创建图片消息
msg.set({
file: {data: blob, url: url},
to: 'username', // 接收消息对象
chatType: 'singleChat',
onFileUploadError: function (error) {
console.log('Error');
},
onFileUploadComplete: function (data) {
console.log('Complete');
},
success: function (id) {
console.log('Success');
},
fail: function(e){
console.log("Fail"); //如禁言、拉黑后发送消息会失败
}
});
conn.send(msg.body);
}
}
}
});
  // ---- end
}

// 发送URL图片消息
export function urlImageExample(conn, url) {
  // ---- copied
// 单聊通过URL发送图片消息
var sendPrivateUrlImg = function () {
var id = conn.getUniqueId(); // 生成本地消息id
var msg = new WebIM.message('img', id); // 创建图片消息
var option = {
body: {
type: 'file',
url: url,
size: {
width: msg.width,
height: msg.height,
},
length: msg.length,
filename: msg.file.filename,
filetype: msg.filetype
},
to: 'username', // 接收消息对象
};
msg.set(option);
conn.send(msg.body);
}
  // ---- end
  return sendPrivateUrlImg;
}

// 发送命令消息
export function commandExample(conn) {
  // ---- copied
var id = conn.getUniqueId(); //生成本地消息id
var msg = new WebIM.message('cmd', id); //创建命令消息
msg.set({
to: 'username', //接收消息对象
action : 'action', //用户自定义,cmd消息必填
ext :{'extmsg':'extends messages'}, //用户自扩展的消息内容(群聊用法相同)
success: function ( id,serverMsgId ) {}, //消息发送成功回调
fail: function(e){
console.log("Fail"); //如禁言、拉黑后发送消息会失败
}
});
conn.send(msg.body);
  // ---- end
}

// 发送自定义消息
export function customExample(conn) {
  // ---- copied
var sendCustomMsg = function () {
var id = conn.getUniqueId(); // 生成本地消息id
var msg = new WebIM.message('custom', id); // 创建自定义消息
var customEvent = "customEvent"; // 创建自定义事件
var customExts = {}; // 消息内容,key/value 需要 string 类型
msg.set({
to: 'username', // 接收消息对象(用户id)
customEvent,
customExts,
ext:{}, // 消息扩展
chatType: 'singleChat', // 设置聊天类型 单聊 群聊 聊天室
success: function (id, serverMsgId) {},
fail: function(e){}
});
conn.send(msg.body);
};
  // ---- end
  return sendCustomMsg;
}
