// @ts-nocheck — the document's examples are JavaScript (untyped parameters in
// option objects without a contextual type); their TypeScript use is checked in
// webim-typed-app.test.ts.
//
// Owns the code examples of the vendor document easemob-webim-messages.txt under
// 消息撤回, 接收消息, 处理消息, 消息漫游, 会话列表, 删除会话, copied as they stand between the `---- copied` / `---- end` markers. Only the
// import line is natter's. Each example is wrapped in a function whose parameters are
// the free variables the document leaves to the app (`conn`, `url`, `message`,
// `option`, ...). Where the document is not valid JavaScript, the fix is named in a
// `// natter:` comment next to it.
import WebIM from '../../../src/compat/webim';

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

// 处理消息: 音频消息 (web part; the mini-program part is in miniprogram.ts)
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
