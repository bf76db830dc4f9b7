// @ts-nocheck — the document's examples are JavaScript (untyped parameters in
// option objects without a contextual type); their TypeScript use is checked in
// webim-typed-app.test.ts.
//
// Owns the code examples of /work/shared/seeds/easemob-webim-messages.txt, copied
// as they stand between the `---- copied` / `---- end` markers. Only the import
// line is natter's. Each example is wrapped in a function whose parameters are the
// free variables the document leaves to the app (`conn`, `url`, `message`,
// `option`, ...), so a test can run it for a given connection. Where the document
// is not valid JavaScript, the fix is named in a `// natter:` comment next to it.
import WebIM from '../../src/compat/webim';

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

// 发送附件消息: web单聊发送图片消息
export function privateImageExample(conn) {
  // ---- copied
// web单聊发送图片消息
var sendPrivateImg = function () {
var id = conn.getUniqueId(); // 生成本地消息id
var msg = new WebIM.message('img', id); // 创建图片消息
var input = document.getElementById('image'); // 选择图片的input
var file = WebIM.utils.getFileUrl(input); // 将图片转化为二进制文件
var allowType = {
'jpg': true,
'gif': true,
'png': true,
'bmp': true
};
if (file.filetype.toLowerCase() in allowType) {
var option = {
file: file,
length: '3000', // 视频文件时,单位(ms)
ext: {
file_length: file.data.size // 文件大小
},
to: 'username', // 接收消息对象
chatType: 'singleChat', // 设置为单聊
onFileUploadError: function () { // 消息上传失败
console.log('onFileUploadError');
},
onFileUploadProgress: function (e) { // 上传进度的回调
console.log(e)
},
onFileUploadComplete: function () { // 消息上传成功
console.log('onFileUploadComplete');
},
success: function () { // 消息发送成功
console.log('Success');
},
fail: function(e){
console.log("Fail"); //如禁言、拉黑后发送消息会失败
},
flashUpload: WebIM.flashUpload
};
msg.set(option);
conn.send(msg.body);
}
};
  // ---- end
  return sendPrivateImg;
}

// 单聊发送文件消息
export function privateFileExample(conn) {
  // ---- copied
// 单聊发送文件消息
var sendPrivateFile = function () {
var id = conn.getUniqueId(); // 生成本地消息id
var msg = new WebIM.message('file', id); // 创建文件消息
var input = document.getElementById('file'); // 选择文件的input
var file = WebIM.utils.getFileUrl(input); // 将文件转化为二进制文件
var allowType = {
'jpg': true,
'gif': true,
'png': true,
'bmp': true,
'zip': true,
'txt': true,
'doc': true,
'pdf': true
};
if (file.filetype.toLowerCase() in allowType) {
var option = {
file: file,
to: 'username', // 接收消息对象
chatType: 'singleChat', // 设置单聊
onFileUploadError: function () { // 消息上传失败
console.log('onFileUploadError');
},
onFileUploadProgress: function (e) { // 上传进度的回调
console.log(e)
},
onFileUploadComplete: function () { // 消息上传成功
console.log('onFileUploadComplete');
},
success: function () { // 消息发送成功
console.log('Success');
},
fail: function(e){
console.log("Fail"); //如禁言、拉黑后发送消息会失败
},
flashUpload: WebIM.flashUpload,
ext: {file_length: file.data.size}
};
msg.set(option);
conn.send(msg.body);
}
};
  // ---- end
  return sendPrivateFile;
}

