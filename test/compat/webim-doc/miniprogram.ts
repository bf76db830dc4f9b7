// @ts-nocheck — the document's examples are JavaScript.
//
// Owns the WeChat mini-program (小程序) examples of
// the vendor document easemob-webim-messages.txt, copied as they stand between the
// `---- copied` / `---- end` markers. They are methods of a mini-program page, so
// they sit in a class here; `wx` is the mini-program's global (the test installs a
// stand-in on globalThis), `msgType` the demo's message-type table (imported there).
// natter: the document's `playAudio(message){` is never closed (the `// web` part of
// the same block follows inside it); it is closed here.
import WebIM from '../../../src/compat/webim';

const msgType = { TEXT: 'txt', IMAGE: 'img', AUDIO: 'audio', VIDEO: 'video', FILE: 'file', EMOJI: 'emoji' };

export class MiniProgramPage {
  constructor(data, sendTo) {
    this.data = data;
    this.sendTo = sendTo;
  }

  getSendToParam() {
    return this.sendTo;
  }

  // ---- copied (小程序单聊发送图片消息)
sendImage(){
const me = this;
wx.chooseImage({
count: 1,
sizeType: ["original", "compressed"],
sourceType: ["album"],
success(res){
me.upLoadImage(res);
}
});
}
upLoadImage(res){
const me = this;
let tempFilePaths = res.tempFilePaths;
let token = WebIM.conn.context.accessToken
wx.getImageInfo({
src: res.tempFilePaths[0],
success(res){
let allowType = {jpg: true, gif: true, png: true, bmp: true};
let str = WebIM.config.appkey.split("#");
let width = res.width;
let height = res.height;
let index = res.path.lastIndexOf(".");
let filetype = (~index && res.path.slice(index + 1)) || "";
let domain = wx.WebIM.conn.apiUrl + '/'
if(filetype.toLowerCase() in allowType){
wx.uploadFile({
url: domain + str[0] + "/" + str[1] + "/chatfiles",
filePath: tempFilePaths[0],
name: "file",
header: {
"Content-Type": "multipart/form-data",
Authorization: "Bearer " + token
},
success(res){
if(res.statusCode === 400){
// 图片上传阿里云检验不合法
let errData = JSON.parse(res.data);
if (errData.error === 'content improper') {
wx.showToast({
title: '图片不合法'
});
return
}
}
let data = res.data;
let dataObj = JSON.parse(data);
let id = WebIM.conn.getUniqueId(); // 生成本地消息 id
let msg = new WebIM.message(msgType.IMAGE, id);
let file = {
type: msgType.IMAGE,
size: {
width: width,
height: height
},
url: dataObj.uri + "/" + dataObj.entities[0].uuid,
filetype: filetype,
filename: tempFilePaths[0]
};
msg.set({
apiUrl: WebIM.config.apiURL,
body: file,
from: me.data.username.myName,
to: me.getSendToParam(),
chatType: me.data.chatType,
success: function (argument) {},
fail: function(e){
console.log("Fail"); //如禁言、拉黑后发送消息会失败
}
});
WebIM.conn.send(msg.body);
}
});
}
}
});
}
  // ---- end

  // ---- copied (小程序播放)
// 小程序播放
playAudio(message){
let audioCtx = wx.createInnerAudioContext();
let curl = ''
wx.downloadFile({
url: message.url,
header: {
"X-Requested-With": "XMLHttpRequest",
Accept: "audio/mp3",
Authorization: "Bearer " + this.data.msg.msg.token
},
success(res){
curl = res.tempFilePath;
audioCtx.src = curl;
audioCtx.play();
},
fail(e){
wx.showToast({
title: "下载失败",
duration: 1000
});
}
});
  // ---- end
} // natter: the closing brace the document leaves out
}
