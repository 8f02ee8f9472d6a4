/** 设置 → 浏览器集群 strings (the `farm` block of renderer/src/i18n/zh-cn.ts). */
export const farmZhCN = {
  heading: '浏览器集群（远程浏览器）',
  intro:
    '大批量网站检测时，可把页面分给多台机器上的远程浏览器（Chrome/Chromium 的调试地址 ws://… 或 wss://…，如 browserless 或 Selenium Grid 4）。每个远程浏览器有各自同时检测的页面数。列表为空时，在本机启动浏览器（默认）。',
  security:
    '远程浏览器的调试地址可完全控制该浏览器：只填写可信内部网络中的地址。被检测的网页在远程浏览器中运行，不在本软件中运行。',
  listLabel: '远程浏览器列表',
  empty: '未填写远程浏览器：网站检测在本机启动浏览器。',
  url: '远程浏览器 {{n}} 的地址',
  urlHelp: '如 ws://192.168.1.20:3000?token=… 或 ws://grid:4444/session/<会话编号>/se/cdp',
  concurrency: '远程浏览器 {{n}} 同时检测的页面数',
  concurrencyHelp: '1–16',
  remove: '删除远程浏览器 {{n}}',
  removeText: '删除',
  add: '添加远程浏览器',
  save: '保存浏览器集群设置',
  saved: '已保存浏览器集群设置（{{count}} 个远程浏览器）',
  savedLocal: '已保存：网站检测在本机启动浏览器',
  whenLost:
    '检测中某个远程浏览器断开或不再响应时，本批次不再使用它，它正在检测的页面放回队列由其他浏览器检测；全部断开时批次暂停，未检测的页面保留，可稍后继续。',
}
