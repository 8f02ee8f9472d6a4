import { axeRuleIds } from './axe-rule-map'
import { getOwnRule } from './own-rules'

/**
 * What a rectification item and a notice say about a failing web rule, in the team's own plain zh-CN: a short
 * name of the problem and what the responsible unit must do. axe's locale texts ("确保 <img> 元素具有…",
 * "修复以下任一问题：…") and its English help pages are written for the tool's user, not for the unit that
 * receives a notice, so they never reach one. Every axe rule of the table has a line (a unit test holds this);
 * the own checks take their remedy from their metadata (shared/web/own-rules) and their name from here.
 *
 * Wording rules, kept by the notice text lint: no rule ids, no tool names, no selector syntax, no links; sentences
 * end with "。"; HTML names only where the unit's web staff need them to find the code (lang, alt, tabindex).
 */

export interface RuleText {
  /** The problem, as an item title: "图片缺少替代文本". */
  title: string
  /** What to do, one or two complete sentences. */
  remedy: string
}

// rule id | 问题 | 整改要求
const AXE_TEXTS = `
accesskeys|快捷键重复|为页面上的每个快捷键（accesskey 属性）设置不同的值，避免同一个键对应多个元素。
area-alt|图片热区缺少替代文本|为图片热区（area 元素）的每个可点击区域填写说明其去向的替代文本（alt 属性）。
aria-allowed-attr|元素使用了其角色不支持的无障碍属性|删除元素上与其角色不相符的 aria 属性，或改用支持这些属性的元素和角色。
aria-allowed-role|元素设置了不适合的角色|删除元素上与其类型不相符的 role 属性，优先使用原生的按钮、链接、列表等元素。
aria-braille-equivalent|盲文标签缺少对应的普通文字标签|为设置了盲文标签或盲文角色说明的元素同时提供普通文字的名称或角色说明。
aria-command-name|自定义按钮、链接或菜单项缺少名称|为设置了按钮、链接或菜单项角色的元素提供可被读屏软件读出的名称（可见文字、aria-label 或 aria-labelledby）。
aria-conditional-attr|无障碍属性的用法与元素角色不符|按元素的角色要求使用 aria 属性，删除在该角色上无效或冲突的属性。
aria-deprecated-role|使用了已废弃的元素角色|把已废弃的 role 值改为现行规范中的对应角色，或改用原生元素。
aria-dialog-name|对话框缺少名称|为对话框和警示框提供名称（用 aria-label 或 aria-labelledby 指向对话框标题）。
aria-hidden-body|整个页面被设置为对读屏软件隐藏|删除 body 元素上的 aria-hidden="true"，否则读屏软件无法读取页面任何内容。
aria-hidden-focus|对读屏软件隐藏的区域中仍有可聚焦的元素|对设置了 aria-hidden="true" 的区域，同时让其中的链接、按钮等无法获得焦点（tabindex="-1" 或 inert），或取消隐藏。
aria-input-field-name|自定义输入框缺少名称|为设置了输入框、组合框、搜索框等角色的元素提供名称（可见标签、aria-label 或 aria-labelledby）。
aria-meter-name|计量条缺少名称|为计量条提供说明其含义的名称（aria-label 或 aria-labelledby）。
aria-progressbar-name|进度条缺少名称|为进度条提供说明其含义的名称（aria-label 或 aria-labelledby）。
aria-prohibited-attr|元素使用了其角色禁止的无障碍属性|删除元素上其角色禁止使用的 aria 属性（例如无角色的普通容器上的 aria-label），需要名称时改用合适的元素或角色。
aria-required-attr|元素缺少其角色必需的无障碍属性|为设置了角色的元素补齐该角色必需的 aria 属性（例如复选框角色的选中状态）。
aria-required-children|元素缺少其角色必需的子元素|按角色要求补齐子元素（例如列表框角色内应有选项角色的元素），或改用原生的列表、表格、菜单元素。
aria-required-parent|元素缺少其角色必需的父元素|把元素放进其角色要求的父元素中（例如选项卡应在选项卡列表内），或改用原生元素。
aria-roledescription|角色说明用在了没有角色的元素上|只在有明确角色的元素上使用角色说明属性，或删除该属性。
aria-roles|元素角色的取值无效|把 role 属性改为规范中有效的角色名称，或删除该属性。
aria-tab-name|选项卡缺少名称|为每个选项卡提供可被读屏软件读出的名称（可见文字、aria-label 或 aria-labelledby）。
aria-text|文字角色的元素中含有可聚焦的内容|不要把包含链接、按钮等可聚焦内容的元素设为文字角色。
aria-toggle-field-name|自定义开关或复选框缺少名称|为设置了复选框、开关、单选按钮等角色的元素提供名称（可见标签、aria-label 或 aria-labelledby）。
aria-tooltip-name|提示框缺少名称|为提示框提供可被读屏软件读出的文字内容或名称。
aria-treeitem-name|树形目录项缺少名称|为树形目录的每一项提供可被读屏软件读出的名称。
aria-valid-attr-value|无障碍属性的取值无效|按规范修改 aria 属性的取值（例如引用的 id 必须在页面中存在，布尔属性只能为 true 或 false）。
aria-valid-attr|使用了不存在的无障碍属性|改正拼写错误的 aria 属性名称，或删除规范中不存在的属性。
audio-caption|音频缺少文字记录|为音频提供文字稿或字幕。
autocomplete-valid|个人信息输入框的自动填写设置不正确|为姓名、电话、地址等个人信息输入框设置正确的自动填写用途（autocomplete 属性取规范中的值）。
avoid-inline-spacing|文字间距被固定，用户无法调整|不要在元素的内联样式中用 !important 固定行高、字间距、词间距，让用户的样式设置可以生效。
blink|使用了闪烁文字|删除闪烁文字元素；确需提示时使用静态的醒目样式。
button-name|按钮缺少可读出的名称|为每个按钮提供说明其用途的文字；只有图标的按钮应设置 aria-label 或带替代文本的图片。
bypass|页面没有跳过重复内容的方法|在页面开头提供“跳到主要内容”链接，或用地标区域和标题标明页面结构，使用户能跳过重复的导航。
color-contrast-enhanced|文字与背景对比度不足（增强要求）|加深文字颜色或调整背景颜色，使普通文字的对比度不低于 7:1、大字不低于 4.5:1。
color-contrast|文字与背景对比度不足|加深文字颜色或调整背景颜色，使普通文字与背景的对比度不低于 4.5:1，大字（18 磅或 14 磅粗体以上）不低于 3:1。
css-orientation-lock|页面锁定了横屏或竖屏显示|删除样式中锁定显示方向的设置，使页面在横屏和竖屏下都能正常使用。
definition-list|定义列表的结构不正确|定义列表中只放术语和说明（dt、dd 元素）及其分组，其他内容移到列表之外。
dlitem|定义列表项不在定义列表中|把术语和说明元素（dt、dd）放进定义列表（dl 元素）中，或改用普通段落。
document-title|页面缺少标题|为每个页面设置说明本页内容的标题（title 元素），例如“政务公开-某某区人民政府”。
duplicate-id-active|可操作元素的 id 重复|为页面中链接、按钮、输入框等可操作元素设置唯一的 id，不要重复使用同一个值。
duplicate-id-aria|被引用的 id 重复|被标签或 aria 属性引用的 id 在页面中必须唯一，修改重复的 id 并同步修改引用处。
duplicate-id|元素 id 重复|为页面中每个元素设置唯一的 id，不要重复使用同一个值。
empty-heading|标题为空|删除没有文字的标题元素，或为其补上标题文字。
empty-table-header|表格表头为空|为表格的每个表头单元格填写说明该行或该列内容的文字。
focus-order-semantics|可聚焦的元素缺少合适的角色|为能用键盘聚焦的自定义控件设置与其功能相符的角色，或改用原生的按钮、链接元素。
form-field-multiple-labels|一个输入框有多个标签|每个输入框只关联一个标签，多余的说明改用 aria-describedby 关联。
frame-focusable-content|内嵌框架中的内容无法用键盘到达|删除内嵌框架上的 tabindex="-1"，使框架中的链接、按钮能用键盘到达。
frame-tested|内嵌框架中的内容未能检测|请人工检查内嵌框架中的内容，或联系检测人员在框架页面上单独检测。
frame-title-unique|多个内嵌框架使用了相同的名称|为每个内嵌框架设置不同的、说明其内容的标题（title 属性）。
frame-title|内嵌框架缺少名称|为每个内嵌框架（iframe 元素）设置说明其内容的标题（title 属性）。
heading-order|标题层级跳级|按页面结构依次使用一级、二级、三级标题，不要从一级标题直接跳到三级标题。
hidden-content|页面中有隐藏内容未检测|请人工展开隐藏的菜单、选项卡和弹窗，检查其中的内容。
html-has-lang|页面未声明语言|在网页源码的 html 标签上用 lang 属性声明页面语言，中文页面写 lang="zh-CN"。
html-lang-valid|页面语言声明无效|把 html 标签上的 lang 属性改为有效的语言代码，中文页面写 lang="zh-CN"（或 zh、zh-Hans），不要写成 zh_CN、cn 或 chinese。
html-xml-lang-mismatch|页面的两种语言声明不一致|使 html 标签上 lang 和 xml:lang 两个属性声明的语言一致，或删除 xml:lang。
identical-links-same-purpose|名称相同的链接去向不同|名称相同的链接应指向相同的内容；去向不同的链接应使用能区分去向的文字。
image-alt|图片缺少替代文本|为有内容的图片填写说明其内容或用途的替代文本（alt 属性）；纯装饰的图片设置空的替代文本（alt=""）。
image-redundant-alt|图片替代文本与旁边的文字重复|图片旁已有相同文字时，把图片的替代文本改为空（alt=""）或改写为补充信息，避免读屏软件重复朗读。
input-button-name|输入按钮缺少名称|为提交、重置等输入按钮设置说明其用途的文字（value 属性）。
input-image-alt|图片按钮缺少替代文本|为图片形式的按钮填写说明其用途的替代文本（alt 属性），例如“搜索”“提交”。
label-content-name-mismatch|控件的名称与其可见文字不一致|控件的可读名称应包含其可见文字，修改 aria-label 使其以可见文字开头，或删除多余的 aria-label。
label-title-only|输入框只有悬停提示，没有可见标签|为输入框提供可见的文字标签，不要只靠悬停提示（title 属性）或输入框中的占位文字说明用途。
label|输入框缺少标签|为每个输入框、选择框、文本框提供关联的文字标签（label 元素的 for 属性指向输入框的 id，或用 aria-label）。
landmark-banner-is-top-level|页头区域嵌套在其他区域中|把页头区域放在页面最外层，不要嵌套在其他地标区域内。
landmark-complementary-is-top-level|侧栏区域嵌套在其他区域中|把侧栏（aside 元素）放在页面最外层，不要嵌套在其他地标区域内。
landmark-contentinfo-is-top-level|页脚区域嵌套在其他区域中|把页脚区域放在页面最外层，不要嵌套在其他地标区域内。
landmark-main-is-top-level|主要内容区域嵌套在其他区域中|把主要内容区域（main 元素）放在页面最外层，不要嵌套在其他地标区域内。
landmark-no-duplicate-banner|页面有多个页头区域|每个页面只设一个页头区域，其余改为普通容器。
landmark-no-duplicate-contentinfo|页面有多个页脚区域|每个页面只设一个页脚区域，其余改为普通容器。
landmark-no-duplicate-main|页面有多个主要内容区域|每个页面只设一个主要内容区域（main 元素）。
landmark-one-main|页面缺少主要内容区域|用 main 元素标明页面的主要内容区域，便于读屏软件用户直接跳到正文。
landmark-unique|多个同类区域无法区分|为同类的多个地标区域（如多个导航）设置不同的名称（aria-label），例如“主导航”“栏目导航”。
link-in-text-block|正文中的链接只靠颜色区分|为正文中的链接加下划线或其他非颜色的标识，或使链接与周围文字的对比度不低于 3:1 并在聚焦和悬停时加下划线。
link-name|链接缺少可读出的名称|为每个链接提供说明其去向的文字；只有图片的链接应为图片填写替代文本，只有图标的链接应设置 aria-label。
list|列表的结构不正确|列表（ul、ol 元素）中只直接放列表项（li 元素），其他内容移入列表项或列表之外。
listitem|列表项不在列表中|把列表项（li 元素）放进有序或无序列表中，或改用普通段落。
marquee|使用了滚动字幕（走马灯）|删除滚动字幕元素，改用静态文字；确需滚动展示时提供暂停、停止按钮。
meta-refresh-no-exceptions|页面定时刷新或跳转|删除页面中的定时刷新和定时跳转设置；需要跳转时由服务器直接重定向，或提供链接让用户点击前往。
meta-refresh|页面定时刷新或跳转|删除页面中的定时刷新和定时跳转设置；需要跳转时由服务器直接重定向，或提供链接让用户点击前往。
meta-viewport-large|页面限制了放大倍数|不要在页面视口设置中把最大缩放倍数限制在 5 倍以下。
meta-viewport|页面禁止了缩放|删除页面视口设置中的 user-scalable=no，不要把最大缩放倍数限制在 2 倍以下，使用户能放大页面。
nested-interactive|可操作的控件相互嵌套|不要把链接、按钮等可操作控件放在另一个可操作控件之内，将它们拆分为并列的控件。
no-autoplay-audio|自动播放的声音无法停止|不要自动播放有声音的音频或视频；确需自动播放时静音播放，或提供能用键盘操作的暂停、停止和音量控件。
object-alt|嵌入对象缺少替代文本|为嵌入对象（object 元素）提供说明其内容的替代文字。
p-as-heading|用加粗文字冒充标题|把视觉上是标题的加粗段落改为相应级别的标题元素（h1 至 h6）。
page-has-heading-one|页面缺少一级标题|为每个页面设置一个说明本页主题的一级标题（h1 元素）。
presentation-role-conflict|装饰性元素仍可被读屏软件读出或聚焦|对设为装饰用途的元素删除 aria 属性和 tabindex，或取消其装饰用途的设置。
region|部分页面内容不在任何区域中|把页面内容分别放进页头、导航、主要内容、页脚等地标区域中。
role-img-alt|图片角色的元素缺少替代文本|为设置了图片角色的元素提供说明其内容的替代文字（aria-label 或 aria-labelledby）。
scope-attr-valid|表头的作用范围设置不正确|只在表头单元格（th 元素）上使用 scope 属性，取值为 row、col、rowgroup 或 colgroup。
scrollable-region-focusable|可滚动区域无法用键盘滚动|使可滚动的区域能用键盘聚焦（tabindex="0"）并设置名称，或在区域内放入可聚焦的元素。
select-name|下拉选择框缺少标签|为每个下拉选择框提供关联的文字标签（label 元素或 aria-label）。
server-side-image-map|使用了服务器端图片热区|改用客户端图片热区（map 和 area 元素）或普通链接，使每个热区都能用键盘操作。
skip-link|跳转链接的目标不存在|使“跳到主要内容”等跳转链接指向页面中存在的、可获得焦点的位置。
summary-name|折叠区块的标题缺少名称|为可展开、折叠的区块标题（summary 元素）提供说明其内容的文字。
svg-img-alt|矢量图缺少替代文本|为有内容的矢量图（svg 元素）提供说明其内容的替代文字（title 子元素或 aria-label）。
tabindex|键盘焦点顺序被强行改变|不要把 tabindex 设为大于 0 的值，按页面源码顺序安排键盘焦点顺序。
table-duplicate-name|表格标题与摘要重复|使表格标题（caption 元素）与摘要说明的文字不同，或删除重复的一项。
table-fake-caption|用单元格充当表格标题|把表格第一行中充当标题的合并单元格改为表格标题（caption 元素）。
target-size|可点击区域过小|把图标、分页按钮、关闭按钮等可点击区域设置为不小于 24×24 像素，或与相邻的可点击区域留出足够间距。
td-has-header|数据单元格缺少对应的表头|为数据表设置行表头或列表头（th 元素），使每个数据单元格都有对应的表头。
td-headers-attr|数据单元格引用了不存在的表头|修改单元格的 headers 属性，使其只引用同一表格中存在的表头单元格的 id。
th-has-data-cells|表头没有对应的数据单元格|删除没有对应数据的表头，或补齐对应的数据单元格。
valid-lang|段落的语言声明无效|把页面中段落的 lang 属性改为有效的语言代码（例如 en、zh-CN）。
video-caption|视频缺少字幕|为视频提供与语音同步的字幕。
`

