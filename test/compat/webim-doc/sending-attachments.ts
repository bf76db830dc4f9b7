// @ts-nocheck — the document's examples are JavaScript (untyped parameters in
// option objects without a contextual type); their TypeScript use is checked in
// webim-typed-app.test.ts.
//
// Owns the code examples of the vendor document easemob-webim-messages.txt under
// 发送附件消息 (web: image, file, audio, video from an <input type=file>), copied as they stand between the `---- copied` / `---- end` markers. Only the
// import line is natter's. Each example is wrapped in a function whose parameters are
// the free variables the document leaves to the app (`conn`, `url`, `message`,
// `option`, ...). Where the document is not valid JavaScript, the fix is named in a
// `// natter:` comment next to it.
import WebIM from '../../../src/compat/webim';

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