// 单聊发送音频消息
export function privateAudioExample(conn) {
  // ---- copied
// 单聊发送音频消息
var sendPrivateAudio = function () {
var id = conn.getUniqueId(); // 生成本地消息id
var msg = new WebIM.message('audio', id); // 创建音频消息
var input = document.getElementById('audio'); // 选择音频的input
var file = WebIM.utils.getFileUrl(input); // 将音频转化为二进制文件
var allowType = {
'mp3': true,
'amr': true,
'wmv': true
};
if (file.filetype.toLowerCase() in allowType) {
var option = {
file: file,
length: '3', // 音频文件时长,单位(s)
to: 'username', // 接收消息对象
chatType: 'singleChat', // 设置单聊
onFileUploadError: function () { // 消息上传失败
console.log('onFileUploadError');
},
onFileUploadProgress: function (e) { // 上传进度的回调
console.log(e)
},
onFileUploadComplete: function () { // 消息上传成功
console.log('onFileUploadComplete');
},
success: function () { // 消息发送成功
console.log('Success');
},
fail: function(e){
console.log("Fail"); //如禁言、拉黑后发送消息会失败
},
flashUpload: WebIM.flashUpload,
ext: {file_length: file.data.size}
};
msg.set(option);
conn.send(msg.body);
}
};
  // ---- end
  return sendPrivateAudio;
}