// own rule id | 问题 (the remedy is the rule's own help text)
const OWN_TITLES = `
aa-html-lang|页面未正确声明语言
aa-html-conformance|网页源码不符合 HTML 语法
aa-ageing-entry|缺少无障碍浏览或适老化模式入口
aa-min-text-size|适老模式下正文字号偏小
aa-ageing-contrast|文字与背景对比度不足（适老化要求）
aa-css-generated-content|有意义的文字由样式生成，读屏软件可能读不出
aa-autoplay-media|自动播放的声音无法停止
aa-timed-refresh|页面定时刷新或跳转
aa-keyboard-reach|部分可操作的元素无法用键盘到达
aa-keyboard-trap|键盘焦点被困在页面的某个区域
aa-focus-visible|键盘聚焦时看不到焦点位置
aa-reflow|页面缩小到手机宽度时需要横向滚动
aa-link-no-target|链接没有真实的地址
aa-link-nonspecific|链接文字看不出去向
aa-link-ambiguous|文字相同的链接指向不同的地址
aa-link-adjacent-duplicate|相邻的图片链接和文字链接重复
aa-link-new-window|链接在新窗口打开却未事先告知
aa-link-file-format|文件下载链接未说明文件格式
aa-placeholder-label|输入框只用占位文字代替标签
aa-fieldset-legend|表单分组缺少说明
aa-choice-group|同一问题的单选框或复选框未编为一组
aa-img-alt-filename|图片的替代文本是文件名
aa-img-alt-title|有提示文字的图片替代文本为空
aa-motion-no-pause|自动播放的动画、轮播或滚动内容无法暂停
aa-table-headers|数据表格缺少表头
aa-table-complex-headers|复杂表格的表头与数据对应关系不明确
aa-layout-table-markup|排版用的表格使用了数据表标记
aa-nested-table|表格层层嵌套
aa-visual-heading|看起来是标题的文字未使用标题标记
aa-line-spacing|正文行距过小
aa-text-style|大段文字使用了两端对齐、全部大写或斜体
aa-accesskey|快捷键设置不当
aa-hover-only|悬停才出现的菜单或内容无法用键盘打开
`

function parseTable(text: string, columns: number): string[][] {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const cells = line.split('|')
      if (cells.length !== columns || cells.some((c) => !c.trim())) {
        throw new Error(`rule-texts: bad row "${line}"`)
      }
      return cells.map((c) => c.trim())
    })
}

const texts = new Map<string, RuleText>(
  parseTable(AXE_TEXTS, 3).map(([id, title, remedy]) => [id!, { title: title!, remedy: remedy! }]),
)
for (const [id, title] of parseTable(OWN_TITLES, 2)) {
  const meta = getOwnRule(id!)
  if (!meta) throw new Error(`rule-texts: unknown own rule ${id}`)
  texts.set(id!, { title: title!, remedy: meta.help })
}

/** The item/notice text of a rule (axe or own), or undefined for a rule the table does not know. */
export function webRuleText(ruleId: string): RuleText | undefined {
  return texts.get(ruleId)
}

/** Rule ids the table covers; the unit test compares them with the axe table and the own rules. */
export const ruleTextIds: readonly string[] = [...texts.keys()]

/** axe rules of the installed table without a text (must stay empty). */
export function axeRulesWithoutText(): string[] {
  return axeRuleIds.filter((id) => !texts.has(id))
}