// 单聊发送视频消息
export function privateVideoExample(conn) {
  // ---- copied
// 单聊发送视频消息
var sendPrivateVideo = function () {
var id = conn.getUniqueId(); // 生成本地消息id
var msg = new WebIM.message('video', id); // 创建视频消息
var input = document.getElementById('video'); // 选择视频的input
var file = WebIM.utils.getFileUrl(input); // 将视频转化为二进制文件
var allowType = {
'mp4': true,
'wmv': true,
'avi': true,
'rmvb':true,
'mkv':true
};
if (file.filetype.toLowerCase() in allowType) {
var option = {
file: file,
to: 'username', // 接收消息对象
chatType: 'singleChat', // 设置为单聊
onFileUploadError: function () { // 消息上传失败
console.log('onFileUploadError');
},
onFileUploadProgress: function (e) { // 上传进度的回调
console.log(e)
},
onFileUploadComplete: function () { // 消息上传成功
console.log('onFileUploadComplete');
},
success: function () { // 消息发送成功
console.log('Success');
},
fail: function(e){
console.log("Fail"); // 如禁言、拉黑后发送消息会失败
},
flashUpload: WebIM.flashUpload,
ext: {file_length: file.data.size}
};
msg.set(option);
conn.send(msg.body);
}
};
  // ---- end
  return sendPrivateVideo;
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

// 消息撤回
export function recallExample(option) {
  // ---- copied
/**
* 发送撤回消息
* @param {Object} option -
* @param {Object} option.mid - 回撤消息id
* @param {Object} option.to - 消息的接收方
* @param {Object} option.type - chat(单聊) groupchat(群组) chatroom(聊天室)
* @param {Object} option.success - 撤回成功的回调
* @param {Object} option.fail- 撤回失败的回调(超过两分钟)
*/
WebIM.conn.recallMessage(option)
  // ---- end
}

// 接收消息
export function receiveExample(conn) {
  // ---- copied
conn.listen({
onOpened: function () {}, //连接成功回调
onClosed: function () {}, //连接关闭回调
onTextMessage: function ( message ) {}, //收到文本消息
onEmojiMessage: function ( message ) {}, //收到表情消息
onPictureMessage: function ( message ) {}, //收到图片消息
onCmdMessage: function ( message ) {}, //收到命令消息
onAudioMessage: function ( message ) {}, //收到音频消息
onLocationMessage: function ( message ) {},//收到位置消息
onFileMessage: function ( message ) {}, //收到文件消息
onCustomMessage: function ( message ) {}, //收到自定义消息
onVideoMessage: function (message) {
var node = document.getElementById('privateVideo');
var option = {
url: message.url,
headers: {
'Accept': 'audio/mp4'
},
onFileDownloadComplete: function (response) {
var objectURL = WebIM.utils.parseDownloadResponse.call(conn, response);
node.src = objectURL;
},
onFileDownloadError: function () {
console.log('File down load error.')
}
};
WebIM.utils.download.call(conn, option);
}, //收到视频消息
onPresence: function ( message ) {}, //处理“广播”或“发布-订阅”消息,如联系人订阅请求、处理群组、聊天室被踢解散等消息
onRoster: function ( message ) {}, //处理好友申请
onInviteMessage: function ( message ) {}, //处理群组邀请
onOnline: function () {}, //本机网络连接成功
onOffline: function () {}, //本机网络掉线
onError: function ( message ) {}, //失败回调
onBlacklistUpdate: function (list) { //黑名单变动
// 查询黑名单,将好友拉黑,将好友从黑名单移除都会回调这个函数,list则是黑名单现有的所有好友信息
console.log(list);
},
onRecallMessage: function( message ){}, //收到消息撤回回执
onReceivedMessage: function(message){}, //收到消息送达服务器回执
onDeliveredMessage: function(message){}, //收到消息送达客户端回执
onReadMessage: function(message){}, //收到消息已读回执
onCreateGroup: function(message){}, //创建群组成功回执(需调用createGroupNew)
onMutedMessage: function(message){}, //如果用户在A群组被禁言,在A群发消息会走这个回调并且消息不会传递给群其它成员
onChannelMessage: function(message){} //收到整个会话已读的回执,在对方发送channel ack时会在这个回调里收到消息
});
  // ---- end
}

// 处理消息: 图片消息
export function pictureListenExample(conn) {
  // ---- copied
conn.listen({
onPictureMessage: function (message) {
console.log("Location of Picture is ", message.url);
}, //收到图片消息
});
  // ---- end
}

// 处理消息: 音频消息 (web part; the mini-program part is in webim-miniprogram-examples.ts)
export function audioListenExample(conn) {
  // ---- copied
conn.listen({
onAudioMessage: function ( message ) {
// 在这里接收音频消息
}
})
  // ---- end
}

// natter: the document's `// web` action creator stands inside the unclosed `playAudio(message){`
// of the mini-program; it is an object member, so it is kept in an object here.
export const audioActions = {
  // ---- copied
addAudioMessage: (message, bodyType) => {
return (dispatch, getState) => {
let options = {
url: message.url,
headers: {
Accept: 'audio/mp3'
},
onFileDownloadComplete: function (response) {
let objectUrl = WebIM.utils.parseDownloadResponse.call(WebIM.conn, response)
message.audioSrcUrl = message.url
message.url = objectUrl
},
onFileDownloadError: function () {}
}
WebIM.utils.download.call(WebIM.conn, options)
}
}
  // ---- end
};

// 消息漫游
export function historyExample() {
  // ---- copied
var options = {
queue: "test1", //需特别注意queue属性值为大小写字母混合,以及纯大写字母,会导致拉取漫游为空数组,因此注意将属性值装换为纯小写
isGroup: false,
count: 10,
success: function(res){
console.log(res) //获取拉取成功的历史消息
},
fail: function(){}
}
WebIM.conn.fetchHistoryMessages(options)
  // ---- end
}

export function historyResetExample() {
  // ---- copied
WebIM.conn.mr_cache = []
  // ---- end
}

// 获取会话列表
export function sessionListExample() {
  // ---- copied
WebIM.conn.getSessionList().then((res) => {
console.log(res)
/**
返回参数说明
channel_infos - 所有会话
channel_id - 会话id, username@easemob.com表示单聊,groupid@conference.easemob.com表示群聊
meta - 最后一条消息
unread_num - 当前会话的未读消息数
data{
channel_infos:[
{
channel_id: 'easemob-demo#chatdemoui_username@easemob.com',
meta: {},
unread_num: 0
},
{
channel_id: 'easemob-demo#chatdemoui_93734273351681@conference.easemob.com',
meta: {
from: "easemob-demo#chatdemoui_zdtest@easemob.com/webim_1610159114836",
id: "827197124377577640",
payload: "{"bodies":[{"msg":"1","type":"txt"}],"ext":{},"from":"zdtest","to":"93734273351681"}",
timestamp: 1610161638919,
to: "easemob-demo#chatdemoui_93734273351681@conference.easemob.com"
},
unread_num: 0
}
]
}
*/
})
  // ---- end
}

// 删除会话
export function deleteSessionExample() {
  // ---- copied
WebIM.conn.deleteSession({
channel: 'userID', // 会话 ID(对方的 userID 或群组 ID)。
chatType: 'singleChat', // 会话类型 singleChat(单聊) groupChat(群聊)。
deleteRoam: true, // 是否同时删除服务端漫游消息。
})
  // ---- end
}

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
