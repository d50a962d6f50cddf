<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChangesDialog</name>
    <message>
        <source>Changed meanwhile</source>
        <translation>已被他人更改</translation>
    </message>
    <message>
        <source>The screen now shows what is stored. Your last entry, if any, was not saved: make it again if it is still right.</source>
        <translation>屏幕现在显示的是已保存的内容。您最后的输入（如有）未被保存：如仍正确，请重新输入。</translation>
    </message>
    <message>
        <source>Changes made meanwhile</source>
        <translation>期间所做的更改</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>更改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>更改后</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>%s (you, in another window or command)</source>
        <extracomment>problems of a score that name facts: by their labels the equivalence tables the totals said so far were counted with: cited once, at the end set to quit as soon as the first window (sign-in, or first run) is shown (start-up benchmark).</extracomment>
        <translation>%s（您本人，在另一个窗口或命令中）</translation>
    </message>
    <message>
        <source>Source document for %s</source>
        <translation>%s 的源文件</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Screen failure recorded</source>
        <translation>已记录筛选失败</translation>
    </message>
    <message>
        <source>Data entry completed</source>
        <translation>数据录入已完成</translation>
    </message>
    <message>
        <source>Worksheet signed: the screening is locked</source>
        <translation>工作表已签署：该筛选已锁定</translation>
    </message>
    <message>
        <source>Corrected: a new version replaces this one</source>
        <translation>已更正：新版本取代此版本</translation>
    </message>
    <message>
        <source>Screening created</source>
        <translation>已创建筛选</translation>
    </message>
    <message>
        <source>Correction of an earlier version opened</source>
        <translation>已打开对早先版本的更正</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <source>Checklist of yes/no criteria — %1 (%2)</source>
        <extracomment>the key -&gt; the answer it gives</extracomment>
        <translation>是/否标准核对表 — %1（%2）</translation>
    </message>
    <message>
        <source>Every yes/no criterion of %1 in one table. Each answer is checked and saved on its own, as on the criterion pages.</source>
        <translation>%1 的全部是/否标准列于一表。每个回答均单独核查并保存，与各标准页面相同。</translation>
    </message>
    <message>
        <source>Y yes · N no · U not known · Delete clears · ↑ ↓ move · Ctrl+Z undoes the last change</source>
        <translation>Y 是 · N 否 · U 不详 · Delete 清除 · ↑ ↓ 移动 · Ctrl+Z 撤销上一次修改</translation>
    </message>
    <message>
        <source>This screening cannot be changed here: the checklist is read only.</source>
        <translation>此处不能修改本次筛选：核对表为只读。</translation>
    </message>
    <message>
        <source>Yes/no criteria</source>
        <translation>是/否标准</translation>
    </message>
    <message>
        <source>&amp;Undo the last change</source>
        <translation>撤销上一次修改(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>撤销上一次修改</translation>
    </message>
    <message>
        <source>Undo the last change made in this sitting (Ctrl+Z)</source>
        <translation>撤销本次录入中的上一次修改（Ctrl+Z）</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Close the checklist</source>
        <translation>关闭核对表</translation>
    </message>
    <message>
        <source>This protocol has no yes/no criteria: every criterion is entered on its page.</source>
        <translation>本方案没有是/否标准：每条标准均在其页面上录入。</translation>
    </message>
    <message>
        <source>%1 of %2 questions answered</source>
        <translation>已回答 %1/%2 个问题</translation>
    </message>
    <message>
        <source>Protocol text</source>
        <translation>方案原文</translation>
    </message>
    <message>
        <source>Read only: %s was not changed.</source>
        <translation>只读：%s 未修改。</translation>
    </message>
    <message>
        <source>Not saved: %s needs a reason for the change.</source>
        <translation>未保存：修改 %s 需要填写原因。</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>已清除</translation>
    </message>
    <message>
        <source>Saved: %1: %2</source>
        <translation>已保存：%1：%2</translation>
    </message>
    <message>
        <source>Not saved: %s</source>
        <translation>未保存：%s</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Not saved, not confirmed: %s</source>
        <translation>未保存，未确认：%s</translation>
    </message>
    <message>
        <source>“%1” was entered by %2 (%3). Changing it is recorded in the audit trail with the old value, the new value and your reason.</source>
        <translation>“%1”由 %2 录入（%3）。更改将连同旧值、新值和您的理由记入稽查轨迹。</translation>
    </message>
    <message>
        <source>“%s” was entered earlier. Changing it is recorded in the audit trail with the old value, the new value and your reason.</source>
        <translation>“%s”已于先前录入。修改将连同原值、新值和您的原因记录在稽查轨迹中。</translation>
    </message>
    <message>
        <source>Reason for change</source>
        <translation>修改原因</translation>
    </message>
    <message>
        <source>Changed meanwhile by someone else: the table shows what is stored now.</source>
        <translation>其间已被他人修改：表中显示的是当前保存的内容。</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>没有可撤销的修改。</translation>
    </message>
    <message>
        <source>Undo: %s</source>
        <translation>撤销：%s</translation>
    </message>
    <message>
        <source>Not undone: %s</source>
        <translation>未撤销：%s</translation>
    </message>
    <message>
        <source>Not undone: someone else changed the screening since.</source>
        <translation>未撤销：此后已有他人修改本次筛选。</translation>
    </message>
    <message>
        <source>Undone: %1 is back to %2</source>
        <translation>已撤销：%1 恢复为 %2</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Criterion</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1, %2: %3. %4</source>
        <translation>%1，%2：%3。%4</translation>
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <source>— not entered —</source>
        <translation>— 未录入 —</translation>
    </message>
</context>
<context>
    <name>ChoosePasswordDialog</name>
    <message>
        <source>Choose your own password</source>
        <extracomment>Refusals about the new password itself: shown beside it.</extracomment>
        <translation>设置您自己的密码</translation>
    </message>
    <message>
        <source>Choose your own password, %s</source>
        <translation>%s，请设置您自己的密码</translation>
    </message>
    <message>
        <source>You signed in with the password the site administrator gave you. Choose one that only you know: trialdesk opens once it is saved, and you sign in with it from now on.</source>
        <translation>您使用的是站点管理员给您的密码登录。请设置一个只有您知道的密码：保存后 trialdesk 即打开，今后请用它登录。</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>at least %d characters</source>
        <translation>至少 %d 个字符</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>再次输入(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Save password</source>
        <translation>保存密码(&amp;S)</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <source>Complete — %s</source>
        <translation>完成录入 — %s</translation>
    </message>
    <message>
        <source>Completing signs, under your name (%1, %2) and with the date and time, that the data entry of this screening is complete. It is kept in the audit trail and printed on the worksheet; a later change of any answer undoes it.</source>
        <translation>完成录入即以您的姓名（%1，%2）并附日期和时间签署：本次筛选的数据录入已完成。此签名记入稽查轨迹并打印在核查表上；之后任何答案的修改都会使其失效。</translation>
    </message>
    <message>
        <source>Meaning of the signature</source>
        <translation>签名的含义</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>您的密码</translation>
    </message>
    <message>
        <source>&amp;Meaning:</source>
        <translation>含义(&amp;M)：</translation>
    </message>
    <message>
        <source>Your &amp;password:</source>
        <translation>您的密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation>完成录入(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ConfirmValueDialog</name>
    <message>
        <source>Confirm an unusual value</source>
        <translation>确认不常见的数值</translation>
    </message>
    <message>
        <source>Check it against the source document. Confirm keeps it as entered and records your confirmation in the audit trail; Change the value saves nothing.</source>
        <translation>请与源文件核对。“确认”按输入保存，并在稽查轨迹中记录您的确认；“修改数值”不保存任何内容。</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>确认(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;hange the value</source>
        <translation>修改数值(&amp;H)</translation>
    </message>
</context>
<context>
    <name>ConsortPage</name>
    <message>
        <source>From date</source>
        <extracomment>pixels per point of the picture on screen (a saved PNG has its own, finer)</extracomment>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>至(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Count</source>
        <translation>计数(&amp;C)</translation>
    </message>
    <message>
        <source>Count the subjects screened in this period (empty: no limit)</source>
        <translation>统计此期间内筛选的受试者（留空：不限）</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>保存 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>The diagram, the chart and the definitions on A4</source>
        <translation>流程图、图表和定义，A4 纸</translation>
    </message>
    <message>
        <source>Save P&amp;NG…</source>
        <translation>保存 PNG(&amp;N)…</translation>
    </message>
    <message>
        <source>The diagram and the chart as a picture, for a report or a slide</source>
        <translation>流程图和图表保存为图片，用于报告或幻灯片</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>CONSORT flow diagram and chart of screen failures by criterion</source>
        <translation>CONSORT 流程图及按标准的筛选失败图</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>流程图</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>CONSORT counts</source>
        <translation>CONSORT 计数</translation>
    </message>
    <message>
        <source>Every number of the diagram and the chart, as text</source>
        <translation>流程图和图表中的每个数字，以文字显示</translation>
    </message>
    <message>
        <source>“%1” is not a date: write it as YYYY-MM-DD</source>
        <translation>“%1”不是日期：请写作 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>The period ends before it starts</source>
        <translation>期间的结束早于开始</translation>
    </message>
    <message>
        <source>The counts could not be read: %1</source>
        <translation>无法读取计数：%1</translation>
    </message>
    <message>
        <source>Save the CONSORT diagram as PDF</source>
        <translation>将 CONSORT 流程图保存为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the CONSORT diagram as PNG</source>
        <translation>将 CONSORT 流程图保存为 PNG</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Nothing counted yet: choose a period and press Count</source>
        <translation>尚未计数：请选择期间并按“计数”</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
</context>
<context>
    <name>CourseRow</name>
    <message>
        <source>Drug</source>
        <translation>药物</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>剂量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>途径</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Last dose change</source>
        <translation>最近剂量调整</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Other drug…</source>
        <translation>其他药物…</translation>
    </message>
    <message>
        <source>Name of the other drug, as written</source>
        <translation>其他药物的名称（按原文填写）</translation>
    </message>
    <message>
        <source>Kept as written and counted in no class</source>
        <translation>按原文保存，不计入任何药物类别</translation>
    </message>
    <message>
        <source>Dose (optional)</source>
        <translation>剂量（可选）</translation>
    </message>
    <message>
        <source>Unit (optional)</source>
        <translation>单位（可选）</translation>
    </message>
    <message>
        <source>Route (optional)</source>
        <translation>途径（可选）</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1（第 %2 行）</translation>
    </message>
    <message>
        <source>Remove line %d</source>
        <translation>删除第 %d 行</translation>
    </message>
    <message>
        <source>Remove this line (Ctrl+Delete in any of its fields)</source>
        <translation>删除此行（在其任一字段中按 Ctrl+Delete）</translation>
    </message>
</context>
<context>
    <name>CriterionPage</name>
    <message>
        <source>Protocol text (registry record, verbatim)</source>
        <translation>方案原文（注册记录，未作改动）</translation>
    </message>
    <message>
        <source>Protocol text</source>
        <translation>方案原文</translation>
    </message>
    <message>
        <source>Site translation (%s)</source>
        <translation>本中心译文（%s）</translation>
    </message>
    <message>
        <source>Site interpretation: %s</source>
        <translation>本中心解释：%s</translation>
    </message>
    <message>
        <source>Source &amp;document (where this was verified)</source>
        <translation>源文件(&amp;D)（核实依据）</translation>
    </message>
    <message>
        <source>e.g. CBC report 2026-11-19, hospital lab system</source>
        <translation>例如：血常规报告 2026-11-19，医院检验系统</translation>
    </message>
    <message>
        <source>Source document for %s</source>
        <translation>%s 的源文件</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>N in the empty date field answers Never</source>
        <translation>在空的日期栏中按 N 即回答“从未”</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Pick a date from a calendar</source>
        <translation>从日历中选择日期</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
</context>
<context>
    <name>DateTimeEditor</name>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>Time of %s</source>
        <translation>%s 的时间</translation>
    </message>
</context>
<context>
    <name>EnrolmentDialog</name>
    <message>
        <source>Enrolment outcome — %1</source>
        <extracomment>the value typed was refused, or a refused one is gone (`refused_text` says which)</extracomment>
        <translation>入组结果 — %1</translation>
    </message>
    <message>
        <source>&amp;Enrolled (randomised)</source>
        <extracomment>the window&apos;s answers, for an editor that offers to start from another fact&apos;s (set by the view) fact type (the protocol&apos;s `type:`) -&gt; its editor What the dialog hands the site service, as `Desk.record_enrolment` takes it.</extracomment>
        <translation>已入组（已随机）(&amp;E)</translation>
    </message>
    <message>
        <source>N&amp;ot enrolled</source>
        <translation>未入组(&amp;O)</translation>
    </message>
    <message>
        <source>Randomisation number</source>
        <translation>随机号</translation>
    </message>
    <message>
        <source>Reason not enrolled</source>
        <translation>未入组原因</translation>
    </message>
    <message>
        <source>Reason in words</source>
        <translation>原因说明</translation>
    </message>
    <message>
        <source>required with “other”</source>
        <translation>选“其他”时必填</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>更改原因</translation>
    </message>
    <message>
        <source>Randomisation &amp;number:</source>
        <translation>随机号(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>In &amp;words:</source>
        <translation>说明(&amp;W)：</translation>
    </message>
    <message>
        <source>Recorded now: %1. A change keeps it in the history, with your reason.</source>
        <translation>当前记录：%1。更改后原记录连同您的原因保留在历史中。</translation>
    </message>
    <message>
        <source>Reason for the &amp;change:</source>
        <translation>更改原因(&amp;C)：</translation>
    </message>
    <message>
        <source>Why it was not recorded</source>
        <translation>未记录的原因</translation>
    </message>
    <message>
        <source>Re&amp;cord</source>
        <translation>记录(&amp;C)</translation>
    </message>
    <message>
        <source>The date is written YYYY-MM-DD.</source>
        <translation>日期格式为 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>Choose the reason</source>
        <translation>请选择原因</translation>
    </message>
    <message>
        <source>Choose the reason from the list.</source>
        <translation>请从列表中选择原因。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Set up trialdesk</source>
        <translation>设置 trialdesk</translation>
    </message>
    <message>
        <source>This site has no accounts yet. Create the first one: the site administrator, who then adds the coordinators and investigators. Give your full name: it is recorded with everything you do here and is never given to anyone else.</source>
        <translation>本站点还没有任何账户。请创建第一个账户：站点管理员，之后由其添加协调员和研究者。请填写您的全名：您在此所做的一切都将以此姓名记录，且此姓名不会再分配给他人。</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>at least %d characters</source>
        <translation>至少 %d 个字符</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>全名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>再次输入密码(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation>创建管理员(&amp;C)</translation>
    </message>
</context>
<context>
    <name>InvolvedJointPicker</name>
    <message>
        <source>involved</source>
        <extracomment>the filter is in place this long after the lock is made even if the window is not painted by then</extracomment>
        <translation>受累</translation>
    </message>
    <message>
        <source>not involved</source>
        <translation>未受累</translation>
    </message>
</context>
<context>
    <name>InvolvedJointsEditor</name>
    <message>
        <source>Date of the assessment of %s</source>
        <translation>%s 的评估日期</translation>
    </message>
    <message>
        <source>Date of the assessment</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <source>Copy today&apos;s examination</source>
        <translation>复制今日关节检查</translation>
    </message>
    <message>
        <source>Start from the joints tender or swollen in “%s”, then change what the assessment&apos;s source document gives otherwise</source>
        <translation>以“%s”中压痛或肿胀的关节为起点，再按该次评估的源文件修改不同之处</translation>
    </message>
    <message>
        <source>Copy today&apos;s examination into %s</source>
        <translation>将今日关节检查复制到 %s</translation>
    </message>
    <message>
        <source>Recorded as:</source>
        <translation>记录方式：</translation>
    </message>
    <message>
        <source>Joints marked</source>
        <translation>逐个标记关节</translation>
    </message>
    <message>
        <source>Counts of large and small joints</source>
        <translation>大、小关节数目</translation>
    </message>
    <message>
        <source>Not documented</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Joints involved in %s</source>
        <translation>%s 的受累关节</translation>
    </message>
    <message>
        <source>Click, T or Space: involved (tender or swollen at the assessment) · arrows move</source>
        <translation>单击、T 或空格：受累（该次评估时压痛或肿胀）· 方向键移动</translation>
    </message>
    <message>
        <source>Large joints involved</source>
        <translation>受累大关节数</translation>
    </message>
    <message>
        <source>of %d large joints</source>
        <translation>（共 %d 个大关节）</translation>
    </message>
    <message>
        <source>Small joints involved</source>
        <translation>受累小关节数</translation>
    </message>
    <message>
        <source>of %d small joints</source>
        <translation>（共 %d 个小关节）</translation>
    </message>
    <message>
        <source>Involved: %1 (large %2, small %3)</source>
        <translation>受累：%1 个（大关节 %2，小关节 %3）</translation>
    </message>
    <message>
        <source>“%s” is not entered yet: there is nothing to copy.</source>
        <translation>“%s”尚未录入：没有可复制的内容。</translation>
    </message>
    <message>
        <source>Copied from “%1”: %2 joints. Change them where the assessment&apos;s source document gives otherwise.</source>
        <translation>已从“%1”复制 %2 个关节。该次评估的源文件记录不同之处，请据此修改。</translation>
    </message>
</context>
<context>
    <name>JointPicker</name>
    <message>
        <source>tender</source>
        <translation>压痛</translation>
    </message>
    <message>
        <source>swollen</source>
        <translation>肿胀</translation>
    </message>
    <message>
        <source>not affected</source>
        <translation>未受累</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>JointsEditor</name>
    <message>
        <source>Click: tender · Right-click or Shift+click: swollen · Keyboard: arrows move, T or Space tender, S swollen</source>
        <translation>单击：压痛 · 右键或 Shift+单击：肿胀 · 键盘：方向键移动，T 或空格标记压痛，S 标记肿胀</translation>
    </message>
    <message>
        <source>Examined: no joint tender or swollen</source>
        <translation>已检查：无关节压痛或肿胀</translation>
    </message>
    <message>
        <source>Tender: %1 (28-joint count %2) · Swollen: %3 (28-joint count %4)</source>
        <translation>压痛：%1（28 关节计数 %2）· 肿胀：%3（28 关节计数 %4）</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>trialdesk is locked</source>
        <translation>trialdesk 已锁定</translation>
    </message>
    <message>
        <source>Locked: %1 (%2) is signed in</source>
        <translation>已锁定：当前登录者为 %1（%2）</translation>
    </message>
    <message>
        <source>The window locked itself after a time without use; everything entered is saved. Type your password to go on, or sign in as someone else: the work open now is then closed.</source>
        <translation>窗口因一段时间未使用已自动锁定；所有已录入内容均已保存。请输入密码继续，或以他人身份登录：届时当前打开的工作将被关闭。</translation>
    </message>
    <message>
        <source>Password of %s</source>
        <translation>%s 的密码</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Sign in as &amp;someone else…</source>
        <translation>以他人身份登录(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit trialdesk</source>
        <translation>退出 trialdesk(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>All statuses</source>
        <extracomment>How long the list waits, once shown or changed, before it reads the time spent on each screening shown and works out what each still leaves open (also the pause while someone types a search). The columns left to right (the model&apos;s own order is kept for those who read it by number). What a column&apos;s width is measured on, beside its header: the widest text it usually holds (measuring every row of a long log, ResizeToContents, costs more than the rest of start-up). Room beside a cell&apos;s text, and beside a header&apos;s (its sort arrow)</extracomment>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>状态筛选</translation>
    </message>
    <message>
        <source>Search screening number or initials</source>
        <translation>搜索筛选号或姓名缩写</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Screening log</source>
        <translation>筛选日志</translation>
    </message>
    <message>
        <source>%d screenings</source>
        <translation>共 %d 例筛选</translation>
    </message>
    <message>
        <source>Enter opens the screening when only one matches, else goes to the list</source>
        <translation>仅有一例匹配时，按 Enter 直接打开该筛选；否则转到列表</translation>
    </message>
    <message>
        <source>Screenings listed</source>
        <translation>所列筛选</translation>
    </message>
    <message>
        <source>Print s&amp;ummary…</source>
        <translation>打印摘要(&amp;U)…</translation>
    </message>
    <message>
        <source>Print the summary of the selected screening</source>
        <translation>打印所选筛选的摘要</translation>
    </message>
    <message>
        <source>The selected screening on one page: its result, what decides it and what is still open (Ctrl+P)</source>
        <translation>所选筛选的单页摘要：总体结论、决定结论的标准及尚未判定的标准（Ctrl+P）</translation>
    </message>
    <message>
        <source>Sea&amp;rch:</source>
        <translation>搜索(&amp;R)：</translation>
    </message>
    <message>
        <source>Enter opens the screening; Ctrl+P prints its summary. ← and → choose a column, Ctrl+Shift+S sorts by it, again the other way.</source>
        <translation>Enter 打开筛选；Ctrl+P 打印其摘要。用 ← 和 → 选择一列，Ctrl+Shift+S 按该列排序，再按一次则反向排序。</translation>
    </message>
    <message>
        <source>Columns of the screening log</source>
        <translation>筛选日志的各列</translation>
    </message>
    <message>
        <source>1 screening</source>
        <translation>共 1 例筛选</translation>
    </message>
    <message>
        <source>sorted by %1, descending</source>
        <translation>按%1降序排列</translation>
    </message>
    <message>
        <source>sorted by %1, ascending</source>
        <translation>按%1升序排列</translation>
    </message>
    <message>
        <source>The log cannot be sorted by “%1”</source>
        <translation>筛选日志不能按“%1”排序</translation>
    </message>
    <message>
        <source>Summary of screening %1</source>
        <translation>筛选 %1 的摘要</translation>
    </message>
    <message>
        <source>%1 of %2 subjects</source>
        <translation>%1，共 %2 名受试者</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Protocol</source>
        <extracomment>how a not-applicable criterion looks: it passes, but it was not tested, so it is not a tick</extracomment>
        <translation>方案</translation>
    </message>
    <message>
        <source>Data: %s</source>
        <translation>数据：%s</translation>
    </message>
    <message>
        <source>&amp;New screening…</source>
        <translation>新建筛选(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open protocol file…</source>
        <translation>打开方案文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Screening &amp;log</source>
        <translation>筛选日志(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Back up the database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About trialdesk</source>
        <translation>关于 trialdesk(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Open a protocol file</source>
        <translation>打开方案文件</translation>
    </message>
    <message>
        <source>Protocol files (*.yaml *.yml)</source>
        <translation>方案文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Protocol file refused</source>
        <translation>方案文件被拒绝</translation>
    </message>
    <message>
        <source>This file cannot be used as a protocol:</source>
        <translation>此文件不能用作方案：</translation>
    </message>
    <message>
        <source>Not created</source>
        <translation>未创建</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>SQLite database (*.sqlite3)</source>
        <translation>SQLite 数据库 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>Backed up to %s</source>
        <translation>已备份至 %s</translation>
    </message>
    <message>
        <source>Protocol version</source>
        <translation>方案版本</translation>
    </message>
    <message>
        <source>Offline eligibility screening</source>
        <translation>离线入选资格筛选</translation>
    </message>
    <message>
        <source>About trialdesk</source>
        <translation>关于 trialdesk</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>当前登录：%1（%2）</translation>
    </message>
    <message>
        <source>Loc&amp;k now</source>
        <translation>立即锁定(&amp;K)</translation>
    </message>
    <message>
        <source>Not opened</source>
        <translation>未打开</translation>
    </message>
    <message>
        <source>trialdesk — locked</source>
        <translation>trialdesk — 已锁定</translation>
    </message>
    <message>
        <source>Read only: nothing can be saved. %s</source>
        <extracomment>what a window manager&apos;s frame and title bar may add around a window before it is shown (once shown, the frame is measured)</extracomment>
        <translation>只读：无法保存任何内容。%s</translation>
    </message>
    <message>
        <source>The protocol&apos;s example subjects cannot be read (trialdesk protocol test says why)</source>
        <translation>无法读取该方案的示例受试者（trialdesk protocol test 会说明原因）</translation>
    </message>
    <message>
        <source>The protocol has no example subjects</source>
        <translation>该方案没有示例受试者</translation>
    </message>
    <message>
        <source>%d of %d example subjects agree</source>
        <translation>%d / %d 个示例受试者的结果一致</translation>
    </message>
    <message>
        <source>New screening %s</source>
        <translation>新建筛选 %s</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Pro&amp;tocol:</source>
        <translation>方案(&amp;T)：</translation>
    </message>
    <message>
        <source>Yes/no &amp;checklist…</source>
        <translation>是/否标准核对表(&amp;C)…</translation>
    </message>
    <message>
        <source>Export the screening and enrolment log as &amp;PDF…</source>
        <translation>导出筛选与入组日志为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Export the screening and enrolment log as CS&amp;V…</source>
        <translation>导出筛选与入组日志为 CSV(&amp;V)…</translation>
    </message>
    <message>
        <source>Record &amp;enrolment…</source>
        <translation>记录入组(&amp;E)…</translation>
    </message>
    <message>
        <source>Record &amp;not enrolled…</source>
        <translation>记录未入组(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Re-screen the subject…</source>
        <translation>对受试者重新筛选(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;CONSORT counts</source>
        <translation>CONSORT 计数(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Pre-screening from a clinic list</source>
        <translation>按门诊名单预筛(&amp;P)</translation>
    </message>
    <message>
        <source>Sub&amp;ject</source>
        <translation>受试者(&amp;J)</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Choose a screening in the log first</source>
        <translation>请先在日志中选择一条筛选</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Not re-screened</source>
        <translation>未重新筛选</translation>
    </message>
    <message>
        <source>Saved %s</source>
        <translation>已保存 %s</translation>
    </message>
    <message>
        <source>Pre-screening</source>
        <translation>预筛</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export the screening and enrolment log</source>
        <translation>导出筛选与入组日志</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <source>Re-screening of %1 — %2</source>
        <translation>%1 的重新筛选 — %2</translation>
    </message>
</context>
<context>
    <name>MedicationEditor</name>
    <message>
        <source>None taken</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>Drug · dose · unit · route · start · last dose change · stop (empty while taken); dates YYYY-MM-DD</source>
        <translation>药物 · 剂量 · 单位 · 途径 · 开始 · 最近剂量调整 · 停用（仍在使用则留空）；日期格式 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Add a course</source>
        <translation>添加用药记录</translation>
    </message>
    <message>
        <source>One line per drug and dose: %s (stop empty while taken); dates YYYY-MM-DD.</source>
        <translation>每种药物每个剂量一行：%s（仍在使用时停药日期留空）；日期格式 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>A drug not on the list: choose “Other drug…” and type its name as written; it is counted in no class.</source>
        <translation>列表中没有的药物：选择“其他药物…”并按原文输入其名称；它不计入任何药物类别。</translation>
    </message>
    <message>
        <source>A dose change is a new line: the old line stops the day before the change, the new one starts on the day of the change.</source>
        <translation>剂量改变即另起一行：原行在改变前一天停用，新行从改变当天开始。</translation>
    </message>
    <message>
        <source>Dose, unit and route may be left empty where the record does not give them.</source>
        <translation>记录中未给出剂量、单位或途径时可留空。</translation>
    </message>
    <message>
        <source>Ctrl+Delete in a line removes it.</source>
        <translation>在某一行中按 Ctrl+Delete 可删除该行。</translation>
    </message>
</context>
<context>
    <name>NewScreeningDialog</name>
    <message>
        <source>New screening — %s</source>
        <translation>新建筛选 — %s</translation>
    </message>
    <message>
        <source>Screening &amp;number</source>
        <translation>筛选号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Initials</source>
        <translation>姓名缩写(&amp;I)</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>出生日期(&amp;B)</translation>
    </message>
    <message>
        <source>Se&amp;x</source>
        <translation>性别(&amp;X)</translation>
    </message>
    <message>
        <source>Screening &amp;date</source>
        <translation>筛选日期(&amp;D)</translation>
    </message>
    <message>
        <source>Informed &amp;consent date</source>
        <translation>知情同意日期(&amp;C)</translation>
    </message>
    <message>
        <source>Consent form &amp;version</source>
        <translation>知情同意书版本(&amp;V)</translation>
    </message>
    <message>
        <source>Start screening</source>
        <translation>开始筛选</translation>
    </message>
    <message>
        <source>&amp;Female</source>
        <translation>女(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Male</source>
        <translation>男(&amp;M)</translation>
    </message>
    <message>
        <source>Protocol version for %1: %2, %3</source>
        <translation>适用于 %1 的方案版本：%2，%3</translation>
    </message>
    <message>
        <source>Version %1, in force on %2, is withdrawn: no new screening starts under it. Versions: %3</source>
        <translation>版本 %1（于 %2 生效）已撤回：不能在此版本下开始新的筛选。版本：%3</translation>
    </message>
    <message>
        <source>No version of %1 is in force on %2. Versions: %3</source>
        <translation>%1 在 %2 没有生效的版本。版本：%3</translation>
    </message>
    <message>
        <source>valid %1 to %2</source>
        <translation>有效期 %1 至 %2</translation>
    </message>
    <message>
        <source>valid from %1</source>
        <translation>自 %1 起有效</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>有效至 %1</translation>
    </message>
    <message>
        <source>valid on any date</source>
        <translation>任何日期均有效</translation>
    </message>
    <message>
        <source>, withdrawn</source>
        <translation>，已撤回</translation>
    </message>
    <message>
        <source>The subject&apos;s details</source>
        <translation>受试者信息</translation>
    </message>
    <message>
        <source>Unusual, to be confirmed when the screening starts: %s</source>
        <translation>不常见，开始筛选时需确认：%s</translation>
    </message>
    <message>
        <source>Only to suggest the initials in the four-box form (张三丰 → ZSFE): the name is not kept, and is cleared when this window closes. Initials typed by hand are kept.</source>
        <translation>仅用于按四格规则建议姓名缩写（张三丰 → ZSFE）：姓名不会保存，关闭此窗口时即清除。手动输入的缩写会保留。</translation>
    </message>
    <message>
        <source>Chinese name (not stored)</source>
        <translation>中文姓名（不保存）</translation>
    </message>
    <message>
        <source>C&amp;hinese name (not stored)</source>
        <translation>中文姓名（不保存）(&amp;H)</translation>
    </message>
    <message>
        <source>Not in the four-box form of a Chinese name (four capital letters, as ZSFE or WAE-)</source>
        <translation>不符合中文姓名的四格缩写形式（四个大写字母，如 ZSFE 或 WAE-）</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <source>Unit of %s</source>
        <translation>%s 的单位</translation>
    </message>
    <message>
        <source>ULN</source>
        <translation>ULN</translation>
    </message>
    <message>
        <source>The laboratory&apos;s upper limit of normal, printed with the result</source>
        <translation>检验报告上与结果一同打印的正常值上限</translation>
    </message>
    <message>
        <source>Upper limit of normal of %s</source>
        <translation>%s 的正常值上限</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Result of %s</source>
        <translation>%s 的结果</translation>
    </message>
    <message>
        <source>A value, or the result as the report gives it instead of one</source>
        <translation>数值；报告未给出数值时，选择报告给出的结果</translation>
    </message>
    <message>
        <source>Choose the unit the report gives before typing the value</source>
        <translation>先选择报告所用的单位，再填写数值</translation>
    </message>
</context>
<context>
    <name>PrescreenModel</name>
    <message>
        <source>screening started as %1</source>
        <extracomment>the order of results when sorted by what is missing: who could be eligible first</extracomment>
        <translation>已开始筛选，编号 %1</translation>
    </message>
    <message>
        <source>pre-screened on %1</source>
        <translation>已于 %1 预筛</translation>
    </message>
    <message>
        <source>could be eligible</source>
        <translation>可能符合</translation>
    </message>
    <message>
        <source>not eligible</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
</context>
<context>
    <name>PrescreenPage</name>
    <message>
        <source>&amp;Import clinic list…</source>
        <extracomment>a candidate&apos;s answers (fact id -&gt; stored form, as `Desk.start_screening` takes them) and the id of their recorded pre-screening, to start a screening with</extracomment>
        <translation>导入门诊名单(&amp;I)…</translation>
    </message>
    <message>
        <source>A CSV file: the candidate id, then one column per fact id</source>
        <translation>CSV 文件：第一列为候选人编号，其后每列一个事实编号</translation>
    </message>
    <message>
        <source>Decide on</source>
        <translation>判定日期</translation>
    </message>
    <message>
        <source>&amp;Decide on:</source>
        <translation>判定日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Hide not eli&amp;gible</source>
        <translation>隐藏不符合者(&amp;G)</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>排序依据</translation>
    </message>
    <message>
        <source>Sort &amp;by:</source>
        <translation>排序依据(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Reversed</source>
        <translation>倒序(&amp;R)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>候选人</translation>
    </message>
    <message>
        <source>St&amp;art screening…</source>
        <translation>开始筛选(&amp;A)…</translation>
    </message>
    <message>
        <source>Record the pre-screening and open a new screening with the candidate&apos;s answers</source>
        <translation>记录预筛并以该候选人的答案新建筛选</translation>
    </message>
    <message>
        <source>Record &amp;outcome…</source>
        <translation>记录结局(&amp;O)…</translation>
    </message>
    <message>
        <source>Declined before consent, not approached, or another outcome</source>
        <translation>知情同意前拒绝、未接触或其他结局</translation>
    </message>
    <message>
        <source>Import a clinic list</source>
        <translation>导入门诊名单</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The date to decide on is written YYYY-MM-DD.</source>
        <translation>判定日期的格式为 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>Record outcome</source>
        <translation>记录结局</translation>
    </message>
    <message>
        <source>What became of candidate %1?</source>
        <translation>候选人 %1 的结局是什么？</translation>
    </message>
    <message>
        <source>The outcome, in words:</source>
        <translation>请用文字说明结局：</translation>
    </message>
    <message>
        <source>Recorded for candidate %1: %2</source>
        <translation>已为候选人 %1 记录：%2</translation>
    </message>
    <message>
        <source>could be eligible</source>
        <translation>可能合格</translation>
    </message>
    <message>
        <source>screening started as S-0000</source>
        <translation>已开始筛选，编号 S-0000</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>PgDn: next page, PgUp: previous page, Home: first, End: last</source>
        <translation>PgDn：下一页；PgUp：上一页；Home：第一页；End：最后一页</translation>
    </message>
</context>
<context>
    <name>QWidget</name>
    <message>
        <source>Something went wrong</source>
        <translation>出现问题</translation>
    </message>
    <message>
        <source>trialdesk met an unexpected problem (reference %1). Everything entered up to now is saved. The details are in %2; please pass the reference on to whoever supports trialdesk at your site.</source>
        <translation>trialdesk 遇到意外问题（编号 %1）。此前录入的所有内容均已保存。详细信息见 %2；请将该编号告知本中心的 trialdesk 支持人员。</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>ScreeningLogTableModel</name>
    <message>
        <source>Screening no.</source>
        <translation>筛选号</translation>
    </message>
    <message>
        <source>Initials</source>
        <translation>姓名缩写</translation>
    </message>
    <message>
        <source>Screening date</source>
        <translation>筛选日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S sorts the log by the column of the current cell (choose it with ← and →); again reverses the order. A click on the header does too.</source>
        <extracomment>The first page is what a tall screen shows, and then some: the rest comes as the view scrolls.</extracomment>
        <translation>Ctrl+Shift+S 按当前单元格所在的列对日志排序（用 ← 和 → 选择列）；再按一次则反向排序。单击列标题亦可排序。</translation>
    </message>
    <message>
        <source>Excluded by</source>
        <translation>导致排除的标准</translation>
    </message>
    <message>
        <source>The criteria that exclude the subject: an inclusion not met, an exclusion that applies</source>
        <translation>导致受试者被排除的标准：未符合的入选标准，或适用的排除标准</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>知情同意日期</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>尚未判定</translation>
    </message>
    <message>
        <source>The criteria not decided yet, and those waiting for a date still to come, of a screening still being entered or found ineligible. Worked out from its answers once the list is shown, so the log cannot be sorted by it.</source>
        <translation>仍在录入或已判定不合格的筛选中尚未判定的标准，以及等待未来日期的标准。列表显示后才根据其答案推算，因此日志不能按此列排序。</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>Who started the screening, then anyone else whose answers it holds (sorted by who started it)</source>
        <translation>开始该筛选的人，其后为录入了其中答案的其他人（按开始筛选的人排序）</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签署</translation>
    </message>
    <message>
        <source>The investigator who signed the worksheet, and when (local time where it was signed)</source>
        <translation>签署核查表的研究者及签署时间（签署地的当地时间）</translation>
    </message>
    <message>
        <source>Time spent</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Time at work on the screening: its audit trail&apos;s entries taken sitting by sitting, any pause of more than %1 minutes between two entries left out (from the first entry to the last would count nights and days off)</source>
        <translation>在该筛选上的工作时间：按稽查轨迹的记录逐段累计，两条记录之间超过 %1 分钟的间隔不计入（若从第一条记录算到最后一条，夜间和休息日也会被计入）</translation>
    </message>
    <message>
        <source>&lt; 1 min</source>
        <extracomment>screening id → (its last audit entry when worked out, what is still open; None: unreadable protocol) screening id → (its last audit entry when read, the time spent on it; None: no audit entry)</extracomment>
        <translation>不到 1 分钟</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>waiting for a date: %1</source>
        <translation>等待日期：%1</translation>
    </message>
    <message>
        <source>Being worked out from the answers</source>
        <translation>正在根据答案推算</translation>
    </message>
    <message>
        <source>The protocol file this screening was started under cannot be read</source>
        <translation>无法读取该筛选开始时所依据的方案文件</translation>
    </message>
    <message>
        <source>Data entry completed by %1 on %2</source>
        <translation>数据录入由 %1 于 %2 完成</translation>
    </message>
    <message>
        <source>Signed by %1 on %2</source>
        <translation>由 %1 于 %2 签署</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Where the subject stands: consented and being screened, screened and awaiting the investigator&apos;s decision, eligible (signed) or screen failure, then enrolled or not enrolled with its reason; a re-screening says its attempt</source>
        <translation>受试者所处阶段：已知情同意、筛选中；已筛选、待研究者判定；合格（已签署）或筛选失败；然后已入组，或未入组及其原因；重新筛选注明第几次</translation>
    </message>
    <message>
        <source> (attempt %1)</source>
        <translation>（第 %1 次）</translation>
    </message>
</context>
<context>
    <name>ScreeningView</name>
    <message>
        <source>&amp;Correct…</source>
        <extracomment>Refusals after which the session has read the screening again: what it shows is the stored state. Refusals about the password or the account itself: shown beside the password field. Refusals about the signing certificate: shown beside the identity file.</extracomment>
        <translation>更正(&amp;C)…</translation>
    </message>
    <message>
        <source>Open a new version of this signed screening, citing it</source>
        <translation>开启此已签署筛选的新版本，并引用本版本</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>◀ &amp;Back</source>
        <translation>◀ 上一条(&amp;B)</translation>
    </message>
    <message>
        <source>Previous criterion (Alt+Left, Page Up)</source>
        <translation>上一条标准（Alt+左方向键，Page Up）</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>下一条(&amp;N) ▶</translation>
    </message>
    <message>
        <source>, version %d, corrects an earlier version: %s</source>
        <translation>，第 %d 版，更正先前版本：%s</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · born %3 · %4 · screened %5 · consent %6 (form %7) · %8 %9%10</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · 出生 %3 · %4 · 筛选 %5 · 知情同意 %6（同意书 %7）· %8 %9%10</translation>
    </message>
    <message>
        <source>This screening is %s and locked: nothing in it can change. A correction opens a new version that cites this one.</source>
        <translation>此筛选%s并已锁定：其中内容均不能修改。更正将开启引用本版本的新版本。</translation>
    </message>
    <message>
        <source>Summary: %s</source>
        <translation>汇总：%s</translation>
    </message>
    <message>
        <source>Criterion %1 of %2</source>
        <translation>第 %1 条，共 %2 条</translation>
    </message>
    <message>
        <source>Reason for change</source>
        <translation>修改原因</translation>
    </message>
    <message>
        <source>“%s” was entered earlier. Changing it is recorded in the audit trail with the old value, the new value and your reason.</source>
        <translation>“%s”已于先前录入。修改将连同原值、新值和您的原因记录在稽查轨迹中。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Not eligible: %s</source>
        <translation>不合格：%s</translation>
    </message>
    <message>
        <source>Record screen failure</source>
        <translation>记录筛选失败</translation>
    </message>
    <message>
        <source>The subject will be listed as a screen failure in the screening log, with this reason.</source>
        <translation>该受试者将在筛选日志中记为筛选失败，并附此原因。</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <source>The worksheet is signed and filed: %s</source>
        <translation>核查表已签署并归档：%s</translation>
    </message>
    <message>
        <source>Correct a signed screening</source>
        <translation>更正已签署的筛选</translation>
    </message>
    <message>
        <source>A new version of this screening opens with the same answers. It cites this version, which stays as it was with its signed worksheet; the new version must be signed again.</source>
        <translation>将开启此筛选的新版本，答案相同。新版本引用本版本；本版本及其已签署的核查表保持不变；新版本须重新签署。</translation>
    </message>
    <message>
        <source>You can read this screening but not change it: %s</source>
        <translation>您可以查看但不能修改本次筛选：%s</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>未签名</translation>
    </message>
    <message>
        <source>Not corrected</source>
        <translation>未更正</translation>
    </message>
    <message>
        <source>The site&apos;s database is open for reading only: nothing in this screening can be changed here (%s).</source>
        <translation>本中心的数据库以只读方式打开：此处无法更改该筛选的任何内容（%s）。</translation>
    </message>
    <message>
        <source>“%1” was entered by %2 (%3). Changing it is recorded in the audit trail with the old value, the new value and your reason.</source>
        <translation>“%1”由 %2 录入（%3）。更改将连同旧值、新值和您的理由记入稽查轨迹。</translation>
    </message>
    <message>
        <source>Unusual, to be confirmed when you leave the field: %s</source>
        <translation>数值不常见，离开此栏时需确认：%s</translation>
    </message>
    <message>
        <source>Not saved, not confirmed: %s</source>
        <translation>未保存，未确认：%s</translation>
    </message>
    <message>
        <source>Next criterion (Alt+Right, Page Down); the next one still open: %s</source>
        <translation>下一条标准（Alt+右方向键，Page Down）；下一条尚未判定的标准：%s</translation>
    </message>
    <message>
        <source>Cr&amp;iteria</source>
        <translation>标准(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Next open criterion</source>
        <translation>下一条尚未判定的标准(&amp;N)</translation>
    </message>
    <message>
        <source>Nothing entered in this sitting to undo</source>
        <translation>本次录入没有可撤销的修改</translation>
    </message>
    <message>
        <source>Source document for %s</source>
        <translation>%s 的源文件</translation>
    </message>
    <message>
        <source>&amp;Undo: %s</source>
        <translation>撤销(&amp;U)：%s</translation>
    </message>
    <message>
        <source>Take back the last change made in this sitting: %s (Ctrl+Z)</source>
        <translation>撤销本次录入的最后一项修改：%s（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Undo: %s</source>
        <translation>撤销：%s</translation>
    </message>
    <message>
        <source>Not undone</source>
        <translation>未撤销</translation>
    </message>
    <message>
        <source>Undone: %1 is %2 again</source>
        <translation>已撤销：%1 恢复为 %2</translation>
    </message>
    <message>
        <source>Undone: the source document for %1 is “%2” again</source>
        <translation>已撤销：%1 的源文件恢复为“%2”</translation>
    </message>
    <message>
        <source>Undone: the source document for %s is empty again</source>
        <translation>已撤销：%s 的源文件恢复为空</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Review and sign — %s</source>
        <translation>审阅并签署 — %s</translation>
    </message>
    <message>
        <source>Worksheet preview</source>
        <translation>核查表预览</translation>
    </message>
    <message>
        <source>Identity file</source>
        <translation>身份文件</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Meaning of the signature</source>
        <translation>签名含义</translation>
    </message>
    <message>
        <source>&amp;Identity file:</source>
        <translation>身份文件(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Meaning:</source>
        <translation>含义(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>签署(&amp;S)</translation>
    </message>
    <message>
        <source>PKCS#12 identity (*.p12 *.pfx)</source>
        <translation>PKCS#12 身份文件 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>The identity file cannot be read: %s</source>
        <translation>无法读取身份文件：%s</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>您的密码</translation>
    </message>
    <message>
        <source>Your pass&amp;word:</source>
        <translation>您的密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Signing records your name (%1, %2), the date and time and this meaning on the worksheet and in a digital (PAdES) signature. It takes both your password and your certificate&apos;s passphrase. The screening is then locked.</source>
        <translation>签名会将您的姓名（%1，%2）、日期时间及此含义记录在核查表和数字签名（PAdES）中。签名需要您的密码和证书口令两者。签名后本次筛选即被锁定。</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Choose the identity file</source>
        <translation>选择身份文件</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Certificate &amp;passphrase:</source>
        <translation>证书口令(&amp;P)：</translation>
    </message>
    <message>
        <source>Pap&amp;er:</source>
        <translation>纸张(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — trialdesk</source>
        <translation>登录 — trialdesk</translation>
    </message>
    <message>
        <source>Choose your name and type your password. Everything you enter is recorded under your name.</source>
        <translation>请选择您的姓名并输入密码。您录入的一切都将以您的姓名记录。</translation>
    </message>
    <message>
        <source>Choose your name</source>
        <translation>选择您的姓名</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>&amp;Review and sign…</source>
        <translation>审阅并签署(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Print worksheet…</source>
        <translation>打印核查表(&amp;P)…</translation>
    </message>
    <message>
        <source>Go to %s</source>
        <translation>转到 %s</translation>
    </message>
    <message>
        <source>Overall: %s</source>
        <translation>总体结论：%s</translation>
    </message>
    <message>
        <source>Status: %s</source>
        <translation>状态：%s</translation>
    </message>
    <message>
        <source>Every criterion is decided and none excludes.</source>
        <translation>所有标准均已判定，无排除项。</translation>
    </message>
    <message>
        <source>Only a decided screening that is not yet signed can be signed</source>
        <translation>只有已判定且尚未签署的筛选才能签署</translation>
    </message>
    <message>
        <source>Co&amp;mplete…</source>
        <translation>完成录入(&amp;M)…</translation>
    </message>
    <message>
        <source>Sign, with your password, that the data entry is complete</source>
        <translation>用您的密码签署：数据录入已完成</translation>
    </message>
    <message>
        <source>Not completed</source>
        <translation>未完成录入</translation>
    </message>
    <message>
        <source>Completed by %1, %2, %3, %4</source>
        <translation>录入完成人：%1，%2，%3，%4</translation>
    </message>
    <message>
        <source>Only a decided screening you may change, not completed since its last change, is completed</source>
        <translation>只有您可修改、已有结论且自上次修改后尚未完成录入的筛选才能完成录入</translation>
    </message>
    <message>
        <source>Not applicable, counted as passing: %d</source>
        <translation>不适用（按通过计）：%d</translation>
    </message>
    <message>
        <source>Summary</source>
        <extracomment>How far a reference count may move over a soak and still be sound (allocation noise).</extracomment>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Record &amp;screen failure…</source>
        <translation>记录筛选失败(&amp;S)…</translation>
    </message>
    <message>
        <source>Criteria that exclude or are still open: %d</source>
        <translation>导致排除或尚未判定的标准：%d</translation>
    </message>
</context>
<context>
    <name>WorkingDialog</name>
    <message>
        <source>Type your password</source>
        <extracomment>the changes someone else made meanwhile, when the store refused the action for them (the dialog then closes: its owner shows the changes and redraws before the person tries again)</extracomment>
        <translation>请输入您的密码</translation>
    </message>
</context>
<context>
    <name>YesNoEditor</name>
    <message>
        <source>Yes</source>
        <extracomment>the key of each answer, shown beside its word</extracomment>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不详</translation>
    </message>
</context>
<context>
    <name>age.at_least</name>
    <message>
        <source>at least {min}</source>
        <translation>至少 {min}</translation>
    </message>
</context>
<context>
    <name>age.at_most</name>
    <message>
        <source>at most {max}</source>
        <translation>至多 {max}</translation>
    </message>
</context>
<context>
    <name>age.between</name>
    <message>
        <source>{min}–{max}</source>
        <translation>{min}–{max}</translation>
    </message>
</context>
<context>
    <name>age.fails</name>
    <message>
        <source>age {age} in completed years on {on} (born {born}) is outside {min}–{max}</source>
        <translation>{on} 的周岁年龄 {age}（出生于 {born}）不在 {min}–{max} 范围内</translation>
    </message>
</context>
<context>
    <name>age.holds</name>
    <message>
        <source>age {age} in completed years on {on} (born {born}) is within {min}–{max}</source>
        <translation>{on} 的周岁年龄 {age}（出生于 {born}）在 {min}–{max} 范围内</translation>
    </message>
</context>
<context>
    <name>age_at.fails</name>
    <message>
        <source>age {age} in completed years on {on} (born {born}) is not {bounds}</source>
        <translation>{on} 时年龄 {age} 周岁（出生于 {born}），不满足{bounds}</translation>
    </message>
</context>
<context>
    <name>age_at.holds</name>
    <message>
        <source>age {age} in completed years on {on} (born {born}) is {bounds}</source>
        <translation>{on} 时年龄 {age} 周岁（出生于 {born}），{bounds}</translation>
    </message>
</context>
<context>
    <name>age_early.fails</name>
    <message>
        <source>age {age} on {on} (born {born}) is not {bounds}, so neither on {anchor}</source>
        <translation>{on} 时年龄 {age}（出生于 {born}）不满足{bounds}，因此在 {anchor} 时亦不满足</translation>
    </message>
</context>
<context>
    <name>age_early.holds</name>
    <message>
        <source>age (born {born}) is {bounds} on any date of {anchor} from {on} to {until}</source>
        <translation>年龄（出生于 {born}）在 {anchor} 自 {on} 至 {until} 的任何日期均为{bounds}</translation>
    </message>
</context>
<context>
    <name>agents.any</name>
    <message>
        <source>any drug</source>
        <translation>任何药物</translation>
    </message>
</context>
<context>
    <name>agents.none</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>anchor.screening</name>
    <message>
        <source>the screening date</source>
        <translation>筛选日期</translation>
    </message>
</context>
<context>
    <name>answer</name>
    <message>
        <source>{label}: {answer}</source>
        <translation>{label}：{answer}</translation>
    </message>
</context>
<context>
    <name>answer.converted</name>
    <message>
        <source>{value} {unit} (= {canonical} {canonical_unit})</source>
        <translation>{value} {unit}（= {canonical} {canonical_unit}）</translation>
    </message>
</context>
<context>
    <name>answer.course</name>
    <message>
        <source>{drug} {dose} {unit} {route}, from {start}{change}{stop}</source>
        <translation>{drug} {dose} {unit} {route}，自 {start}{change}{stop}</translation>
    </message>
</context>
<context>
    <name>answer.course_change</name>
    <message>
        <source>, dose unchanged since {date}</source>
        <translation>，自 {date} 起剂量未变</translation>
    </message>
</context>
<context>
    <name>answer.course_ongoing</name>
    <message>
        <source>, ongoing</source>
        <translation>，仍在使用</translation>
    </message>
</context>
<context>
    <name>answer.course_parts</name>
    <message>
        <source>{drug}{details}, from {start}{change}{stop}</source>
        <translation>{drug}{details}，自 {start}{change}{stop}</translation>
    </message>
</context>
<context>
    <name>answer.course_stop</name>
    <message>
        <source>, stopped {date}</source>
        <translation>，{date} 停用</translation>
    </message>
</context>
<context>
    <name>answer.involved_counts</name>
    <message>
        <source>on {date}, {large} large and {small} small joints involved (numbers from the notes)</source>
        <translation>{date}，受累大关节 {large} 个、小关节 {small} 个（病历记录的数目）</translation>
    </message>
</context>
<context>
    <name>answer.involved_joints</name>
    <message>
        <source>on {date}, {count} involved ({large} large, {small} small): {joints}</source>
        <translation>{date}，受累 {count} 个（大关节 {large} 个，小关节 {small} 个）：{joints}</translation>
    </message>
</context>
<context>
    <name>answer.joints</name>
    <message>
        <source>tender ({tender_count}): {tender}; swollen ({swollen_count}): {swollen}</source>
        <translation>压痛（{tender_count}）：{tender}；肿胀（{swollen_count}）：{swollen}</translation>
    </message>
</context>
<context>
    <name>answer.never</name>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>answer.no_joints</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>answer.none_taken</name>
    <message>
        <source>none taken</source>
        <translation>未使用</translation>
    </message>
</context>
<context>
    <name>answer.not_asked</name>
    <message>
        <source>not asked (asked only when {condition})</source>
        <translation>未询问（仅在{condition}时询问）</translation>
    </message>
</context>
<context>
    <name>answer.not_documented</name>
    <message>
        <source>not documented</source>
        <translation>无记录</translation>
    </message>
</context>
<context>
    <name>answer.not_entered</name>
    <message>
        <source>not entered</source>
        <translation>未录入</translation>
    </message>
</context>
<context>
    <name>answer.uln</name>
    <message>
        <source> (ULN {uln} {unit})</source>
        <translation>（ULN {uln} {unit}）</translation>
    </message>
</context>
<context>
    <name>any_of.none</name>
    <message>
        <source>none holds: {parts}</source>
        <translation>均不成立：{parts}</translation>
    </message>
</context>
<context>
    <name>applies_open</name>
    <message>
        <source>to tell whether it applies: {condition}; if it applies: {part}</source>
        <translation>判断是否适用：{condition}；如适用：{part}</translation>
    </message>
</context>
<context>
    <name>asked_only_when</name>
    <message>
        <source>Asked only when {condition}</source>
        <translation>仅在{condition}时询问</translation>
    </message>
</context>
<context>
    <name>at_least</name>
    <message>
        <source>{met} of {of} met (at least {count} needed): {parts}</source>
        <translation>{of} 项中符合 {met} 项（至少需 {count} 项）：{parts}</translation>
    </message>
</context>
<context>
    <name>category.abnormal</name>
    <message>
        <source>abnormal</source>
        <translation>异常</translation>
    </message>
</context>
<context>
    <name>category.high_positive</name>
    <message>
        <source>high positive</source>
        <translation>高滴度阳性</translation>
    </message>
</context>
<context>
    <name>category.low_positive</name>
    <message>
        <source>low positive</source>
        <translation>低滴度阳性</translation>
    </message>
</context>
<context>
    <name>category.negative</name>
    <message>
        <source>negative</source>
        <translation>阴性</translation>
    </message>
</context>
<context>
    <name>category.normal</name>
    <message>
        <source>normal</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>component.acute_phase</name>
    <message>
        <source>acute phase {points}</source>
        <translation>急性期反应物 {points}</translation>
    </message>
</context>
<context>
    <name>component.duration</name>
    <message>
        <source>duration {points}</source>
        <translation>病程 {points}</translation>
    </message>
</context>
<context>
    <name>component.joints</name>
    <message>
        <source>joints {points}</source>
        <translation>关节 {points}</translation>
    </message>
</context>
<context>
    <name>component.serology</name>
    <message>
        <source>serology {points}</source>
        <translation>血清学 {points}</translation>
    </message>
</context>
<context>
    <name>condition.age</name>
    <message>
        <source>the age is {bounds}</source>
        <translation>年龄{bounds}</translation>
    </message>
</context>
<context>
    <name>condition.and</name>
    <message>
        <source> and </source>
        <translation>且</translation>
    </message>
</context>
<context>
    <name>condition.attestation</name>
    <message>
        <source>{label} is answered yes</source>
        <translation>{label}回答为“是”</translation>
    </message>
</context>
<context>
    <name>condition.nested</name>
    <message>
        <source>({part})</source>
        <translation>（{part}）</translation>
    </message>
</context>
<context>
    <name>condition.not</name>
    <message>
        <source>not ({part})</source>
        <translation>并非（{part}）</translation>
    </message>
</context>
<context>
    <name>condition.one_of</name>
    <message>
        <source>{label} is {values}</source>
        <translation>{label}为{values}</translation>
    </message>
</context>
<context>
    <name>condition.or</name>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
</context>
<context>
    <name>condition.other</name>
    <message>
        <source>the protocol&apos;s condition on {facts} holds</source>
        <translation>方案中关于{facts}的条件成立</translation>
    </message>
</context>
<context>
    <name>condition.range</name>
    <message>
        <source>{label} is within {min}–{max}</source>
        <translation>{label}在 {min}–{max} 范围内</translation>
    </message>
</context>
<context>
    <name>condition.threshold</name>
    <message>
        <source>{label} {op} {value}</source>
        <translation>{label} {op} {value}</translation>
    </message>
</context>
<context>
    <name>consort.assessed</name>
    <message>
        <source>Assessed for eligibility (n = {n})</source>
        <translation>评估合格性（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.chart_none</name>
    <message>
        <source>No subject failed a criterion in this period.</source>
        <translation>本期间无受试者未满足标准。</translation>
    </message>
</context>
<context>
    <name>consort.chart_note</name>
    <message>
        <source>Subjects not meeting eligibility criteria, under each criterion they fail (one subject may fail several)</source>
        <translation>不符合标准的受试者，计入其未满足的每一条标准（一名受试者可能不满足多条）</translation>
    </message>
</context>
<context>
    <name>consort.chart_row</name>
    <message>
        <source>{id} {label}: {n}</source>
        <translation>{id} {label}：{n}</translation>
    </message>
</context>
<context>
    <name>consort.chart_title</name>
    <message>
        <source>Screen failures by criterion</source>
        <translation>按标准的筛选失败</translation>
    </message>
</context>
<context>
    <name>consort.declined</name>
    <message>
        <source>Declined to participate (n = {n})</source>
        <translation>拒绝参加（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.def.by_criterion</name>
    <message>
        <source>By criterion: a subject failing several criteria is counted under each, so these counts may add up to more than the subjects not meeting the criteria.</source>
        <translation>按标准：不满足多条标准的受试者在每一条下都计入，因此这些数字之和可能大于不符合标准的受试者人数。</translation>
    </message>
</context>
<context>
    <name>consort.def.declined_other</name>
    <message>
        <source>Declined and other reasons: the reason recorded for not enrolling. It wins over a screening still open: a subject who withdrew consent mid-screening is counted under other reasons.</source>
        <translation>拒绝及其他原因：记录的未入组原因。它优先于仍未结束的筛选：筛选中途撤回知情同意的受试者计入其他原因。</translation>
    </message>
</context>
<context>
    <name>consort.def.enrolled</name>
    <message>
        <source>Enrolled / randomised: an enrolment is recorded, with its number and date; it needs nothing else.</source>
        <translation>入组 / 随机化：已记录入组（含入组号和日期）；无需其他条件。</translation>
    </message>
</context>
<context>
    <name>consort.def.not_meeting</name>
    <message>
        <source>Not meeting eligibility criteria: the latest attempt is ineligible, a recorded screen failure, or signed with a criterion that excludes. This wins over a recorded reason for not enrolling.</source>
        <translation>不符合标准：最近一次筛选为不符合、已记录的筛选失败，或已签署但有排除性标准。此项优先于记录的未入组原因。</translation>
    </message>
</context>
<context>
    <name>consort.def.once</name>
    <message>
        <source>Each subject is counted once, by the newest version of their latest screening attempt; so assessed = excluded + still being screened + enrolled.</source>
        <translation>每名受试者只计一次，依据其最近一次筛选的最新版本；因此评估人数 = 排除 + 仍在筛选 + 入组。</translation>
    </message>
</context>
<context>
    <name>consort.def.prescreened</name>
    <message>
        <source>Pre-screened: a candidate checked against the criteria on their records, before any consent. Each is counted once: screened, else not eligible on records, else declined, not approached or other, else could be eligible with nothing further recorded.</source>
        <translation>预筛选：在任何知情同意之前，按病历对照标准核查的候选人。每人只计一次：已筛选；否则按病历不符合；否则拒绝、未联系或其他；否则为可能符合、尚无后续记录。</translation>
    </message>
</context>
<context>
    <name>consort.def.rescreened</name>
    <message>
        <source>Re-screened: a subject with more than one screening attempt, the attempts linked to the one subject.</source>
        <translation>重新筛选：有不止一次筛选的受试者，这些筛选关联到同一受试者。</translation>
    </message>
</context>
<context>
    <name>consort.def.screened</name>
    <message>
        <source>Screened (assessed for eligibility): a subject who gave informed consent and has a screening, whether or not they were pre-screened.</source>
        <translation>已筛选（评估合格性）：已签署知情同意并有一次筛选的受试者，无论是否经过预筛选。</translation>
    </message>
</context>
<context>
    <name>consort.def.still</name>
    <message>
        <source>Still being screened or awaiting a decision: a screening in progress, eligible but not yet signed, or signed eligible with no enrolment decision recorded.</source>
        <translation>仍在筛选或待决定：筛选进行中、符合但尚未签署，或已签署符合但尚未记录入组决定。</translation>
    </message>
</context>
<context>
    <name>consort.definitions</name>
    <message>
        <source>Definitions</source>
        <translation>定义</translation>
    </message>
</context>
<context>
    <name>consort.enrolled</name>
    <message>
        <source>Enrolled / randomised (n = {n})</source>
        <translation>入组 / 随机化（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.enrolled_failing</name>
    <message>
        <source>of whom {n} with a criterion that excludes: a deviation to review</source>
        <translation>其中 {n} 例有排除性标准：需审查的方案偏离</translation>
    </message>
</context>
<context>
    <name>consort.excluded</name>
    <message>
        <source>Excluded (n = {n})</source>
        <translation>排除（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.from_prescreen</name>
    <message>
        <source>of whom screened (n = {n})</source>
        <translation>其中进入筛选（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.not_meeting</name>
    <message>
        <source>Not meeting eligibility criteria (n = {n})</source>
        <translation>不符合入选/排除标准（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.not_screened</name>
    <message>
        <source>Not screened (n = {n})</source>
        <translation>未进入筛选（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.other_reasons</name>
    <message>
        <source>Other reasons (n = {n})</source>
        <translation>其他原因（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.page</name>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
</context>
<context>
    <name>consort.period</name>
    <message>
        <source>Period: {start} to {end}</source>
        <translation>期间：{start} 至 {end}</translation>
    </message>
</context>
<context>
    <name>consort.period_all</name>
    <message>
        <source>Period: all dates</source>
        <translation>期间：全部日期</translation>
    </message>
</context>
<context>
    <name>consort.period_from</name>
    <message>
        <source>Period: from {start}</source>
        <translation>期间：自 {start} 起</translation>
    </message>
</context>
<context>
    <name>consort.period_to</name>
    <message>
        <source>Period: up to {end}</source>
        <translation>期间：截至 {end}</translation>
    </message>
</context>
<context>
    <name>consort.prescreened</name>
    <message>
        <source>Pre-screened on records (n = {n})</source>
        <translation>按病历预筛选（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.printed</name>
    <message>
        <source>Printed {at}</source>
        <translation>打印于 {at}</translation>
    </message>
</context>
<context>
    <name>consort.ps.awaiting</name>
    <message>
        <source>Could be eligible, nothing further recorded (n = {n})</source>
        <translation>可能符合，尚无后续记录（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.ps.declined</name>
    <message>
        <source>Declined (n = {n})</source>
        <translation>拒绝（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.ps.not_approached</name>
    <message>
        <source>Not approached (n = {n})</source>
        <translation>未联系（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.ps.not_eligible</name>
    <message>
        <source>Not eligible on records (n = {n})</source>
        <translation>按病历不符合（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.ps.other</name>
    <message>
        <source>Other reasons (n = {n})</source>
        <translation>其他原因（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.reason.lost</name>
    <message>
        <source>lost to follow-up (n = {n})</source>
        <translation>失访（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.reason.not_approached</name>
    <message>
        <source>not approached (n = {n})</source>
        <translation>未联系（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.reason.other</name>
    <message>
        <source>other (n = {n})</source>
        <translation>其他（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.reason.withdrew_consent</name>
    <message>
        <source>withdrew consent (n = {n})</source>
        <translation>撤回知情同意（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.rescreening</name>
    <message>
        <source>Re-screening: {subjects} subjects screened more than once; {attempts} screening attempts in all</source>
        <translation>重新筛选：{subjects} 例受试者筛选不止一次；共 {attempts} 次筛选</translation>
    </message>
</context>
<context>
    <name>consort.see_chart</name>
    <message>
        <source>by criterion: see the chart</source>
        <translation>按标准：见图表</translation>
    </message>
</context>
<context>
    <name>consort.still</name>
    <message>
        <source>Still being screened or awaiting a decision (n = {n})</source>
        <translation>仍在筛选或待决定（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.still.awaiting</name>
    <message>
        <source>Signed eligible, no decision recorded (n = {n})</source>
        <translation>已签署符合，尚无入组决定（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.still.eligible</name>
    <message>
        <source>Eligible, not yet signed (n = {n})</source>
        <translation>符合，尚未签署（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.still.in_progress</name>
    <message>
        <source>Screening in progress (n = {n})</source>
        <translation>筛选进行中（n = {n}）</translation>
    </message>
</context>
<context>
    <name>consort.subjects</name>
    <message>
        <source>subjects</source>
        <translation>受试者</translation>
    </message>
</context>
<context>
    <name>consort.title</name>
    <message>
        <source>Screening and enrolment: CONSORT flow</source>
        <extracomment>A criterion&apos;s label on the chart is its text cut to this many characters</extracomment>
        <translation>筛选与入组：CONSORT 流程</translation>
    </message>
</context>
<context>
    <name>course</name>
    <message>
        <source>{drug} {dose} {unit}{dose_check}: started {start}{taken}, dose unchanged since {dose_since}{stable}</source>
        <translation>{drug} {dose} {unit}{dose_check}：{start} 开始{taken}，自 {dose_since} 起剂量未变{stable}</translation>
    </message>
</context>
<context>
    <name>course.dose_ok</name>
    <message>
        <source> (within {min}–{max} {unit})</source>
        <translation>（在 {min}–{max} {unit} 范围内）</translation>
    </message>
</context>
<context>
    <name>course.dose_outside</name>
    <message>
        <source> (outside {min}–{max} {unit})</source>
        <translation>（超出 {min}–{max} {unit}）</translation>
    </message>
</context>
<context>
    <name>course.stable_ok</name>
    <message>
        <source> (≥ {count} {unit}: on or before {since})</source>
        <translation>（≥ {count} {unit}：不晚于 {since}）</translation>
    </message>
</context>
<context>
    <name>course.stable_short</name>
    <message>
        <source> (less than {count} {unit}: after {since})</source>
        <translation>（不足 {count} {unit}：晚于 {since}）</translation>
    </message>
</context>
<context>
    <name>course.stable_unrecorded</name>
    <message>
        <source> (follows a line with no day between, and a dose is not given: whether it changed after {since} is not recorded)</source>
        <translation>（紧接上一行、中间无间隔，且未记录剂量：{since} 之后剂量是否调整未有记录）</translation>
    </message>
</context>
<context>
    <name>course.taken_ok</name>
    <message>
        <source> (≥ {count} {unit}: on or before {since})</source>
        <translation>（≥ {count} {unit}：不晚于 {since}）</translation>
    </message>
</context>
<context>
    <name>course.taken_short</name>
    <message>
        <source> (less than {count} {unit}: after {since})</source>
        <translation>（不足 {count} {unit}：晚于 {since}）</translation>
    </message>
</context>
<context>
    <name>course.undosed</name>
    <message>
        <source>{drug}: started {start}{taken}</source>
        <translation>{drug}：开始于 {start}{taken}</translation>
    </message>
</context>
<context>
    <name>course.undosed_stable</name>
    <message>
        <source>{drug}: started {start}{taken}, this line (one dose) since {dose_since}{stable}</source>
        <translation>{drug}：{start} 开始{taken}，自 {dose_since} 起为本条记录（同一剂量）{stable}</translation>
    </message>
</context>
<context>
    <name>date_window.fails</name>
    <message>
        <source>{label} {date} is not within {count} {unit} before {on} (before {since})</source>
        <translation>{label} {date} 不在 {on} 之前 {count} {unit} 内（早于 {since}）</translation>
    </message>
</context>
<context>
    <name>date_window.holds</name>
    <message>
        <source>{label} {date} is within {count} {unit} before {on} (on or after {since})</source>
        <translation>{label} {date} 在 {on} 之前 {count} {unit} 内（不早于 {since}）</translation>
    </message>
</context>
<context>
    <name>date_window_after.fails</name>
    <message>
        <source>{label} {date} is not within {count} {unit} after {anchor} {on} (from {on} to {until})</source>
        <translation>{label} {date} 不在 {anchor} {on} 之后 {count} {unit}内（{on} 至 {until}）</translation>
    </message>
</context>
<context>
    <name>date_window_after.holds</name>
    <message>
        <source>{label} {date} is within {count} {unit} after {anchor} {on} (on or before {until})</source>
        <translation>{label} {date} 在 {anchor} {on} 之后 {count} {unit}内（不晚于 {until}）</translation>
    </message>
</context>
<context>
    <name>date_window_anchor.fails</name>
    <message>
        <source>{label} {date} is not within {count} {unit} before {anchor} {on} (from {since} to {on})</source>
        <translation>{label} {date} 不在 {anchor} {on} 之前 {count} {unit}内（{since} 至 {on}）</translation>
    </message>
</context>
<context>
    <name>date_window_anchor.holds</name>
    <message>
        <source>{label} {date} is within {count} {unit} before {anchor} {on} (on or after {since})</source>
        <translation>{label} {date} 在 {anchor} {on} 之前 {count} {unit}内（不早于 {since}）</translation>
    </message>
</context>
<context>
    <name>date_window_early.inside</name>
    <message>
        <source>{label} {date} is within {count} {unit} {side} {anchor} whatever date it takes ({span})</source>
        <translation>{label} {date} 无论其取何日期，都在 {anchor}{side} {count} {unit}内（{span}）</translation>
    </message>
</context>
<context>
    <name>date_window_early.outside</name>
    <message>
        <source>{label} {date} cannot be within {count} {unit} {side} {anchor} ({span})</source>
        <translation>{label} {date} 不可能在 {anchor}{side} {count} {unit}内（{span}）</translation>
    </message>
</context>
<context>
    <name>date_window_never</name>
    <message>
        <source>{label}: never</source>
        <translation>{label}：从未</translation>
    </message>
</context>
<context>
    <name>derived.areas</name>
    <message>
        <source>{label} {value} {relation} {min} of {of} joint areas</source>
        <translation>{label} {value} {relation} {of} 个关节区中的 {min} 个</translation>
    </message>
</context>
<context>
    <name>derived.component</name>
    <message>
        <source>{component}: {how}</source>
        <translation>{component}：{how}</translation>
    </message>
</context>
<context>
    <name>derived.criterion.arthritis_3_areas</name>
    <message>
        <source>criterion 2</source>
        <translation>标准 2</translation>
    </message>
</context>
<context>
    <name>derived.criterion.morning_stiffness</name>
    <message>
        <source>criterion 1</source>
        <translation>标准 1</translation>
    </message>
</context>
<context>
    <name>derived.criterion.present_6_weeks</name>
    <message>
        <source>criteria 1–4 present</source>
        <translation>标准 1–4 持续时间</translation>
    </message>
</context>
<context>
    <name>derived.criterion.rheumatoid_factor</name>
    <message>
        <source>criterion 6</source>
        <translation>标准 6</translation>
    </message>
</context>
<context>
    <name>derived.duration</name>
    <message>
        <source>{label} {value} {relation} {limit}</source>
        <translation>{label} {value} {relation} {limit}</translation>
    </message>
</context>
<context>
    <name>derived.joints.counted</name>
    <message>
        <source>{large} large and {small} small joints involved on {on} (numbers from the notes)</source>
        <translation>{on} 受累大关节 {large} 个、小关节 {small} 个（病历记录的数目）</translation>
    </message>
</context>
<context>
    <name>derived.joints.marked</name>
    <message>
        <source>{large} large and {small} small joints involved on {on}</source>
        <translation>{on} 受累大关节 {large} 个、小关节 {small} 个</translation>
    </message>
</context>
<context>
    <name>derived.joints.not_known</name>
    <message>
        <source>{label}: {answer}, so the joint domain stays open</source>
        <translation>{label}：{answer}，关节项仍未确定</translation>
    </message>
</context>
<context>
    <name>derived.no_result</name>
    <message>
        <source>{tests} — no result: at least one of {names} is needed</source>
        <translation>{tests} — 无结果：{names} 至少需要一项结果</translation>
    </message>
</context>
<context>
    <name>derived.onset</name>
    <message>
        <source>{label} {onset}: {days} days before {on} {relation} {limit}</source>
        <translation>{label} {onset}：早于 {on} {days} 天 {relation} {limit}</translation>
    </message>
</context>
<context>
    <name>derived.test.missing</name>
    <message>
        <source>{label} not entered</source>
        <translation>{label} 未录入</translation>
    </message>
</context>
<context>
    <name>derived.test.no_uln</name>
    <message>
        <source>{label} {value}: no upper limit of normal entered, so not classified</source>
        <translation>{label} {value}：未填写正常值上限，无法分级</translation>
    </message>
</context>
<context>
    <name>derived.test.not_known</name>
    <message>
        <source>{label}: {answer}, left out</source>
        <translation>{label}：{answer}，不计入</translation>
    </message>
</context>
<context>
    <name>derived.test.positive</name>
    <message>
        <source>{label} reported as {result}, with no value: scored as low positive, as the 2010 criteria say</source>
        <translation>{label}报告为{result}，无数值：按 2010 标准计为低滴度阳性</translation>
    </message>
</context>
<context>
    <name>derived.test.result</name>
    <message>
        <source>{label} reported as {result}</source>
        <translation>{label} 报告为{result}</translation>
    </message>
</context>
<context>
    <name>derived.test.value</name>
    <message>
        <source>{label} {value} {relation} {limit}: {category}</source>
        <translation>{label} {value} {relation} {limit}：{category}</translation>
    </message>
</context>
<context>
    <name>derived.uln</name>
    <message>
        <source>ULN {uln}</source>
        <translation>ULN {uln}</translation>
    </message>
</context>
<context>
    <name>derived.uln_and_3</name>
    <message>
        <source>ULN {uln} and ≤ {limit}</source>
        <translation>ULN {uln} 且 ≤ {limit}</translation>
    </message>
</context>
<context>
    <name>disk.full</name>
    <message>
        <source>the disk holding {folder} is full</source>
        <translation>存放 {folder} 的磁盘已满</translation>
    </message>
</context>
<context>
    <name>disk.io_error</name>
    <message>
        <source>the disk holding {folder} could not be read or written (an input/output error)</source>
        <translation>存放 {folder} 的磁盘无法读写（输入/输出错误）</translation>
    </message>
</context>
<context>
    <name>disk.not_saved</name>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>disk.other</name>
    <message>
        <source>{file}: {error}</source>
        <translation>{file}：{error}</translation>
    </message>
</context>
<context>
    <name>disk.read_only</name>
    <message>
        <source>the disk holding {folder} is read-only</source>
        <translation>存放 {folder} 的磁盘为只读</translation>
    </message>
</context>
<context>
    <name>distinct_agents.fails</name>
    <message>
        <source>{label}: {count} distinct agents of {what} used {when} ({agents}), not {op} {value}</source>
        <translation>{label}：{when}使用过 {what} 中 {count} 种不同药物（{agents}），不满足 {op} {value}</translation>
    </message>
</context>
<context>
    <name>distinct_agents.holds</name>
    <message>
        <source>{label}: {count} distinct agents of {what} used {when} ({agents}), {op} {value}</source>
        <translation>{label}：{when}使用过 {what} 中 {count} 种不同药物（{agents}），{op} {value}</translation>
    </message>
</context>
<context>
    <name>distinct_agents_early</name>
    <message>
        <source>{label}: {count} distinct agents of {what} whatever date {anchor} takes ({span}), so {op} {value} {decided}</source>
        <translation>{label}：无论 {anchor} 为何日期（{span}），{what} 中不同药物为 {count} 种，因此 {op} {value} {decided}</translation>
    </message>
</context>
<context>
    <name>dose.other_unit</name>
    <message>
        <source> (recorded in {unit}: not comparable with {range})</source>
        <translation>（以 {unit} 记录：无法与 {range} 比较）</translation>
    </message>
</context>
<context>
    <name>dose.outside</name>
    <message>
        <source> (not {range})</source>
        <translation>（不在 {range}）</translation>
    </message>
</context>
<context>
    <name>dose.total</name>
    <message>
        <source>{drug} {dose} {unit} on {on}{check}</source>
        <translation>{on} {drug} {dose} {unit}{check}</translation>
    </message>
</context>
<context>
    <name>dose.within</name>
    <message>
        <source> ({range})</source>
        <translation>（{range}）</translation>
    </message>
</context>
<context>
    <name>dose_unrecorded</name>
    <message>
        <source>the dose of {drug} between {start} and {dose_since} is not recorded: enter it as its own course to decide</source>
        <translation>{drug} 在 {start} 至 {dose_since} 之间的剂量未记录：请将其作为单独的用药记录录入后再判定</translation>
    </message>
</context>
<context>
    <name>drug.other</name>
    <message>
        <source>{name} (written as entered; in no class)</source>
        <translation>{name}（按填写原文；不属于任何类别）</translation>
    </message>
</context>
<context>
    <name>edc.bad_range</name>
    <message>
        <source>--from {date_from} is after --to {date_to}</source>
        <translation>--from {date_from} 晚于 --to {date_to}</translation>
    </message>
</context>
<context>
    <name>edc.file_exists</name>
    <message>
        <source>{file} exists already: give another name, or --replace to write over it</source>
        <translation>{file} 已存在：请另取文件名，或加 --replace 覆盖它</translation>
    </message>
</context>
<context>
    <name>edc.wrote_dictionary</name>
    <message>
        <source>wrote the REDCap data dictionary of {protocol} ({count} fields) to {file}</source>
        <translation>已将方案 {protocol} 的 REDCap 数据字典（{count} 个字段）写入 {file}</translation>
    </message>
</context>
<context>
    <name>edc.wrote_ie</name>
    <message>
        <source>wrote the IE records of {count} screenings of {protocol} to {file}</source>
        <translation>已将方案 {protocol} 的 {count} 次筛选的 IE 记录写入 {file}</translation>
    </message>
</context>
<context>
    <name>edc.wrote_records</name>
    <message>
        <source>wrote {count} REDCap records of {protocol} to {file}</source>
        <translation>已将方案 {protocol} 的 {count} 条 REDCap 记录写入 {file}</translation>
    </message>
</context>
<context>
    <name>effect.exclusion.excludes</name>
    <message>
        <source>{id} applies: excluded</source>
        <translation>{id} 符合排除标准：排除</translation>
    </message>
</context>
<context>
    <name>effect.exclusion.passes</name>
    <message>
        <source>{id} does not apply</source>
        <translation>{id} 不符合排除标准</translation>
    </message>
</context>
<context>
    <name>effect.inclusion.excludes</name>
    <message>
        <source>{id} not met: excluded</source>
        <translation>{id} 不符合入选标准：排除</translation>
    </message>
</context>
<context>
    <name>effect.inclusion.passes</name>
    <message>
        <source>{id} met</source>
        <translation>{id} 符合入选标准</translation>
    </message>
</context>
<context>
    <name>effect.not_applicable</name>
    <message>
        <source>{id} not applicable to this subject</source>
        <translation>{id} 对该受试者不适用</translation>
    </message>
</context>
<context>
    <name>effect.open</name>
    <message>
        <source>{id} not decided yet</source>
        <translation>{id} 尚未判定</translation>
    </message>
</context>
<context>
    <name>effect.pending</name>
    <message>
        <source>{id} waits for a date still to come</source>
        <translation>{id} 等待尚未到来的日期</translation>
    </message>
</context>
<context>
    <name>effect.word.excludes</name>
    <message>
        <source>excluded</source>
        <translation>排除</translation>
    </message>
</context>
<context>
    <name>effect.word.not_applicable</name>
    <message>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>effect.word.open</name>
    <message>
        <source>not decided yet</source>
        <translation>尚未判定</translation>
    </message>
</context>
<context>
    <name>effect.word.passes</name>
    <message>
        <source>passes</source>
        <translation>通过</translation>
    </message>
</context>
<context>
    <name>effect.word.pending</name>
    <message>
        <source>waits for a date</source>
        <translation>等待日期</translation>
    </message>
</context>
<context>
    <name>equivalence.citation</name>
    <message>
        <source> — {citation}</source>
        <translation> — {citation}</translation>
    </message>
</context>
<context>
    <name>equivalence.table</name>
    <message>
        <source> [equivalence table: {table}]</source>
        <translation> [等效剂量表：{table}]</translation>
    </message>
</context>
<context>
    <name>equivalent.course</name>
    <message>
        <source>{drug} {dose} {unit} = {equivalent}</source>
        <translation>{drug} {dose} {unit} = {equivalent}</translation>
    </message>
</context>
<context>
    <name>equivalent.total</name>
    <message>
        <source>{total} {unit} {reference}-equivalent on {day}{courses} {relation} {threshold} {unit}{window}</source>
        <translation>{day} 折合{reference} {total} {unit}{courses} {relation} {threshold} {unit}{window}</translation>
    </message>
</context>
<context>
    <name>equivalent.window</name>
    <message>
        <source>, the highest day within {count} {unit} before {anchor}</source>
        <translation>，为 {anchor} 前 {count} {unit}内最高的一天</translation>
    </message>
</context>
<context>
    <name>equivalent_uncounted</name>
    <message>
        <source>{label}: {total} {unit} {reference}-equivalent counted on {day}, but {uncounted} cannot be converted with the equivalence table {table}{citation}: not decided</source>
        <translation>{label}：{day} 已计入折合{reference} {total} {unit}，但 {uncounted} 无法用等效剂量表 {table}{citation} 换算：尚未确定</translation>
    </message>
</context>
<context>
    <name>ever_used.no</name>
    <message>
        <source>{label}: none used on or before {anchor} {on}</source>
        <translation>{label}：{anchor} {on} 或之前未使用过</translation>
    </message>
</context>
<context>
    <name>ever_used.yes</name>
    <message>
        <source>{label}: used on or before {anchor} {on} ({drugs})</source>
        <translation>{label}：{anchor} {on} 或之前使用过（{drugs}）</translation>
    </message>
</context>
<context>
    <name>ever_used_early.no</name>
    <message>
        <source>{label}: none can have been used by {anchor} ({span})</source>
        <translation>{label}：到 {anchor} 时不可能使用过（{span}）</translation>
    </message>
</context>
<context>
    <name>ever_used_early.yes</name>
    <message>
        <source>{label}: used before {anchor} whatever date it takes ({span}): {drugs}</source>
        <translation>{label}：无论 {anchor} 为何日期（{span}），之前均已使用过：{drugs}</translation>
    </message>
</context>
<context>
    <name>field.consent_date</name>
    <message>
        <source>Informed consent date</source>
        <translation>知情同意日期</translation>
    </message>
</context>
<context>
    <name>field.consent_version</name>
    <message>
        <source>Consent form version</source>
        <translation>知情同意书版本</translation>
    </message>
</context>
<context>
    <name>field.date_of_birth</name>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
</context>
<context>
    <name>field.initials</name>
    <message>
        <source>Initials</source>
        <translation>姓名缩写</translation>
    </message>
</context>
<context>
    <name>field.screening_date</name>
    <message>
        <source>Screening date</source>
        <translation>筛选日期</translation>
    </message>
</context>
<context>
    <name>field.screening_number</name>
    <message>
        <source>Screening number</source>
        <translation>筛选号</translation>
    </message>
</context>
<context>
    <name>field.sex</name>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
</context>
<context>
    <name>if_then.applies</name>
    <message>
        <source>{condition}; {part}</source>
        <translation>{condition}；{part}</translation>
    </message>
</context>
<context>
    <name>if_then.not_applicable</name>
    <message>
        <source>does not apply: {part}</source>
        <translation>不适用：{part}</translation>
    </message>
</context>
<context>
    <name>in_use.no</name>
    <message>
        <source>{label}: none in use on the screening date</source>
        <translation>{label}：筛选日未使用</translation>
    </message>
</context>
<context>
    <name>in_use.yes</name>
    <message>
        <source>{label}: in use on the screening date ({drugs})</source>
        <translation>{label}：筛选日正在使用（{drugs}）</translation>
    </message>
</context>
<context>
    <name>in_use_at.no</name>
    <message>
        <source>{label}: none in use on {anchor} {on}</source>
        <translation>{label}：{anchor} {on} 时未在使用</translation>
    </message>
</context>
<context>
    <name>in_use_at.yes</name>
    <message>
        <source>{label}: in use on {anchor} {on} ({drugs})</source>
        <translation>{label}：{anchor} {on} 时正在使用（{drugs}）</translation>
    </message>
</context>
<context>
    <name>in_use_early.no</name>
    <message>
        <source>{label}: none can be in use on {anchor} ({span})</source>
        <translation>{label}：{anchor} 时不可能在使用（{span}）</translation>
    </message>
</context>
<context>
    <name>in_use_early.yes</name>
    <message>
        <source>{label}: in use on {anchor} whatever date it takes ({span}): {drugs}</source>
        <translation>{label}：无论 {anchor} 为何日期（{span}），均在使用：{drugs}</translation>
    </message>
</context>
<context>
    <name>input.crp</name>
    <message>
        <source>CRP</source>
        <translation>CRP</translation>
    </message>
</context>
<context>
    <name>input.esr</name>
    <message>
        <source>ESR</source>
        <translation>血沉</translation>
    </message>
</context>
<context>
    <name>input.evaluator_global</name>
    <message>
        <source>evaluator global</source>
        <translation>医生总体评估</translation>
    </message>
</context>
<context>
    <name>input.large_joints</name>
    <message>
        <source>large joints</source>
        <translation>大关节</translation>
    </message>
</context>
<context>
    <name>input.patient_global</name>
    <message>
        <source>patient global</source>
        <translation>患者总体评估</translation>
    </message>
</context>
<context>
    <name>input.sjc28</name>
    <message>
        <source>SJC28</source>
        <translation>SJC28</translation>
    </message>
</context>
<context>
    <name>input.small_joints</name>
    <message>
        <source>small joints</source>
        <translation>小关节</translation>
    </message>
</context>
<context>
    <name>input.tjc28</name>
    <message>
        <source>TJC28</source>
        <translation>TJC28</translation>
    </message>
</context>
<context>
    <name>joint.ankle</name>
    <message>
        <source>{side} ankle</source>
        <translation>{side}踝</translation>
    </message>
</context>
<context>
    <name>joint.elbow</name>
    <message>
        <source>{side} elbow</source>
        <translation>{side}肘</translation>
    </message>
</context>
<context>
    <name>joint.hip</name>
    <message>
        <source>{side} hip</source>
        <translation>{side}髋</translation>
    </message>
</context>
<context>
    <name>joint.knee</name>
    <message>
        <source>{side} knee</source>
        <translation>{side}膝</translation>
    </message>
</context>
<context>
    <name>joint.mcp</name>
    <message>
        <source>{side} MCP {n}</source>
        <translation>{side}掌指关节 {n}</translation>
    </message>
</context>
<context>
    <name>joint.mtp</name>
    <message>
        <source>{side} MTP {n}</source>
        <translation>{side}跖趾关节 {n}</translation>
    </message>
</context>
<context>
    <name>joint.pip</name>
    <message>
        <source>{side} PIP {n}</source>
        <translation>{side}近端指间关节 {n}</translation>
    </message>
</context>
<context>
    <name>joint.pip1</name>
    <message>
        <source>{side} thumb IP</source>
        <translation>{side}拇指指间关节</translation>
    </message>
</context>
<context>
    <name>joint.shoulder</name>
    <message>
        <source>{side} shoulder</source>
        <translation>{side}肩</translation>
    </message>
</context>
<context>
    <name>joint.side.l</name>
    <message>
        <source>left</source>
        <translation>左</translation>
    </message>
</context>
<context>
    <name>joint.side.r</name>
    <message>
        <source>right</source>
        <translation>右</translation>
    </message>
</context>
<context>
    <name>joint.wrist</name>
    <message>
        <source>{side} wrist</source>
        <translation>{side}腕</translation>
    </message>
</context>
<context>
    <name>kind.exclusion</name>
    <message>
        <source>Exclusion criterion</source>
        <translation>排除标准</translation>
    </message>
</context>
<context>
    <name>kind.inclusion</name>
    <message>
        <source>Inclusion criterion</source>
        <translation>入选标准</translation>
    </message>
</context>
<context>
    <name>last_dose.no</name>
    <message>
        <source>{label}: none taken within {count} {unit} before {anchor} {on} (on or after {since})</source>
        <translation>{label}：{anchor} {on} 前 {count} {unit}内（不早于 {since}）未使用</translation>
    </message>
</context>
<context>
    <name>last_dose.yes</name>
    <message>
        <source>{label}: taken within {count} {unit} before {anchor} {on} (on or after {since}): {drugs}</source>
        <translation>{label}：{anchor} {on} 前 {count} {unit}内（不早于 {since}）使用过：{drugs}</translation>
    </message>
</context>
<context>
    <name>last_dose_early.no</name>
    <message>
        <source>{label}: none can have been taken within {count} {unit} before {anchor} ({span})</source>
        <translation>{label}：不可能在 {anchor} 前 {count} {unit}内使用过（{span}）</translation>
    </message>
</context>
<context>
    <name>last_dose_early.yes</name>
    <message>
        <source>{label}: taken within {count} {unit} before {anchor} whatever date it takes ({span}): {drugs}</source>
        <translation>{label}：无论 {anchor} 为何日期（{span}），均在其前 {count} {unit}内使用过：{drugs}</translation>
    </message>
</context>
<context>
    <name>limit.one_hour</name>
    <message>
        <source>60 minutes</source>
        <translation>60 分钟</translation>
    </message>
</context>
<context>
    <name>limit.range</name>
    <message>
        <source>{min}–{max}</source>
        <translation>{min}–{max}</translation>
    </message>
</context>
<context>
    <name>limit.six_weeks</name>
    <message>
        <source>6 weeks (42 days)</source>
        <translation>6 周（42 天）</translation>
    </message>
</context>
<context>
    <name>limit_open</name>
    <message>
        <source>{label} {value}: the limit depends on {open}</source>
        <translation>{label} {value}：限值取决于 {open}</translation>
    </message>
</context>
<context>
    <name>limit_open.none</name>
    <message>
        <source>{label} {value}: no limit of the protocol applies to these answers</source>
        <translation>{label} {value}：根据这些回答，方案中没有适用的限值</translation>
    </message>
</context>
<context>
    <name>limit_settled</name>
    <message>
        <source>{label} {value}: the same against every limit that can apply ({limits}){open}</source>
        <translation>{label} {value}：对所有可能适用的限值结论相同（{limits}）{open}</translation>
    </message>
</context>
<context>
    <name>list</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>meaning.completed</name>
    <message>
        <source>Completed by: I entered or checked every fact of this screening against its source documents for protocol {protocol} version {version}.</source>
        <translation>录入完成：我已根据源文件录入或核对了方案 {protocol}（版本 {version}）本次筛选的每一项事实。</translation>
    </message>
</context>
<context>
    <name>meaning.eligibility</name>
    <message>
        <source>Investigator&apos;s eligibility decision: I confirm that the subject is {overall} for protocol {protocol} version {version}.</source>
        <translation>研究者的入选资格判定：本人确认该受试者对方案 {protocol}（版本 {version}）{overall}。</translation>
    </message>
</context>
<context>
    <name>missing</name>
    <message>
        <source>missing: {facts}</source>
        <translation>缺少：{facts}</translation>
    </message>
</context>
<context>
    <name>missing.score</name>
    <message>
        <source>{label} needs: {facts}</source>
        <translation>{label} 需要：{facts}</translation>
    </message>
</context>
<context>
    <name>missing.score.bounds</name>
    <message>
        <source>{label} can still be {low} to {high}, so {op} {threshold} is not decided: it needs {facts}</source>
        <translation>{label}仍可能为 {low} 至 {high}，因此 {op} {threshold} 尚未确定：还需要{facts}</translation>
    </message>
</context>
<context>
    <name>needed.not_known</name>
    <message>
        <source>{label} ({answer})</source>
        <translation>{label}（{answer}）</translation>
    </message>
</context>
<context>
    <name>no</name>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>no_current_treatment</name>
    <message>
        <source>{label}: no current course</source>
        <translation>{label}：目前无用药</translation>
    </message>
</context>
<context>
    <name>not</name>
    <message>
        <source>not: {part}</source>
        <translation>非：{part}</translation>
    </message>
</context>
<context>
    <name>not_asked</name>
    <message>
        <source>{label}: not asked (asked only when {condition})</source>
        <translation>{label}：未询问（仅在{condition}时询问）</translation>
    </message>
</context>
<context>
    <name>not_enrolled.declined</name>
    <message>
        <source>declined</source>
        <translation>拒绝参加</translation>
    </message>
</context>
<context>
    <name>not_enrolled.lost</name>
    <message>
        <source>lost to follow-up</source>
        <translation>失访</translation>
    </message>
</context>
<context>
    <name>not_enrolled.not_approached</name>
    <message>
        <source>not approached</source>
        <translation>未接触</translation>
    </message>
</context>
<context>
    <name>not_enrolled.other</name>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>not_enrolled.withdrew_consent</name>
    <message>
        <source>withdrew consent</source>
        <translation>撤回知情同意</translation>
    </message>
</context>
<context>
    <name>not_known</name>
    <message>
        <source>not known: {answers}</source>
        <translation>不明：{answers}</translation>
    </message>
</context>
<context>
    <name>note.entered</name>
    <message>
        <source> (entered {value} {unit})</source>
        <translation>（录入值 {value} {unit}）</translation>
    </message>
</context>
<context>
    <name>note.rounded</name>
    <message>
        <source> (rounded half up to {n} decimals from {raw})</source>
        <translation>（由 {raw} 四舍五入至 {n} 位小数）</translation>
    </message>
</context>
<context>
    <name>note.unrounded</name>
    <message>
        <source> (compared unrounded)</source>
        <translation>（未经舍入比较）</translation>
    </message>
</context>
<context>
    <name>on_or_before.fails</name>
    <message>
        <source>{label} {date} is after the screening date {on}</source>
        <translation>{label} {date} 晚于筛选日期 {on}</translation>
    </message>
</context>
<context>
    <name>on_or_before.holds</name>
    <message>
        <source>{label} {date} is on or before the screening date {on}</source>
        <translation>{label} {date} 不晚于筛选日期 {on}</translation>
    </message>
</context>
<context>
    <name>on_or_before_anchor.fails</name>
    <message>
        <source>{label} {date} is after {anchor} {on}</source>
        <translation>{label} {date} 晚于 {anchor} {on}</translation>
    </message>
</context>
<context>
    <name>on_or_before_anchor.holds</name>
    <message>
        <source>{label} {date} is on or before {anchor} {on}</source>
        <translation>{label} {date} 不晚于 {anchor} {on}</translation>
    </message>
</context>
<context>
    <name>on_or_before_by.fails</name>
    <message>
        <source>{label} {date} is less than {count} {unit} before {anchor} {on} (after {limit})</source>
        <translation>{label} {date} 距 {anchor} {on} 不足 {count} {unit}（晚于 {limit}）</translation>
    </message>
</context>
<context>
    <name>on_or_before_by.holds</name>
    <message>
        <source>{label} {date} is at least {count} {unit} before {anchor} {on} (on or before {limit})</source>
        <translation>{label} {date} 在 {anchor} {on} 之前至少 {count} {unit}（不晚于 {limit}）</translation>
    </message>
</context>
<context>
    <name>on_or_before_early.fails</name>
    <message>
        <source>{label} {date} is after {anchor}, which cannot be after {latest}</source>
        <translation>{label} {date} 晚于 {anchor}，而后者不可能晚于 {latest}</translation>
    </message>
</context>
<context>
    <name>on_or_before_early.holds</name>
    <message>
        <source>{label} {date} is on or before {anchor}, which cannot be before {earliest}</source>
        <translation>{label} {date} 不晚于 {anchor}，而后者不可能早于 {earliest}</translation>
    </message>
</context>
<context>
    <name>others.left_out</name>
    <message>
        <source> — not counted, in no class: {others}</source>
        <translation> — 未计入，不属于任何类别：{others}</translation>
    </message>
</context>
<context>
    <name>overall.eligible</name>
    <message>
        <source>eligible</source>
        <translation>合格</translation>
    </message>
</context>
<context>
    <name>overall.incomplete</name>
    <message>
        <source>incomplete</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>overall.ineligible</name>
    <message>
        <source>ineligible</source>
        <translation>不合格</translation>
    </message>
</context>
<context>
    <name>pending</name>
    <message>
        <source>pending {anchor}</source>
        <translation>待定：{anchor}</translation>
    </message>
</context>
<context>
    <name>pending.detail</name>
    <message>
        <source>pending {anchor}: {label} {date}</source>
        <translation>待定 {anchor}：{label} {date}</translation>
    </message>
</context>
<context>
    <name>people.account_disabled</name>
    <message>
        <source>the account of {name} is disabled</source>
        <translation>{name} 的账户已停用</translation>
    </message>
</context>
<context>
    <name>people.account_locked</name>
    <message>
        <source>the account of {name} is locked after repeated failed sign-ins, until {until}</source>
        <translation>{name} 的账户因多次登录失败已被锁定，直至 {until}</translation>
    </message>
</context>
<context>
    <name>people.administrator_not_delegated</name>
    <message>
        <source>{name} is a site administrator: trial tasks are delegated to coordinators and investigators</source>
        <translation>{name} 是站点管理员：试验任务只授权给协调员和研究者</translation>
    </message>
</context>
<context>
    <name>people.already_revoked</name>
    <message>
        <source>this certificate was revoked already, on {on}</source>
        <translation>此证书已于 {on} 吊销</translation>
    </message>
</context>
<context>
    <name>people.bad_name</name>
    <message>
        <source>a full name is needed (at most {limit} characters)</source>
        <translation>需要填写全名（最多 {limit} 个字符）</translation>
    </message>
</context>
<context>
    <name>people.certificate_expired</name>
    <message>
        <source>this certificate expired on {until}</source>
        <translation>此证书已于 {until} 过期</translation>
    </message>
</context>
<context>
    <name>people.certificate_not_enrolled</name>
    <message>
        <source>this certificate is not enrolled to {name}: sign with your own enrolled certificate (identity create or identity import)</source>
        <translation>此证书未登记给 {name}：请使用登记在您名下的证书签名（identity create 或 identity import）</translation>
    </message>
</context>
<context>
    <name>people.certificate_of_another</name>
    <message>
        <source>this certificate is issued to “{certificate}”, not to {name}: a certificate is enrolled only to the person it names (PDF readers show that name as the signer)</source>
        <translation>此证书签发给“{certificate}”，而不是 {name}：证书只能登记给其所载明的本人（PDF 阅读器会将该姓名显示为签名人）</translation>
    </message>
</context>
<context>
    <name>people.certificate_revoked</name>
    <message>
        <source>this certificate was revoked on {on}</source>
        <translation>此证书已于 {on} 吊销</translation>
    </message>
</context>
<context>
    <name>people.clock_behind</name>
    <message>
        <source>this computer&apos;s clock is behind the audit trail (its last entry is at {last}): set the clock right, then sign</source>
        <translation>本机时钟落后于稽查轨迹（最后一条记录时间为 {last}）：请先校正时钟再签名</translation>
    </message>
</context>
<context>
    <name>people.completion_incomplete</name>
    <message>
        <source>the screening is still incomplete ({open} criteria open): data entry is completed when every criterion is decided</source>
        <translation>本次筛选尚未完成（{open} 条标准未定）：每条标准都有结论后才能完成录入</translation>
    </message>
</context>
<context>
    <name>people.control_characters</name>
    <message>
        <source>the {what} holds control or invisible formatting characters: type it as plain text</source>
        <translation>{what} 含有控制字符或不可见的格式字符：请以纯文本输入</translation>
    </message>
</context>
<context>
    <name>people.date_out_of_range</name>
    <message>
        <source>{day} is outside the years {first}–{last}</source>
        <translation>{day} 不在 {first}–{last} 年之间</translation>
    </message>
</context>
<context>
    <name>people.delegation_used</name>
    <message>
        <source>{name} signed under this delegation on {day}: it cannot end before that day</source>
        <translation>{name} 曾于 {day} 依此授权签名：授权不能在该日之前结束</translation>
    </message>
</context>
<context>
    <name>people.disable_self</name>
    <message>
        <source>an administrator cannot disable their own account</source>
        <translation>管理员不能停用自己的账户</translation>
    </message>
</context>
<context>
    <name>people.ends_before_start</name>
    <message>
        <source>the end date {ends} is before the start {starts}</source>
        <translation>结束日期 {ends} 早于开始日期 {starts}</translation>
    </message>
</context>
<context>
    <name>people.enrolment_before_screening</name>
    <message>
        <source>the date {on} is before the screening date {screening_date}</source>
        <translation>日期 {on} 早于筛选日期 {screening_date}</translation>
    </message>
</context>
<context>
    <name>people.enrolment_before_signature</name>
    <message>
        <source>the date {on} is before the investigator signed the worksheet ({signed})</source>
        <translation>日期 {on} 早于研究者签署工作表的日期（{signed}）</translation>
    </message>
</context>
<context>
    <name>people.enrolment_in_future</name>
    <message>
        <source>the date {on} is after today ({today})</source>
        <translation>日期 {on} 晚于今天（{today}）</translation>
    </message>
</context>
<context>
    <name>people.enrolment_needs_signed_eligible</name>
    <message>
        <source>a subject is enrolled only once an investigator has signed the worksheet that finds them eligible (this screening is {status})</source>
        <translation>只有研究者签署了判定受试者合格的工作表后才能入组（本筛选为{status}）</translation>
    </message>
</context>
<context>
    <name>people.enrolment_number_not_enrolled</name>
    <message>
        <source>a subject not enrolled has no randomisation number</source>
        <translation>未入组的受试者没有随机号</translation>
    </message>
</context>
<context>
    <name>people.enrolment_number_required</name>
    <message>
        <source>give the randomisation (or enrolment) number</source>
        <translation>请填写随机号（或入组号）</translation>
    </message>
</context>
<context>
    <name>people.enrolment_superseded</name>
    <message>
        <source>this version of the screening was replaced by a correction: record the outcome on the newest version</source>
        <translation>此筛选版本已被更正版本取代：请在最新版本上记录结果</translation>
    </message>
</context>
<context>
    <name>people.export_onto_records</name>
    <message>
        <source>{target} is part of the site&apos;s own records (the database, the site file, identities, protocols): export somewhere else</source>
        <translation>{target} 属于站点自身的记录（数据库、站点文件、身份文件、方案）：请导出到其他位置</translation>
    </message>
</context>
<context>
    <name>people.instruction_needed</name>
    <message>
        <source>a site administrator changes the delegation log only on the principal investigator&apos;s documented instruction: give it with --instruction</source>
        <translation>站点管理员只能依据主要研究者的书面指示修改授权记录：请用 --instruction 注明该指示</translation>
    </message>
</context>
<context>
    <name>people.mixed_scripts</name>
    <message>
        <source>the name mixes letters of {scripts}: a look-alike of another name is refused</source>
        <translation>姓名混用了 {scripts} 字母：与其他姓名形似的姓名不予接受</translation>
    </message>
</context>
<context>
    <name>people.must_change_password</name>
    <message>
        <source>{name} still has the password an administrator gave: choose your own first (trialdesk user password, or the window asks at sign-in)</source>
        <translation>{name} 仍在使用管理员设定的密码：请先设置自己的密码（trialdesk user password，或在窗口登录时设置）</translation>
    </message>
</context>
<context>
    <name>people.no_account</name>
    <message>
        <source>no account named {name} at this site</source>
        <translation>本站点没有名为 {name} 的账户</translation>
    </message>
</context>
<context>
    <name>people.no_certificate</name>
    <message>
        <source>no certificate with the SHA-256 {fingerprint} is enrolled at this site</source>
        <translation>本站点没有登记 SHA-256 为 {fingerprint} 的证书</translation>
    </message>
</context>
<context>
    <name>people.no_delegation</name>
    <message>
        <source>{name} has no delegation entry open on {day}</source>
        <translation>{name} 在 {day} 没有有效的授权条目</translation>
    </message>
</context>
<context>
    <name>people.no_password</name>
    <message>
        <source>this command changes the site&apos;s records: sign in with --user NAME --password-file FILE</source>
        <translation>此命令会修改站点记录：请用 --user 姓名 --password-file 文件 登录</translation>
    </message>
</context>
<context>
    <name>people.no_site</name>
    <message>
        <source>this site has no accounts yet: start with trialdesk site init --admin NAME --password-file FILE</source>
        <translation>本站点还没有任何账户：请先运行 trialdesk site init --admin 姓名 --password-file 文件</translation>
    </message>
</context>
<context>
    <name>people.no_tasks</name>
    <message>
        <source>name at least one task: enter, sign</source>
        <translation>至少指定一项任务：enter、sign</translation>
    </message>
</context>
<context>
    <name>people.not_administrator</name>
    <message>
        <source>{name} is not a site administrator: only an administrator does this</source>
        <translation>{name} 不是站点管理员：只有管理员可以执行此操作</translation>
    </message>
</context>
<context>
    <name>people.not_completed</name>
    <message>
        <source>the screening&apos;s data entry is not completed (or changed after completion): it is completed before it is signed</source>
        <translation>本次筛选的数据录入尚未完成（或完成后又有修改）：须先完成录入再签名</translation>
    </message>
</context>
<context>
    <name>people.not_delegated</name>
    <message>
        <source>{name} holds no delegation to {task} on {day}</source>
        <translation>{name} 在 {day} 没有“{task}”的授权</translation>
    </message>
</context>
<context>
    <name>people.not_delegation_keeper</name>
    <message>
        <source>{name} may not change the delegation log: it belongs to the principal investigator</source>
        <translation>{name} 不能修改授权记录：授权记录由主要研究者负责</translation>
    </message>
</context>
<context>
    <name>people.not_enrolled_other_needs_text</name>
    <message>
        <source>say in words what the other reason is</source>
        <translation>请用文字说明其他原因</translation>
    </message>
</context>
<context>
    <name>people.not_enrolled_reason_required</name>
    <message>
        <source>give the reason the subject was not enrolled: one of {options}</source>
        <translation>请给出受试者未入组的原因：{options} 之一</translation>
    </message>
</context>
<context>
    <name>people.not_investigator</name>
    <message>
        <source>{name} is a {role}: only a sub-investigator or the principal investigator decides eligibility and signs</source>
        <translation>{name} 的角色是{role}：只有协助研究者或主要研究者可以判定入选资格并签名</translation>
    </message>
</context>
<context>
    <name>people.number_off_pattern</name>
    <message>
        <source>screening number {number} is not written to the site&apos;s pattern {pattern}: the next number is {next}</source>
        <translation>筛选号 {number} 不符合本中心的编号规则 {pattern}：下一个筛选号为 {next}</translation>
    </message>
</context>
<context>
    <name>people.number_pattern_bad_character</name>
    <message>
        <source>the screening-number pattern “{pattern}” holds a character no screening number may hold (letters, digits and . _ / - besides {{site}} and {{seq}} or {{seq:03}})</source>
        <translation>筛选号编号规则“{pattern}”含有筛选号不能使用的字符（除 {{site}} 和 {{seq}} 或 {{seq:03}} 外，只能使用字母、数字及 . _ / -）</translation>
    </message>
</context>
<context>
    <name>people.number_pattern_one_sequence</name>
    <message>
        <source>the screening-number pattern “{pattern}” must hold the sequence {{seq}} (or {{seq:03}}, padded to 3 digits) exactly once, for example {{site}}-{{seq:03}}</source>
        <translation>筛选号编号规则“{pattern}”必须恰好包含一次序号 {{seq}}（或补零至 3 位的 {{seq:03}}），例如 {{site}}-{{seq:03}}</translation>
    </message>
</context>
<context>
    <name>people.number_pattern_too_long</name>
    <message>
        <source>the screening-number pattern “{pattern}” is longer than 32 characters</source>
        <translation>筛选号编号规则“{pattern}”超过 32 个字符</translation>
    </message>
</context>
<context>
    <name>people.output_needed</name>
    <message>
        <source>a {format} file is written to a file: give it with -o FILE</source>
        <translation>{format} 须写入文件：请用 -o FILE 指定</translation>
    </message>
</context>
<context>
    <name>people.password_too_long</name>
    <message>
        <source>the password must have at most {maximum} characters</source>
        <translation>密码最多 {maximum} 个字符</translation>
    </message>
</context>
<context>
    <name>people.password_too_short</name>
    <message>
        <source>the password must have at least {minimum} characters</source>
        <translation>密码至少需要 {minimum} 个字符</translation>
    </message>
</context>
<context>
    <name>people.password_unchanged</name>
    <message>
        <source>the new password is the same as the current one</source>
        <translation>新密码与当前密码相同</translation>
    </message>
</context>
<context>
    <name>people.passwords_differ</name>
    <message>
        <source>the two entries differ: nothing was changed</source>
        <translation>两次输入不一致：未作任何修改</translation>
    </message>
</context>
<context>
    <name>people.prescreen_candidate_required</name>
    <message>
        <source>give the candidate&apos;s id from the clinic list</source>
        <translation>请填写门诊名单中的候选人编号</translation>
    </message>
</context>
<context>
    <name>people.prescreen_date</name>
    <message>
        <source>a pre-screening is dated from 1900-01-01 to today ({today}), not {on}</source>
        <translation>预筛日期应在 1900-01-01 至今天（{today}）之间，而不是 {on}</translation>
    </message>
</context>
<context>
    <name>people.prescreen_other_needs_text</name>
    <message>
        <source>say in words what the other outcome is</source>
        <translation>请用文字说明其他结果</translation>
    </message>
</context>
<context>
    <name>people.prescreen_other_protocol</name>
    <message>
        <source>candidate {candidate} was pre-screened for protocol {protocol} at site {site}: start its screening there</source>
        <translation>候选人 {candidate} 是在中心 {site} 按方案 {protocol} 预筛的：请在该方案下开始筛选</translation>
    </message>
</context>
<context>
    <name>people.prescreen_outcome_unknown</name>
    <message>
        <source>the outcome of a pre-screening is one of {options}</source>
        <translation>预筛结果须为 {options} 之一</translation>
    </message>
</context>
<context>
    <name>people.prescreen_result_unknown</name>
    <message>
        <source>a pre-screening&apos;s result is could_be_eligible or not_eligible, not {value}</source>
        <translation>预筛结果应为 could_be_eligible 或 not_eligible，而不是 {value}</translation>
    </message>
</context>
<context>
    <name>people.prescreen_unknown_protocol</name>
    <message>
        <source>no protocol {protocol} is installed at this site</source>
        <translation>本中心未安装方案 {protocol}</translation>
    </message>
</context>
<context>
    <name>people.protocol_needed</name>
    <message>
        <source>the site screens for several protocols ({protocols}): name one with --protocol</source>
        <translation>本中心筛选多个方案（{protocols}）：请用 --protocol 指定一个</translation>
    </message>
</context>
<context>
    <name>people.reason_needed</name>
    <message>
        <source>give the reason with --reason</source>
        <translation>请用 --reason 注明原因</translation>
    </message>
</context>
<context>
    <name>people.rescreen_date_of_birth_differs</name>
    <message>
        <source>the date of birth given ({value}) is not the one of screening {number} ({earlier}): the same subject is screened again; correct the earlier screening if it was wrong</source>
        <translation>填写的出生日期（{value}）与筛选 {number} 的（{earlier}）不同：重新筛选的是同一受试者；如原记录有误，请更正原筛选</translation>
    </message>
</context>
<context>
    <name>people.rescreen_enrolled</name>
    <message>
        <source>the subject of screening {number} is enrolled: an enrolled subject is not screened again</source>
        <translation>筛选 {number} 的受试者已入组：已入组的受试者不再筛选</translation>
    </message>
</context>
<context>
    <name>people.rescreen_not_ended</name>
    <message>
        <source>screening {number} has not ended ({stage}): a subject is re-screened after a screen failure or a recorded outcome of not enrolled</source>
        <translation>筛选 {number} 尚未结束（{stage}）：受试者在筛选失败或记录为未入组后才能重新筛选</translation>
    </message>
</context>
<context>
    <name>people.rescreen_not_latest</name>
    <message>
        <source>screening {number} was re-screened already as {later}: re-screen from the latest attempt</source>
        <translation>筛选 {number} 已重新筛选为 {later}：请从最近一次筛选重新筛选</translation>
    </message>
</context>
<context>
    <name>people.rescreen_other_protocol</name>
    <message>
        <source>that subject was screened for protocol {protocol}: a re-screening is for the same protocol</source>
        <translation>该受试者筛选的是方案 {protocol}：重新筛选须为同一方案</translation>
    </message>
</context>
<context>
    <name>people.rescreen_sex_differs</name>
    <message>
        <source>the sex given ({value}) is not the one of screening {number} ({earlier}): the same subject is screened again; correct the earlier screening if it was wrong</source>
        <translation>填写的性别（{value}）与筛选 {number} 的（{earlier}）不同：重新筛选的是同一受试者；如原记录有误，请更正原筛选</translation>
    </message>
</context>
<context>
    <name>people.rescreen_too_many</name>
    <message>
        <source>the subject of screening {number} has had {attempts} screening(s); the protocol allows {most} in all</source>
        <translation>筛选 {number} 的受试者已筛选 {attempts} 次；方案共允许 {most} 次</translation>
    </message>
</context>
<context>
    <name>people.rescreen_too_soon</name>
    <message>
        <source>only {days} days since screening {number}: the protocol asks at least {interval} days, so not before {earliest}</source>
        <translation>距筛选 {number} 仅 {days} 天：方案要求至少间隔 {interval} 天，即不早于 {earliest}</translation>
    </message>
</context>
<context>
    <name>people.rescreen_wrong_attempt</name>
    <message>
        <source>a re-screening of screening {number} is its subject&apos;s attempt {expected}, not {attempt}</source>
        <translation>筛选 {number} 的重新筛选是该受试者的第 {expected} 次，而不是第 {attempt} 次</translation>
    </message>
</context>
<context>
    <name>people.secret_not_text</name>
    <message>
        <source>{file} is not UTF-8 text: save the password or passphrase in it as plain text</source>
        <translation>{file} 不是 UTF-8 文本：请将密码或口令以纯文本保存在其中</translation>
    </message>
</context>
<context>
    <name>people.secret_unreadable</name>
    <message>
        <source>{file} cannot be read: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
</context>
<context>
    <name>people.sign_in_failed</name>
    <message>
        <source>the name or the password is wrong</source>
        <translation>姓名或密码错误</translation>
    </message>
</context>
<context>
    <name>people.sign_needs_investigator</name>
    <message>
        <source>{name} is a {role}: only a sub-investigator or the principal investigator decides eligibility and signs</source>
        <translation>{name} 的角色是{role}：只有协助研究者或主要研究者可以判定入选资格并签名</translation>
    </message>
</context>
<context>
    <name>people.signed_out</name>
    <message>
        <source>sign in to make changes</source>
        <translation>请先登录再修改</translation>
    </message>
</context>
<context>
    <name>people.stdin_twice</name>
    <message>
        <source>the password and the passphrase cannot both come from standard input: give one of them in a file</source>
        <translation>密码和口令不能都从标准输入读取：请将其中之一写在文件中</translation>
    </message>
</context>
<context>
    <name>people.text_too_long</name>
    <message>
        <source>the {what} is longer than {limit} characters</source>
        <translation>{what} 超过 {limit} 个字符</translation>
    </message>
</context>
<context>
    <name>people.worksheet_unreadable</name>
    <message>
        <source>{file} cannot be read as a worksheet: {error}</source>
        <translation>无法将 {file} 作为核查表读取：{error}</translation>
    </message>
</context>
<context>
    <name>period.day</name>
    <message>
        <source>day</source>
        <translation>天</translation>
    </message>
</context>
<context>
    <name>period.days</name>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
</context>
<context>
    <name>period.hour</name>
    <message>
        <source>hour</source>
        <translation>小时</translation>
    </message>
</context>
<context>
    <name>period.hours</name>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
</context>
<context>
    <name>period.month</name>
    <message>
        <source>month</source>
        <translation>个月</translation>
    </message>
</context>
<context>
    <name>period.months</name>
    <message>
        <source>months</source>
        <translation>个月</translation>
    </message>
</context>
<context>
    <name>period.week</name>
    <message>
        <source>week</source>
        <translation>周</translation>
    </message>
</context>
<context>
    <name>period.weeks</name>
    <message>
        <source>weeks</source>
        <translation>周</translation>
    </message>
</context>
<context>
    <name>period.year</name>
    <message>
        <source>year</source>
        <translation>年</translation>
    </message>
</context>
<context>
    <name>period.years</name>
    <message>
        <source>years</source>
        <translation>年</translation>
    </message>
</context>
<context>
    <name>prednisone.course</name>
    <message>
        <source>{drug} {dose} mg/day = {equivalent} mg</source>
        <translation>{drug} {dose} mg/天 = {equivalent} mg</translation>
    </message>
</context>
<context>
    <name>prednisone.is</name>
    <message>
        <source>is</source>
        <translation>满足</translation>
    </message>
</context>
<context>
    <name>prednisone.is_not</name>
    <message>
        <source>is not</source>
        <translation>不满足</translation>
    </message>
</context>
<context>
    <name>prednisone.total</name>
    <message>
        <source>{total} mg/day prednisone-equivalent on {day}{courses} {relation} {threshold} mg/day{window}</source>
        <translation>{day} 泼尼松等效剂量 {total} mg/天{courses} {relation} {threshold} mg/天{window}</translation>
    </message>
</context>
<context>
    <name>prednisone.window</name>
    <message>
        <source>, the highest day within {count} {unit} before the screening date</source>
        <translation>，为筛选日前 {count} {unit} 内剂量最高的一天</translation>
    </message>
</context>
<context>
    <name>prescreen.could_be_eligible</name>
    <message>
        <source>could be eligible; needs: {facts}</source>
        <translation>可能符合入选条件；尚需：{facts}</translation>
    </message>
</context>
<context>
    <name>prescreen.could_be_eligible_all_met</name>
    <message>
        <source>could be eligible: every criterion is met on these records (a screening confirms them)</source>
        <translation>可能符合入选条件：根据这些记录每条标准均满足（须经筛选确认）</translation>
    </message>
</context>
<context>
    <name>prescreen.file.cannot_read</name>
    <message>
        <source>cannot be read: {error}</source>
        <translation>无法读取：{error}</translation>
    </message>
</context>
<context>
    <name>prescreen.file.duplicate_column</name>
    <message>
        <source>column {column}: {fact} has a column already</source>
        <translation>列 {column}：{fact} 已有一列</translation>
    </message>
</context>
<context>
    <name>prescreen.file.empty_column</name>
    <message>
        <source>column {number} has no fact id in its header</source>
        <translation>第 {number} 列的表头没有事实编号</translation>
    </message>
</context>
<context>
    <name>prescreen.file.exists</name>
    <message>
        <source>already exists; the results never replace a file (give another name)</source>
        <translation>已存在；结果从不覆盖已有文件（请换一个文件名）</translation>
    </message>
</context>
<context>
    <name>prescreen.file.no_header</name>
    <message>
        <source>has no header row: expected the candidate id&apos;s column, then one column per fact id</source>
        <translation>没有表头行：第一列应为候选者编号，其后每列为一个事实编号</translation>
    </message>
</context>
<context>
    <name>prescreen.file.no_units</name>
    <message>
        <source>column {column}: {fact} is not a measurement: its header takes no unit</source>
        <translation>列 {column}：{fact} 不是测量值：其表头不带单位</translation>
    </message>
</context>
<context>
    <name>prescreen.file.not_csv</name>
    <message>
        <source>line {line}: not CSV: {error}</source>
        <translation>第 {line} 行：不是 CSV：{error}</translation>
    </message>
</context>
<context>
    <name>prescreen.file.not_text</name>
    <message>
        <source>is not UTF-8 text</source>
        <translation>不是 UTF-8 文本</translation>
    </message>
</context>
<context>
    <name>prescreen.file.output_suffix</name>
    <message>
        <source>the results are written to a .csv or a .jsonl file</source>
        <translation>结果写入 .csv 或 .jsonl 文件</translation>
    </message>
</context>
<context>
    <name>prescreen.file.row_too_long</name>
    <message>
        <source>line {line}: a row longer than {limit} characters (an unclosed quote?)</source>
        <translation>第 {line} 行：一行超过 {limit} 个字符（引号未闭合？）</translation>
    </message>
</context>
<context>
    <name>prescreen.file.too_large</name>
    <message>
        <source>is larger than {limit} MiB: split the list</source>
        <translation>超过 {limit} MiB：请拆分名单</translation>
    </message>
</context>
<context>
    <name>prescreen.file.too_many_columns</name>
    <message>
        <source>the header has {count} columns; this protocol asks {limit} facts, so at most {most}</source>
        <translation>表头有 {count} 列；本方案询问 {limit} 项事实，因此最多 {most} 列</translation>
    </message>
</context>
<context>
    <name>prescreen.file.too_many_rows</name>
    <message>
        <source>has more than {limit} candidates: split the list</source>
        <translation>候选者超过 {limit} 名：请拆分名单</translation>
    </message>
</context>
<context>
    <name>prescreen.file.unknown_column</name>
    <message>
        <source>column {column}: this protocol asks no such fact; known facts: {known}</source>
        <translation>列 {column}：本方案不询问此项事实；已知事实：{known}</translation>
    </message>
</context>
<context>
    <name>prescreen.file.unknown_unit</name>
    <message>
        <source>column {column}: unknown unit “{unit}”; expected one of {units}</source>
        <translation>列 {column}：未知单位“{unit}”；应为 {units} 之一</translation>
    </message>
</context>
<context>
    <name>prescreen.not_eligible</name>
    <message>
        <source>not eligible: {effect}: {reason}</source>
        <translation>不符合入选条件：{effect}：{reason}</translation>
    </message>
</context>
<context>
    <name>prescreen.refused</name>
    <message>
        <source>refused: {problems}</source>
        <translation>已拒绝：{problems}</translation>
    </message>
</context>
<context>
    <name>prescreen.row.bad_id</name>
    <message>
        <source>column {column}: “{value}” is not a candidate id: up to {limit} characters, not starting with = + - @</source>
        <translation>列 {column}：“{value}”不是候选者编号：最多 {limit} 个字符，且不能以 = + - @ 开头</translation>
    </message>
</context>
<context>
    <name>prescreen.row.cell_too_long</name>
    <message>
        <source>column {column}: a cell longer than {limit} characters</source>
        <translation>列 {column}：单元格超过 {limit} 个字符</translation>
    </message>
</context>
<context>
    <name>prescreen.row.cells</name>
    <message>
        <source>the row has {count} cells, the header {expected}</source>
        <translation>该行有 {count} 个单元格，表头有 {expected} 个</translation>
    </message>
</context>
<context>
    <name>prescreen.row.duplicate_id</name>
    <message>
        <source>column {column}: the candidate “{value}” is on line {line} already</source>
        <translation>列 {column}：候选者“{value}”已在第 {line} 行出现</translation>
    </message>
</context>
<context>
    <name>prescreen.row.no_id</name>
    <message>
        <source>column {column}: no candidate id</source>
        <translation>列 {column}：缺少候选者编号</translation>
    </message>
</context>
<context>
    <name>prescreen.row.unit_twice</name>
    <message>
        <source>column {column}: the cell gives the unit “{unit}”, the header “{header_unit}”: give the number alone</source>
        <translation>列 {column}：单元格给出单位“{unit}”，表头给出“{header_unit}”：请只填数字</translation>
    </message>
</context>
<context>
    <name>prescreen.summary</name>
    <message>
        <source>{total} candidates: {could} could be eligible, {not_eligible} not eligible, {refused} refused</source>
        <translation>共 {total} 名候选者：{could} 名可能符合，{not_eligible} 名不符合，{refused} 名被拒绝</translation>
    </message>
</context>
<context>
    <name>prescreen_outcome.declined</name>
    <message>
        <source>declined before consent</source>
        <translation>知情同意前拒绝</translation>
    </message>
</context>
<context>
    <name>prescreen_outcome.not_approached</name>
    <message>
        <source>not approached</source>
        <translation>未接触</translation>
    </message>
</context>
<context>
    <name>prescreen_outcome.other</name>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>prescreen_outcome.screened</name>
    <message>
        <source>screening started</source>
        <translation>已开始筛选</translation>
    </message>
</context>
<context>
    <name>problem.adults_only</name>
    <message>
        <source>the equation is validated for adults only: age {value} is under {min}</source>
        <translation>该公式仅适用于成人：年龄 {value} 小于 {min}</translation>
    </message>
</context>
<context>
    <name>problem.after_screening</name>
    <message>
        <source>{value} is after the screening date {screening_date}</source>
        <translation>{value} 晚于筛选日期 {screening_date}</translation>
    </message>
</context>
<context>
    <name>problem.after_stop</name>
    <message>
        <source>{value} is after the stop {stop}</source>
        <translation>{value} 晚于停用日期 {stop}</translation>
    </message>
</context>
<context>
    <name>problem.age_over_usual</name>
    <message>
        <source>{value} gives an age of {age} at the screening date, over {limit}: check the year</source>
        <translation>{value} 对应筛选日年龄 {age} 岁，超过 {limit} 岁：请核对年份</translation>
    </message>
</context>
<context>
    <name>problem.assessment_date_required</name>
    <message>
        <source>give the date of the assessment</source>
        <translation>请填写评估日期</translation>
    </message>
</context>
<context>
    <name>problem.bad_initials</name>
    <message>
        <source>“{value}” is not initials: up to 8 letters, with - or . between them</source>
        <translation>“{value}”不是姓名缩写：最多 8 个字，可用 - 或 . 分隔</translation>
    </message>
</context>
<context>
    <name>problem.bad_number_text</name>
    <message>
        <source>“{value}” is not a number: type digits with an optional sign and one decimal point or comma (8.5, 8,5, -2), with no exponent, spaces or other characters</source>
        <translation>“{value}”不是数字：请输入数字，可带正负号和一个小数点或小数逗号（8.5、8,5、-2），不能有指数、空格或其他字符</translation>
    </message>
</context>
<context>
    <name>problem.bad_screening_number</name>
    <message>
        <source>“{value}” is not a screening number: letters, digits and . _ / - (up to 32)</source>
        <translation>“{value}”不是筛选号：可用字母、数字及 . _ / -（最多 32 个）</translation>
    </message>
</context>
<context>
    <name>problem.bad_subject</name>
    <message>
        <source>“subject” must be an object with some of {fields}</source>
        <translation>“subject”必须是包含 {fields} 中若干项的对象</translation>
    </message>
</context>
<context>
    <name>problem.before_screening</name>
    <message>
        <source>{value} is before the screening date {screening_date}: this date cannot come before it</source>
        <translation>{value} 早于筛选日期 {screening_date}：此日期不能早于筛选日期</translation>
    </message>
</context>
<context>
    <name>problem.before_start</name>
    <message>
        <source>{value} is before the start {start}</source>
        <translation>{value} 早于开始日期 {start}</translation>
    </message>
</context>
<context>
    <name>problem.cannot_read</name>
    <message>
        <source>cannot be read: {error}</source>
        <translation>无法读取：{error}</translation>
    </message>
</context>
<context>
    <name>problem.circular</name>
    <message>
        <source>{score} reads itself</source>
        <translation>{score} 引用了自身</translation>
    </message>
</context>
<context>
    <name>problem.control_characters</name>
    <message>
        <source>holds control or invisible formatting characters: type it as plain text</source>
        <translation>含有控制字符或不可见的格式字符：请输入纯文本</translation>
    </message>
</context>
<context>
    <name>problem.date_far_past</name>
    <message>
        <source>{value} is {days} days before today ({today}), a year or more: check the year</source>
        <translation>{value} 早于今天（{today}）{days} 天，已达一年或以上：请核对年份</translation>
    </message>
</context>
<context>
    <name>problem.date_in_future</name>
    <message>
        <source>{value} is after today ({today}): this date has not come yet</source>
        <translation>{value} 晚于今天（{today}）：该日期尚未到来</translation>
    </message>
</context>
<context>
    <name>problem.date_out_of_range</name>
    <message>
        <source>{value} is outside the years {first}–{last}</source>
        <translation>{value} 不在 {first}–{last} 年之间</translation>
    </message>
</context>
<context>
    <name>problem.dates_reversed</name>
    <message>
        <source>{to_date} is before {from_date}</source>
        <translation>{to_date} 早于 {from_date}</translation>
    </message>
</context>
<context>
    <name>problem.division_by_zero</name>
    <message>
        <source>it divides by zero</source>
        <translation>除数为零</translation>
    </message>
</context>
<context>
    <name>problem.dose_not_positive</name>
    <message>
        <source>the dose must be a number above 0</source>
        <translation>剂量必须是大于 0 的数字</translation>
    </message>
</context>
<context>
    <name>problem.drug_and_other</name>
    <message>
        <source>give a drug of the list or another drug&apos;s name, not both</source>
        <translation>请选择列表中的药物或填写其他药物名称，不能两者都填</translation>
    </message>
</context>
<context>
    <name>problem.drug_of_another_history</name>
    <message>
        <source>“{value}” is {drug}, which this history does not take: enter it in the history its rules read</source>
        <translation>“{value}”即{drug}，不属于此用药史：请录入到判定它的用药史中</translation>
    </message>
</context>
<context>
    <name>problem.duplicate_key</name>
    <message>
        <source>the key “{name}” appears twice in one object</source>
        <translation>同一对象中键“{name}”出现了两次</translation>
    </message>
</context>
<context>
    <name>problem.facts_file</name>
    <message>
        <source>the facts file: {message}</source>
        <translation>信息文件：{message}</translation>
    </message>
</context>
<context>
    <name>problem.file_too_large</name>
    <message>
        <source>larger than {limit} KiB: not a facts file</source>
        <translation>大于 {limit} KiB：不是事实文件</translation>
    </message>
</context>
<context>
    <name>problem.implausible</name>
    <message>
        <source>{value} {unit} is outside the plausible range {min}–{max} {unit}</source>
        <translation>{value} {unit} 超出合理范围 {min}–{max} {unit}</translation>
    </message>
</context>
<context>
    <name>problem.in_entry</name>
    <message>
        <source>{label}, entry {index}{field}: {message}</source>
        <translation>{label}，第 {index} 条{field}：{message}</translation>
    </message>
</context>
<context>
    <name>problem.in_fact</name>
    <message>
        <source>{label}: {message}</source>
        <translation>{label}：{message}</translation>
    </message>
</context>
<context>
    <name>problem.inconsistent</name>
    <message>
        <source>refused: {text} (the answers to {facts} contradict each other)</source>
        <translation>不予接受：{text}（{facts} 的回答相互矛盾）</translation>
    </message>
</context>
<context>
    <name>problem.input_problem</name>
    <message>
        <source>{score}, which it reads, cannot be computed</source>
        <translation>其所引用的 {score} 无法计算</translation>
    </message>
</context>
<context>
    <name>problem.invalid_date</name>
    <message>
        <source>“{value}” is not a calendar date (YYYY-MM-DD)</source>
        <translation>“{value}”不是有效日期（YYYY-MM-DD）</translation>
    </message>
</context>
<context>
    <name>problem.invalid_date_or_never</name>
    <message>
        <source>“{value}” is not a calendar date (YYYY-MM-DD) or “none”</source>
        <translation>“{value}”不是有效日期（YYYY-MM-DD）或“none”</translation>
    </message>
</context>
<context>
    <name>problem.invalid_datetime</name>
    <message>
        <source>“{value}” is not a date and time (YYYY-MM-DDTHH:MM)</source>
        <translation>“{value}”不是日期和时间（YYYY-MM-DDTHH:MM）</translation>
    </message>
</context>
<context>
    <name>problem.measurements_apart</name>
    <message>
        <source>{from_date} and {to_date} are more than {count} {unit} apart</source>
        <translation>{from_date} 与 {to_date} 相隔超过 {count} {unit}</translation>
    </message>
</context>
<context>
    <name>problem.no_facts</name>
    <message>
        <source>expected an object with a “facts” object of answers</source>
        <translation>应为包含“facts”答案对象的对象</translation>
    </message>
</context>
<context>
    <name>problem.no_screening_date</name>
    <message>
        <source>“screening_date” is missing or not a date (YYYY-MM-DD); give it in the file or with --on</source>
        <translation>“screening_date”缺失或不是日期（YYYY-MM-DD）；请在文件中给出或使用 --on</translation>
    </message>
</context>
<context>
    <name>problem.no_uln</name>
    <message>
        <source>no upper limit of normal entered for {fact}</source>
        <translation>{fact} 未填写正常值上限</translation>
    </message>
</context>
<context>
    <name>problem.not_a_joint_exam</name>
    <message>
        <source>expected lists of joints under “tender” and “swollen”</source>
        <translation>应在“tender”和“swollen”下列出关节</translation>
    </message>
</context>
<context>
    <name>problem.not_a_list</name>
    <message>
        <source>expected a list of courses</source>
        <translation>应为用药记录列表</translation>
    </message>
</context>
<context>
    <name>problem.not_a_number</name>
    <message>
        <source>“{value}” is not a number</source>
        <translation>“{value}”不是数字</translation>
    </message>
</context>
<context>
    <name>problem.not_an_entry</name>
    <message>
        <source>expected a course with drug, dose, unit, route, start, last_change, stop</source>
        <translation>应为包含药物、剂量、单位、途径、开始、最近调整、停用的用药记录</translation>
    </message>
</context>
<context>
    <name>problem.not_asked</name>
    <message>
        <source>not asked with these answers: it is asked only when {condition}</source>
        <translation>根据现有回答不询问此项：仅在{condition}时询问</translation>
    </message>
</context>
<context>
    <name>problem.not_finite</name>
    <message>
        <source>“{value}” is not a number JSON allows (NaN and Infinity are refused)</source>
        <translation>“{value}”不是 JSON 允许的数字（不接受 NaN 和 Infinity）</translation>
    </message>
</context>
<context>
    <name>problem.not_involved_joints</name>
    <message>
        <source>expected the assessment&apos;s date with the joints involved, or with the numbers of large and small joints involved, or “not_documented”</source>
        <translation>应填写评估日期及受累关节，或评估日期及受累大、小关节的数目，或“not_documented”</translation>
    </message>
</context>
<context>
    <name>problem.not_involved_joints_documented</name>
    <message>
        <source>expected the assessment&apos;s date with the joints involved, or with the numbers of large and small joints involved</source>
        <translation>应填写评估日期及受累关节，或评估日期及受累大、小关节的数目</translation>
    </message>
</context>
<context>
    <name>problem.not_json</name>
    <message>
        <source>not valid JSON at line {line}, column {column}: {error}</source>
        <translation>JSON 无效，第 {line} 行第 {column} 列：{error}</translation>
    </message>
</context>
<context>
    <name>problem.not_positive</name>
    <message>
        <source>{input} must be above 0</source>
        <translation>{input} 必须大于 0</translation>
    </message>
</context>
<context>
    <name>problem.not_text</name>
    <message>
        <source>“{value}” must be text</source>
        <translation>“{value}”必须是文本</translation>
    </message>
</context>
<context>
    <name>problem.not_value_or_result</name>
    <message>
        <source>“{value}” is neither a number nor one of the results {results}</source>
        <translation>“{value}”既不是数字，也不是结果 {results} 之一</translation>
    </message>
</context>
<context>
    <name>problem.not_whole</name>
    <message>
        <source>“{value}” is not a whole number</source>
        <translation>“{value}”不是整数</translation>
    </message>
</context>
<context>
    <name>problem.not_yes_no</name>
    <message>
        <source>“{value}” is not yes, no or unknown</source>
        <translation>“{value}”不是是、否或不详</translation>
    </message>
</context>
<context>
    <name>problem.number_as_text</name>
    <message>
        <source>“{value}” is text: in a facts file a number is a JSON number, without quotes</source>
        <translation>“{value}”是文本：事实文件中的数字应写成 JSON 数字，不加引号</translation>
    </message>
</context>
<context>
    <name>problem.number_too_large</name>
    <message>
        <source>{value} is too large: at most {digits} digits before the decimal point</source>
        <translation>{value} 太大：小数点前最多 {digits} 位数字</translation>
    </message>
</context>
<context>
    <name>problem.out_of_range</name>
    <message>
        <source>{value} is outside {min}–{max}</source>
        <translation>{value} 超出 {min}–{max}</translation>
    </message>
</context>
<context>
    <name>problem.reported_as</name>
    <message>
        <source>{fact} is reported as {result}, not as a value</source>
        <translation>{fact} 报告为{result}，而非数值</translation>
    </message>
</context>
<context>
    <name>problem.required</name>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>problem.subject_answer_differs</name>
    <message>
        <source>the subject gives “{subject}” and the answers “{answer}”: give one value</source>
        <translation>受试者信息为“{subject}”，而回答为“{answer}”：请只给出一个值</translation>
    </message>
</context>
<context>
    <name>problem.subject_fact_required</name>
    <message>
        <source>is part of the subject&apos;s record: correct it, it cannot be left empty</source>
        <translation>属于受试者基本信息：可以更正，但不能留空</translation>
    </message>
</context>
<context>
    <name>problem.text_too_long</name>
    <message>
        <source>longer than {limit} characters</source>
        <translation>超过 {limit} 个字符</translation>
    </message>
</context>
<context>
    <name>problem.too_deep</name>
    <message>
        <source>nested more than {limit} levels deep</source>
        <translation>嵌套超过 {limit} 层</translation>
    </message>
</context>
<context>
    <name>problem.too_many_courses</name>
    <message>
        <source>{count} courses: at most {limit} in one history</source>
        <translation>{count} 个疗程：一份用药史最多 {limit} 个</translation>
    </message>
</context>
<context>
    <name>problem.too_many_decimals</name>
    <message>
        <source>{value} has too many decimals: at most {digits} after the decimal point</source>
        <translation>{value} 的小数位太多：小数点后最多 {digits} 位</translation>
    </message>
</context>
<context>
    <name>problem.uln_not_positive</name>
    <message>
        <source>the upper limit of normal must be above 0 {unit}</source>
        <translation>正常值上限必须大于 0 {unit}</translation>
    </message>
</context>
<context>
    <name>problem.uln_required</name>
    <message>
        <source>give the laboratory&apos;s upper limit of normal (ULN) printed with the result, in {unit}</source>
        <translation>请填写检验报告上与结果一同打印的正常值上限（ULN），单位 {unit}</translation>
    </message>
</context>
<context>
    <name>problem.undo_empties_subject</name>
    <message>
        <source>its first entry cannot be undone: that would leave the subject&apos;s record empty; correct it instead</source>
        <translation>其首次录入不能撤销：撤销将使受试者记录为空；请改为更正该值</translation>
    </message>
</context>
<context>
    <name>problem.unexpected_keys</name>
    <message>
        <source>unexpected {keys}; expected {expected}</source>
        <translation>多余的 {keys}；应为 {expected}</translation>
    </message>
</context>
<context>
    <name>problem.unit_required</name>
    <message>
        <source>give the unit: one of {units}</source>
        <translation>请给出单位：{units} 之一</translation>
    </message>
</context>
<context>
    <name>problem.unknown_fact</name>
    <message>
        <source>this protocol asks no such fact; known facts: {known}</source>
        <translation>本方案没有此项信息；已知信息：{known}</translation>
    </message>
</context>
<context>
    <name>problem.unknown_joint</name>
    <message>
        <source>unknown joints {joints}</source>
        <translation>未知关节 {joints}</translation>
    </message>
</context>
<context>
    <name>problem.unknown_option</name>
    <message>
        <source>“{value}” is not one of {options}</source>
        <translation>“{value}”不是 {options} 之一</translation>
    </message>
</context>
<context>
    <name>problem.unknown_unit</name>
    <message>
        <source>unknown unit “{unit}”; expected one of {units}</source>
        <translation>未知单位“{unit}”；应为 {units} 之一</translation>
    </message>
</context>
<context>
    <name>problem.unusual</name>
    <message>
        <source>{value} {unit} is outside the usual range {min}–{max} {unit}</source>
        <translation>{value} {unit} 超出常见范围 {min}–{max} {unit}</translation>
    </message>
</context>
<context>
    <name>problem.unusual_answers</name>
    <message>
        <source>unusual: {text} (the answers to {facts})</source>
        <translation>不常见：{text}（{facts} 的回答）</translation>
    </message>
</context>
<context>
    <name>problem.unusual_uln</name>
    <message>
        <source>an upper limit of normal of {value} {unit} is outside the range laboratories usually give, {min}–{max} {unit}</source>
        <translation>正常上限 {value} {unit} 超出各实验室通常给出的范围 {min}–{max} {unit}</translation>
    </message>
</context>
<context>
    <name>problem.value_too_long</name>
    <message>
        <source>the value is longer than {limit} characters</source>
        <translation>该值超过 {limit} 个字符</translation>
    </message>
</context>
<context>
    <name>range.fails</name>
    <message>
        <source>{label} {value} outside {min}–{max}{unit}{note}</source>
        <translation>{label} {value} 不在 {min}–{max}{unit} 范围内{note}</translation>
    </message>
</context>
<context>
    <name>range.holds</name>
    <message>
        <source>{label} {value} within {min}–{max}{unit}{note}</source>
        <translation>{label} {value} 在 {min}–{max}{unit} 范围内{note}</translation>
    </message>
</context>
<context>
    <name>refused</name>
    <message>
        <source>{label} {value} was refused: see the field</source>
        <translation>{label} {value} 未被接受：请查看该字段</translation>
    </message>
</context>
<context>
    <name>refused.needed</name>
    <message>
        <source>{label} ({value} was refused)</source>
        <translation>{label}（{value} 未被接受）</translation>
    </message>
</context>
<context>
    <name>reported_as</name>
    <message>
        <source>{label}: reported as {result}, not as a value</source>
        <translation>{label}：报告为{result}，而非数值</translation>
    </message>
</context>
<context>
    <name>role.coordinator</name>
    <message>
        <source>Study coordinator</source>
        <translation>研究协调员</translation>
    </message>
</context>
<context>
    <name>role.principal_investigator</name>
    <message>
        <source>Principal investigator</source>
        <translation>主要研究者</translation>
    </message>
</context>
<context>
    <name>role.site_administrator</name>
    <message>
        <source>Site administrator</source>
        <translation>站点管理员</translation>
    </message>
</context>
<context>
    <name>role.sub_investigator</name>
    <message>
        <source>Sub-investigator</source>
        <translation>研究者</translation>
    </message>
</context>
<context>
    <name>route.inhaled</name>
    <message>
        <source>Inhaled</source>
        <translation>吸入</translation>
    </message>
</context>
<context>
    <name>route.intra_articular</name>
    <message>
        <source>Intra-articular</source>
        <translation>关节腔内注射</translation>
    </message>
</context>
<context>
    <name>route.intramuscular</name>
    <message>
        <source>Intramuscular</source>
        <translation>肌内注射</translation>
    </message>
</context>
<context>
    <name>route.intravenous</name>
    <message>
        <source>Intravenous</source>
        <translation>静脉给药</translation>
    </message>
</context>
<context>
    <name>route.oral</name>
    <message>
        <source>Oral</source>
        <translation>口服</translation>
    </message>
</context>
<context>
    <name>route.subcutaneous</name>
    <message>
        <source>Subcutaneous</source>
        <translation>皮下注射</translation>
    </message>
</context>
<context>
    <name>route.topical</name>
    <message>
        <source>Topical</source>
        <translation>外用</translation>
    </message>
</context>
<context>
    <name>score.bounds</name>
    <message>
        <source>{label}: {low}–{high} still possible; needs {facts}</source>
        <translation>{label}：仍可能为 {low}–{high}；需要 {facts}</translation>
    </message>
</context>
<context>
    <name>score.components</name>
    <message>
        <source> ({parts})</source>
        <translation>（{parts}）</translation>
    </message>
</context>
<context>
    <name>score.formula</name>
    <message>
        <source>formula: {name} ({citation})</source>
        <translation>公式：{name}（{citation}）</translation>
    </message>
</context>
<context>
    <name>score.inputs</name>
    <message>
        <source> — {inputs}</source>
        <translation> — {inputs}</translation>
    </message>
</context>
<context>
    <name>score.missing</name>
    <message>
        <source>{label}: needs {facts}</source>
        <translation>{label}：需要 {facts}</translation>
    </message>
</context>
<context>
    <name>score.problem</name>
    <message>
        <source>{label}: {problem}</source>
        <translation>{label}：{problem}</translation>
    </message>
</context>
<context>
    <name>score.value</name>
    <message>
        <source>{label} {value}{note}</source>
        <translation>{label} {value}{note}</translation>
    </message>
</context>
<context>
    <name>score_bounds</name>
    <message>
        <source>{label} can only reach {low}–{high} with the answers given, so {op} {threshold} {decided} (still missing: {missing})</source>
        <translation>根据已有答案，{label} 只能为 {low}–{high}，因此 {op} {threshold} {decided}（仍缺少：{missing}）</translation>
    </message>
</context>
<context>
    <name>score_bounds.fails</name>
    <message>
        <source>cannot hold</source>
        <translation>不可能成立</translation>
    </message>
</context>
<context>
    <name>score_bounds.holds</name>
    <message>
        <source>holds</source>
        <translation>成立</translation>
    </message>
</context>
<context>
    <name>score_bounds.range</name>
    <message>
        <source>{label} can only reach {low}–{high} with the answers given, so within {range} {decided} (still missing: {missing})</source>
        <translation>根据已有答案，{label} 只能为 {low}–{high}，因此在 {range} 范围内{decided}（仍缺少：{missing}）</translation>
    </message>
</context>
<context>
    <name>score_problem</name>
    <message>
        <source>{label} cannot be computed: {problem}</source>
        <translation>无法计算 {label}：{problem}</translation>
    </message>
</context>
<context>
    <name>sep</name>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>sheet.also_open</name>
    <message>
        <source>Also not decided yet, which cannot change this result: {ids}.</source>
        <translation>另有尚未判定的标准，但不会改变此结论：{ids}。</translation>
    </message>
</context>
<context>
    <name>sheet.certificate_label</name>
    <message>
        <source>Certificate SHA-256</source>
        <translation>证书 SHA-256</translation>
    </message>
</context>
<context>
    <name>sheet.completed_line</name>
    <message>
        <source>Completed by {name}, {role}: {at}</source>
        <translation>录入完成人：{name}，{role}，{at}</translation>
    </message>
</context>
<context>
    <name>sheet.content_label</name>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>sheet.criteria_pages</name>
    <message>
        <source>Criteria one by one</source>
        <translation>逐条标准</translation>
    </message>
</context>
<context>
    <name>sheet.delegation_label</name>
    <message>
        <source>Delegation on the signing date</source>
        <translation>签名当日的授权</translation>
    </message>
</context>
<context>
    <name>sheet.document_label</name>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>sheet.documented</name>
    <message>
        <source>Documented criterion by criterion on the pages that follow: inclusion criteria {inclusions}, exclusion criteria {exclusions}.</source>
        <translation>以下各页逐条记录：入选标准 {inclusions} 条，排除标准 {exclusions} 条。</translation>
    </message>
</context>
<context>
    <name>sheet.eligible_finding</name>
    <message>
        <source>Every inclusion criterion is met and no exclusion criterion applies.</source>
        <translation>符合全部入选标准，且不符合任何排除标准。</translation>
    </message>
</context>
<context>
    <name>sheet.entered_once</name>
    <message>
        <source>Entered by {name}: {at}</source>
        <translation>录入人 {name}：{at}</translation>
    </message>
</context>
<context>
    <name>sheet.entered_span</name>
    <message>
        <source>Entered by {name}: {first} to {last}</source>
        <translation>录入人 {name}：{first} 至 {last}</translation>
    </message>
</context>
<context>
    <name>sheet.excluded_by</name>
    <message>
        <source>Criteria that exclude the subject ({count})</source>
        <translation>导致受试者被排除的标准（{count} 条）</translation>
    </message>
</context>
<context>
    <name>sheet.incomplete_finding</name>
    <message>
        <source>No criterion decided so far excludes the subject; the result waits for these criteria.</source>
        <translation>目前已判定的标准均不排除该受试者；结论有待以下标准判定。</translation>
    </message>
</context>
<context>
    <name>sheet.meaning_label</name>
    <message>
        <source>Meaning of the signature</source>
        <translation>签名含义</translation>
    </message>
</context>
<context>
    <name>sheet.more</name>
    <message>
        <source>… and {count} more: {ids}</source>
        <translation>……另有 {count} 条：{ids}</translation>
    </message>
</context>
<context>
    <name>sheet.not_applicable_list</name>
    <message>
        <source>Not applicable to this subject: {ids}.</source>
        <translation>对该受试者不适用：{ids}。</translation>
    </message>
</context>
<context>
    <name>sheet.nothing_entered</name>
    <message>
        <source>Nothing entered yet</source>
        <translation>尚未录入任何信息</translation>
    </message>
</context>
<context>
    <name>sheet.open_heading</name>
    <message>
        <source>Criteria not decided yet ({count})</source>
        <translation>尚未判定的标准（{count} 条）</translation>
    </message>
</context>
<context>
    <name>sheet.overall_line</name>
    <message>
        <source>Overall result: {overall}</source>
        <translation>总体结论：{overall}</translation>
    </message>
</context>
<context>
    <name>sheet.people</name>
    <message>
        <source>Entered, completed and signed</source>
        <translation>录入、完成与签署</translation>
    </message>
</context>
<context>
    <name>sheet.printed</name>
    <message>
        <source>Printed {at} · worksheet content SHA-256 {digest}</source>
        <translation>打印于 {at} · 核查表内容 SHA-256 {digest}</translation>
    </message>
</context>
<context>
    <name>sheet.running_protocol</name>
    <message>
        <source>Protocol {version}</source>
        <translation>方案 {version}</translation>
    </message>
</context>
<context>
    <name>sheet.running_site</name>
    <message>
        <source>Site: {site}</source>
        <translation>中心：{site}</translation>
    </message>
</context>
<context>
    <name>sheet.running_subject</name>
    <message>
        <source>Subject: {number} ({initials}) · version {version}</source>
        <translation>受试者：{number}（{initials}）· 第 {version} 版</translation>
    </message>
</context>
<context>
    <name>sheet.signed_line</name>
    <message>
        <source>Signed by {name}, {role}: {at}</source>
        <translation>签署人：{name}，{role}，{at}</translation>
    </message>
</context>
<context>
    <name>sheet.site_value</name>
    <message>
        <source>{name} ({number})</source>
        <translation>{name}（{number}）</translation>
    </message>
</context>
<context>
    <name>sheet.summary_note</name>
    <message>
        <source>A summary for the screening log, not the eligibility worksheet: the signed worksheet is the record.</source>
        <translation>供筛选登记表使用的摘要，并非入选资格核查表：以已签署的核查表为准。</translation>
    </message>
</context>
<context>
    <name>sheet.summary_title</name>
    <message>
        <source>Screening summary</source>
        <translation>筛选摘要</translation>
    </message>
</context>
<context>
    <name>sheet.when_label</name>
    <message>
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
</context>
<context>
    <name>side.after</name>
    <message>
        <source>after</source>
        <translation>之后</translation>
    </message>
</context>
<context>
    <name>side.before</name>
    <message>
        <source>before</source>
        <translation>之前</translation>
    </message>
</context>
<context>
    <name>signed.copy_missing</name>
    <message>
        <source>signed and kept in the database; the copy in the site file could not be written ({problem}): run trialdesk site-file check</source>
        <translation>已签署并保存在数据库中；无法将副本写入站点文件（{problem}）：请运行 trialdesk site-file check</translation>
    </message>
</context>
<context>
    <name>span.between</name>
    <message>
        <source>from {low} to {high}</source>
        <translation>自 {low} 至 {high}</translation>
    </message>
</context>
<context>
    <name>span.from</name>
    <message>
        <source>on or after {date}</source>
        <translation>不早于 {date}</translation>
    </message>
</context>
<context>
    <name>span.until</name>
    <message>
        <source>on or before {date}</source>
        <translation>不晚于 {date}</translation>
    </message>
</context>
<context>
    <name>sponsor_log.closing.by_screening</name>
    <message>
        <source>Subjects are counted once however often re-screened; the other counts are by screening.</source>
        <translation>受试者无论重新筛选几次只计一次；其余按筛选次数计。</translation>
    </message>
</context>
<context>
    <name>sponsor_log.closing.date</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>sponsor_log.closing.eligibility_pending</name>
    <message>
        <source>Eligibility not decided yet</source>
        <translation>尚未判定是否合格</translation>
    </message>
</context>
<context>
    <name>sponsor_log.closing.eligible</name>
    <message>
        <source>Eligible</source>
        <translation>合格</translation>
    </message>
</context>
<context>
    <name>sponsor_log.closing.enrolled</name>
    <message>
        <source>Enrolled</source>
        <translation>已入组</translation>
    </message>
</context>
<context>
    <name>sponsor_log.closing.name</name>
    <message>
        <source>Investigator (name)</source>
        <translation>研究者（姓名）</translation>
    </message>
</context>
<context>
    <name>sponsor_log.closing.not_eligible</name>
    <message>
        <source>Not eligible (screen failure)</source>
        <translation>不合格（筛选失败）</translation>
    </message>
</context>
<context>
    <name>sponsor_log.closing.not_enrolled</name>
    <message>
        <source>Not enrolled</source>
        <translation>未入组</translation>
    </message>
</context>
<context>
    <name>sponsor_log.closing.not_enrolled_reason</name>
    <message>
        <source>Not enrolled: {reason}</source>
        <translation>未入组：{reason}</translation>
    </message>
</context>
<context>
    <name>sponsor_log.closing.outcome_pending</name>
    <message>
        <source>Outcome not recorded yet (not found ineligible)</source>
        <translation>尚未记录结果（未判定为不合格）</translation>
    </message>
</context>
<context>
    <name>sponsor_log.closing.screenings</name>
    <message>
        <source>Screenings listed (re-screenings: {rescreenings})</source>
        <translation>列出的筛选次数（其中重新筛选：{rescreenings}）</translation>
    </message>
</context>
<context>
    <name>sponsor_log.closing.signature</name>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
</context>
<context>
    <name>sponsor_log.closing.statement</name>
    <message>
        <source>I confirm that this screening and enrolment log is complete and accurate: it lists every subject who signed informed consent for this protocol at this site in the period shown.</source>
        <translation>我确认本筛选与入组登记表完整、准确：列出了在所示期间内于本中心签署本方案知情同意书的全部受试者。</translation>
    </message>
</context>
<context>
    <name>sponsor_log.closing.subjects</name>
    <message>
        <source>Subjects screened</source>
        <translation>筛选受试者数</translation>
    </message>
</context>
<context>
    <name>sponsor_log.closing.title</name>
    <message>
        <source>Closing of the log</source>
        <translation>登记表结束</translation>
    </message>
</context>
<context>
    <name>sponsor_log.col.consent</name>
    <message>
        <source>Consent date / version</source>
        <translation>知情同意日期 / 版本</translation>
    </message>
</context>
<context>
    <name>sponsor_log.col.criteria</name>
    <message>
        <source>Criteria not met</source>
        <translation>不符合的标准</translation>
    </message>
</context>
<context>
    <name>sponsor_log.col.eligible</name>
    <message>
        <source>Eligible</source>
        <translation>是否合格</translation>
    </message>
</context>
<context>
    <name>sponsor_log.col.enrolled</name>
    <message>
        <source>Enrolled</source>
        <translation>是否入组</translation>
    </message>
</context>
<context>
    <name>sponsor_log.col.initials</name>
    <message>
        <source>Initials</source>
        <translation>姓名缩写</translation>
    </message>
</context>
<context>
    <name>sponsor_log.col.number</name>
    <message>
        <source>Screening no.</source>
        <translation>筛选号</translation>
    </message>
</context>
<context>
    <name>sponsor_log.col.randomisation</name>
    <message>
        <source>Randomisation no. / date</source>
        <translation>随机号 / 日期</translation>
    </message>
</context>
<context>
    <name>sponsor_log.col.reason</name>
    <message>
        <source>Reason not enrolled</source>
        <translation>未入组原因</translation>
    </message>
</context>
<context>
    <name>sponsor_log.col.rescreen</name>
    <message>
        <source>Re-screening of</source>
        <translation>重新筛选自</translation>
    </message>
</context>
<context>
    <name>sponsor_log.col.screening_date</name>
    <message>
        <source>Screening date</source>
        <translation>筛选日期</translation>
    </message>
</context>
<context>
    <name>sponsor_log.empty</name>
    <message>
        <source>No screening in this period.</source>
        <translation>此期间无筛选。</translation>
    </message>
</context>
<context>
    <name>sponsor_log.identifies</name>
    <message>
        <source>Subjects are identified by screening number and initials only.</source>
        <translation>受试者仅以筛选号和姓名缩写标识。</translation>
    </message>
</context>
<context>
    <name>sponsor_log.no</name>
    <message>
        <source>N</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>sponsor_log.pending</name>
    <message>
        <source>pending</source>
        <translation>待定</translation>
    </message>
</context>
<context>
    <name>sponsor_log.period_all</name>
    <message>
        <source>Every screening at the site</source>
        <translation>本中心全部筛选</translation>
    </message>
</context>
<context>
    <name>sponsor_log.period_between</name>
    <message>
        <source>Screenings from {start} to {end}</source>
        <translation>筛选日期 {start} 至 {end}</translation>
    </message>
</context>
<context>
    <name>sponsor_log.period_from</name>
    <message>
        <source>Screenings from {start}</source>
        <translation>筛选日期 {start} 起</translation>
    </message>
</context>
<context>
    <name>sponsor_log.period_to</name>
    <message>
        <source>Screenings up to {end}</source>
        <translation>筛选日期至 {end}</translation>
    </message>
</context>
<context>
    <name>sponsor_log.printed</name>
    <message>
        <source>Printed {at} by {by}</source>
        <translation>打印：{at}，{by}</translation>
    </message>
</context>
<context>
    <name>sponsor_log.protocol_many</name>
    <message>
        <source>Protocol {protocol}, versions {versions} · Sponsor: {sponsor}</source>
        <translation>方案 {protocol}，版本 {versions} · 申办者：{sponsor}</translation>
    </message>
</context>
<context>
    <name>sponsor_log.protocol_one</name>
    <message>
        <source>Protocol {protocol}, version {versions} · Sponsor: {sponsor}</source>
        <translation>方案 {protocol}，版本 {versions} · 申办者：{sponsor}</translation>
    </message>
</context>
<context>
    <name>sponsor_log.protocol_version</name>
    <message>
        <source>protocol {version}</source>
        <translation>方案 {version}</translation>
    </message>
</context>
<context>
    <name>sponsor_log.reason.declined</name>
    <message>
        <source>declined</source>
        <translation>拒绝参加</translation>
    </message>
</context>
<context>
    <name>sponsor_log.reason.lost</name>
    <message>
        <source>lost to follow-up</source>
        <translation>失访</translation>
    </message>
</context>
<context>
    <name>sponsor_log.reason.none</name>
    <message>
        <source>no reason recorded</source>
        <translation>未记录原因</translation>
    </message>
</context>
<context>
    <name>sponsor_log.reason.not_approached</name>
    <message>
        <source>not approached</source>
        <translation>未联系</translation>
    </message>
</context>
<context>
    <name>sponsor_log.reason.other</name>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>sponsor_log.reason.withdrew_consent</name>
    <message>
        <source>withdrew consent</source>
        <translation>撤回知情同意</translation>
    </message>
</context>
<context>
    <name>sponsor_log.reason_with_text</name>
    <message>
        <source>{reason}: {text}</source>
        <translation>{reason}：{text}</translation>
    </message>
</context>
<context>
    <name>sponsor_log.rescreen_value</name>
    <message>
        <source>{number}, attempt {attempt}</source>
        <translation>{number}，第 {attempt} 次筛选</translation>
    </message>
</context>
<context>
    <name>sponsor_log.site</name>
    <message>
        <source>Site {site}</source>
        <translation>中心 {site}</translation>
    </message>
</context>
<context>
    <name>sponsor_log.title</name>
    <message>
        <source>Screening and enrolment log</source>
        <translation>筛选与入组登记表</translation>
    </message>
</context>
<context>
    <name>sponsor_log.yes</name>
    <message>
        <source>Y</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>stage.attempt</name>
    <message>
        <source>attempt {attempt}, re-screening of {number}</source>
        <translation>第 {attempt} 次，{number} 的重新筛选</translation>
    </message>
</context>
<context>
    <name>stage.consented</name>
    <message>
        <source>consented, screening</source>
        <translation>已知情同意，筛选中</translation>
    </message>
</context>
<context>
    <name>stage.eligible</name>
    <message>
        <source>eligible (signed)</source>
        <translation>合格（已签署）</translation>
    </message>
</context>
<context>
    <name>stage.enrolled</name>
    <message>
        <source>enrolled</source>
        <translation>已入组</translation>
    </message>
</context>
<context>
    <name>stage.enrolled_as</name>
    <message>
        <source>enrolled {on} as {number}</source>
        <translation>{on} 入组，随机号 {number}</translation>
    </message>
</context>
<context>
    <name>stage.not_enrolled</name>
    <message>
        <source>not enrolled</source>
        <translation>未入组</translation>
    </message>
</context>
<context>
    <name>stage.not_enrolled_because</name>
    <message>
        <source>not enrolled ({reason}) {on}</source>
        <translation>未入组（{reason}）{on}</translation>
    </message>
</context>
<context>
    <name>stage.pre_screened</name>
    <message>
        <source>pre-screened</source>
        <translation>已预筛</translation>
    </message>
</context>
<context>
    <name>stage.report_site</name>
    <message>
        <source>Site: {site}; protocol version {version}</source>
        <translation>中心：{site}；方案版本 {version}</translation>
    </message>
</context>
<context>
    <name>stage.screen_failure</name>
    <message>
        <source>screen failure</source>
        <translation>筛选失败</translation>
    </message>
</context>
<context>
    <name>stage.screened</name>
    <message>
        <source>screened, awaiting decision</source>
        <translation>已筛选，待判定</translation>
    </message>
</context>
<context>
    <name>status.eligible</name>
    <message>
        <source>eligible</source>
        <translation>合格</translation>
    </message>
</context>
<context>
    <name>status.in_progress</name>
    <message>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
</context>
<context>
    <name>status.ineligible</name>
    <message>
        <source>ineligible</source>
        <translation>不合格</translation>
    </message>
</context>
<context>
    <name>status.screen_failure</name>
    <message>
        <source>screen failure</source>
        <translation>筛选失败</translation>
    </message>
</context>
<context>
    <name>status.signed</name>
    <message>
        <source>signed</source>
        <translation>已签署</translation>
    </message>
</context>
<context>
    <name>status.superseded</name>
    <message>
        <source>superseded</source>
        <translation>已被取代</translation>
    </message>
</context>
<context>
    <name>steady</name>
    <message>
        <source>{label}: {total} {unit} {reference}-equivalent on {on}{courses}; taken without a gap since {continuous}{taken}, unchanged since {unchanged}{stable}{detail}</source>
        <translation>{label}：{on} 折合{reference} {total} {unit}{courses}；自 {continuous} 起连续使用、无间断{taken}，自 {unchanged} 起总量未变{stable}{detail}</translation>
    </message>
</context>
<context>
    <name>steady.by_route</name>
    <message>
        <source> — not counted, route not read: {lines}</source>
        <translation> — 未计入（规则不读取该给药途径）：{lines}</translation>
    </message>
</context>
<context>
    <name>steady.change</name>
    <message>
        <source>on {on} from {before} to {after}</source>
        <translation>{on} 由 {before} 变为 {after}</translation>
    </message>
</context>
<context>
    <name>steady.changed</name>
    <message>
        <source>: changed {changes}</source>
        <translation>：{changes}</translation>
    </message>
</context>
<context>
    <name>steady.differs</name>
    <message>
        <source>: from {start} to {end} the total was {total}</source>
        <translation>：{start} 至 {end} 的总量为 {total}</translation>
    </message>
</context>
<context>
    <name>steady.more_than</name>
    <message>
        <source>more than {value}</source>
        <translation>超过 {value}</translation>
    </message>
</context>
<context>
    <name>steady.not_converted</name>
    <message>
        <source>{drug} {dose} {unit}: not converted</source>
        <translation>{drug} {dose} {unit}：未换算</translation>
    </message>
</context>
<context>
    <name>steady.not_recorded</name>
    <message>
        <source>{drug}: dose not recorded</source>
        <translation>{drug}：剂量未记录</translation>
    </message>
</context>
<context>
    <name>steady.regimen</name>
    <message>
        <source>; the lines changed on {days} at the same total</source>
        <translation>；{days} 用药记录有变，但总量不变</translation>
    </message>
</context>
<context>
    <name>steady.route</name>
    <message>
        <source>{drug} ({route})</source>
        <translation>{drug}（{route}）</translation>
    </message>
</context>
<context>
    <name>steady.uncounted</name>
    <message>
        <source> — not converted by the table: {uncounted}</source>
        <translation> — 等效剂量表无法换算：{uncounted}</translation>
    </message>
</context>
<context>
    <name>steady.undecided</name>
    <message>
        <source>: whether it changed on {on} is not decided</source>
        <translation>：{on} 是否有变化尚未确定</translation>
    </message>
</context>
<context>
    <name>store.account_exists</name>
    <message>
        <source>an account named {value} exists already (names are never given twice)</source>
        <translation>名为 {value} 的账户已存在（姓名不会重复使用）</translation>
    </message>
</context>
<context>
    <name>store.ambiguous_reference</name>
    <message>
        <source>{value} is both a screening&apos;s id and another screening&apos;s number: write #{value} for the id</source>
        <translation>{value} 既是一个筛选的编号（id），又是另一个筛选的筛选号：若指编号，请写 #{value}</translation>
    </message>
</context>
<context>
    <name>store.ambiguous_screening</name>
    <message>
        <source>screening number {value} names several screenings ({candidates}); use its id, written #id</source>
        <translation>筛选号 {value} 对应多次筛选（{candidates}）；请使用其编号，写作 #编号</translation>
    </message>
</context>
<context>
    <name>store.attempt_taken</name>
    <message>
        <source>attempt {attempt} of this subject was started a moment ago by someone else: open the log to see it</source>
        <translation>该受试者的第 {attempt} 次筛选刚由他人开始：请打开日志查看</translation>
    </message>
</context>
<context>
    <name>store.candidate</name>
    <message>
        <source>#{id}: protocol {protocol}, site {site}</source>
        <translation>#{id}：方案 {protocol}，中心 {site}</translation>
    </message>
</context>
<context>
    <name>store.certificate_enrolled</name>
    <message>
        <source>this certificate is enrolled to {value} already</source>
        <translation>此证书已登记给 {value}</translation>
    </message>
</context>
<context>
    <name>store.changed_underneath</name>
    <message>
        <source>{who} changed this screening meanwhile ({count} change(s), the last at {when}): nothing was saved. It has been read again: look at what changed, then make your change again</source>
        <translation>{who} 在此期间更改了该筛选（{count} 处更改，最后一次在 {when}）：未保存任何内容。已重新读取：请查看更改内容，然后重新进行您的更改</translation>
    </message>
</context>
<context>
    <name>store.changed_while_signing</name>
    <message>
        <source>the screening changed while the worksheet was being signed: nothing was signed; complete it again and sign what it says now</source>
        <translation>签名过程中本次筛选被修改：未签名；请重新完成录入，并对当前内容签名</translation>
    </message>
</context>
<context>
    <name>store.disk_full</name>
    <message>
        <source>the disk holding {folder} is full: nothing was saved</source>
        <translation>存放 {folder} 的磁盘已满：未保存任何内容</translation>
    </message>
</context>
<context>
    <name>store.disk_io_error</name>
    <message>
        <source>the disk holding {folder} could not be read or written (an input/output error): nothing was saved; have the disk checked</source>
        <translation>存放 {folder} 的磁盘无法读写（输入/输出错误）：未保存任何内容；请检查该磁盘</translation>
    </message>
</context>
<context>
    <name>store.disk_read_only</name>
    <message>
        <source>the disk holding {folder} is read-only: nothing was saved</source>
        <translation>存放 {folder} 的磁盘为只读：未保存任何内容</translation>
    </message>
</context>
<context>
    <name>store.duplicate_screening_number</name>
    <message>
        <source>screening number {value} is already used for protocol {protocol} at site {site}: a number names one screening</source>
        <translation>筛选号 {value} 已在中心 {site} 的方案 {protocol} 中使用：一个筛选号只对应一次筛选</translation>
    </message>
</context>
<context>
    <name>store.enrolment_change_needs_reason</name>
    <message>
        <source>an outcome is recorded already ({current}): give the reason for the change</source>
        <translation>已记录结果（{current}）：请给出更改原因</translation>
    </message>
</context>
<context>
    <name>store.enrolment_not_latest_attempt</name>
    <message>
        <source>screening {number} was re-screened as {later}: the subject&apos;s outcome is recorded on the latest attempt</source>
        <translation>筛选 {number} 已重新筛选为 {later}：受试者的结果记录在最近一次筛选上</translation>
    </message>
</context>
<context>
    <name>store.enrolment_number_taken</name>
    <message>
        <source>randomisation number {number} is already given to screening {screening} of this protocol at this site</source>
        <translation>随机号 {number} 已分配给本中心本方案的筛选 {screening}</translation>
    </message>
</context>
<context>
    <name>store.enrolment_subject_enrolled</name>
    <message>
        <source>this subject is enrolled already, under screening {number}</source>
        <translation>该受试者已在筛选 {number} 下入组</translation>
    </message>
</context>
<context>
    <name>store.enrolment_unchanged</name>
    <message>
        <source>this outcome is recorded already</source>
        <translation>此结果已记录</translation>
    </message>
</context>
<context>
    <name>store.incomplete</name>
    <message>
        <source>the screening is incomplete: every criterion must be decided before it is signed</source>
        <translation>该筛选尚未完成：所有标准都判定后才能签署</translation>
    </message>
</context>
<context>
    <name>store.locked</name>
    <message>
        <source>the screening is {status}: its answers cannot change (open a correction instead)</source>
        <translation>该筛选已{status}：其答案不能修改（请改为开启更正）</translation>
    </message>
</context>
<context>
    <name>store.no_account</name>
    <message>
        <source>no account {value}</source>
        <translation>没有账户 {value}</translation>
    </message>
</context>
<context>
    <name>store.no_prescreening</name>
    <message>
        <source>no pre-screening {value} is recorded</source>
        <translation>没有记录预筛 {value}</translation>
    </message>
</context>
<context>
    <name>store.no_screening</name>
    <message>
        <source>no screening {value} in this database</source>
        <translation>本数据库中没有筛选 {value}</translation>
    </message>
</context>
<context>
    <name>store.no_site</name>
    <message>
        <source>(no site number)</source>
        <translation>（无中心编号）</translation>
    </message>
</context>
<context>
    <name>store.not_delegated</name>
    <message>
        <source>{value} is not on the site&apos;s delegation list</source>
        <translation>{value} 不在本中心的授权名单上</translation>
    </message>
</context>
<context>
    <name>store.not_investigator</name>
    <message>
        <source>{value} is on the delegation list as {role}: only a sub-investigator or the principal investigator may sign an eligibility decision</source>
        <translation>{value} 在授权名单上的角色为{role}：只有研究者或主要研究者可以签署入选资格判定</translation>
    </message>
</context>
<context>
    <name>store.not_signed</name>
    <message>
        <source>only a signed screening is corrected by a new version; this one is {status} and can be edited</source>
        <translation>只有已签署的筛选才通过新版本更正；此筛选为{status}，可直接编辑</translation>
    </message>
</context>
<context>
    <name>store.prescreen_screened</name>
    <message>
        <source>candidate {candidate} is being screened already (screening {number})</source>
        <translation>候选人 {candidate} 已在筛选中（筛选 {number}）</translation>
    </message>
</context>
<context>
    <name>store.reason_required</name>
    <message>
        <source>this replaces a value entered earlier: give a reason for the change</source>
        <translation>此操作将替换先前录入的值：请填写修改原因</translation>
    </message>
</context>
<context>
    <name>store.screen_failure_recorded</name>
    <message>
        <source>the screening is recorded as a screen failure ({reason}): it is not signed as an eligibility decision</source>
        <translation>本次筛选已记录为筛选失败（{reason}）：不能作为入选资格判定签名</translation>
    </message>
</context>
<context>
    <name>store.site_initialised</name>
    <message>
        <source>this site has accounts already: an administrator adds people with trialdesk user add</source>
        <translation>本站点已有账户：请由管理员用 trialdesk user add 添加人员</translation>
    </message>
</context>
<context>
    <name>store.unknown_role</name>
    <message>
        <source>unknown role “{value}”; expected one of {roles}</source>
        <translation>未知角色“{value}”；应为 {roles} 之一</translation>
    </message>
</context>
<context>
    <name>store.wrong_protocol</name>
    <message>
        <source>the screening belongs to protocol {value}, not {protocol}</source>
        <translation>该筛选属于方案 {value}，而不是 {protocol}</translation>
    </message>
</context>
<context>
    <name>task.enter</name>
    <message>
        <source>enter data</source>
        <translation>录入数据</translation>
    </message>
</context>
<context>
    <name>task.sign</name>
    <message>
        <source>decide eligibility and sign</source>
        <translation>判定入选资格并签名</translation>
    </message>
</context>
<context>
    <name>threshold.fails</name>
    <message>
        <source>{label} {value} is not {op} {threshold}{note}</source>
        <translation>{label} {value} 不满足 {op} {threshold}{note}</translation>
    </message>
</context>
<context>
    <name>threshold.holds</name>
    <message>
        <source>{label} {value} {op} {threshold}{note}</source>
        <translation>{label} {value} {op} {threshold}{note}</translation>
    </message>
</context>
<context>
    <name>uln.limit</name>
    <message>
        <source>{times} × ULN {uln} = {limit}</source>
        <translation>{times} × ULN {uln} = {limit}</translation>
    </message>
</context>
<context>
    <name>uncounted.unit</name>
    <message>
        <source>{drug} in {unit}</source>
        <translation>以 {unit} 记录的 {drug}</translation>
    </message>
</context>
<context>
    <name>undo.reason</name>
    <message>
        <source>Undo: undoes the change of {time} (audit entry {seq})</source>
        <translation>撤销：撤销 {time} 的修改（稽查记录 {seq}）</translation>
    </message>
</context>
<context>
    <name>unknown</name>
    <message>
        <source>not known</source>
        <translation>不详</translation>
    </message>
</context>
<context>
    <name>value.converted</name>
    <message>
        <source>{entered} (= {value})</source>
        <translation>{entered}（= {value}）</translation>
    </message>
</context>
<context>
    <name>verdict.met</name>
    <message>
        <source>met</source>
        <translation>符合</translation>
    </message>
</context>
<context>
    <name>verdict.not_applicable</name>
    <message>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>verdict.not_met</name>
    <message>
        <source>not met</source>
        <translation>不符合</translation>
    </message>
</context>
<context>
    <name>verdict.unknown</name>
    <message>
        <source>incomplete</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>what.instruction</name>
    <message>
        <source>instruction</source>
        <translation>指示</translation>
    </message>
</context>
<context>
    <name>what.meaning</name>
    <message>
        <source>meaning of the signature</source>
        <translation>签名的含义</translation>
    </message>
</context>
<context>
    <name>what.name</name>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
</context>
<context>
    <name>what.reason</name>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>what.source_note</name>
    <message>
        <source>source-document note</source>
        <translation>源文件备注</translation>
    </message>
</context>
<context>
    <name>when.by</name>
    <message>
        <source>on or before {anchor} {on}</source>
        <translation>{anchor} {on} 或之前</translation>
    </message>
</context>
<context>
    <name>when.within</name>
    <message>
        <source>within {count} {unit} before {anchor} {on} (on or after {since})</source>
        <translation>{anchor} {on} 前 {count} {unit}内（不早于 {since}）</translation>
    </message>
</context>
<context>
    <name>ws.certificate</name>
    <message>
        <source>Certificate SHA-256: {fingerprint}</source>
        <translation>证书 SHA-256：{fingerprint}</translation>
    </message>
</context>
<context>
    <name>ws.completed_by</name>
    <message>
        <source>Completed by {name}, {role}</source>
        <translation>录入完成人：{name}，{role}</translation>
    </message>
</context>
<context>
    <name>ws.completion</name>
    <message>
        <source>Data entry completed</source>
        <translation>数据录入完成</translation>
    </message>
</context>
<context>
    <name>ws.consent</name>
    <message>
        <source>Consent</source>
        <translation>知情同意</translation>
    </message>
</context>
<context>
    <name>ws.consent_value</name>
    <message>
        <source>{date}, form version {version}</source>
        <translation>{date}，同意书版本 {version}</translation>
    </message>
</context>
<context>
    <name>ws.corrects</name>
    <message>
        <source>{version}, correcting version {previous}: {reason}</source>
        <translation>{version}，更正第 {previous} 版：{reason}</translation>
    </message>
</context>
<context>
    <name>ws.criteria</name>
    <message>
        <source>Criteria</source>
        <translation>标准</translation>
    </message>
</context>
<context>
    <name>ws.date_of_birth</name>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
</context>
<context>
    <name>ws.delegation</name>
    <message>
        <source>Delegation on the signing date: {entry}</source>
        <translation>签名当日的授权：{entry}</translation>
    </message>
</context>
<context>
    <name>ws.delegation_entry</name>
    <message>
        <source>{tasks}, from {starts} to {ends} (recorded by {recorded_by} on {recorded_at})</source>
        <translation>{tasks}，自 {starts} 至 {ends}（由 {recorded_by} 于 {recorded_at} 记录）</translation>
    </message>
</context>
<context>
    <name>ws.delegation_open</name>
    <message>
        <source>no end date</source>
        <translation>无结束日期</translation>
    </message>
</context>
<context>
    <name>ws.draft</name>
    <message>
        <source>DRAFT — NOT SIGNED</source>
        <translation>草稿——未签署</translation>
    </message>
</context>
<context>
    <name>ws.entered</name>
    <message>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
</context>
<context>
    <name>ws.entered_by</name>
    <message>
        <source>{fact}: {name}, {at}</source>
        <translation>{fact}：{name}，{at}</translation>
    </message>
</context>
<context>
    <name>ws.evidence</name>
    <message>
        <source>Audit trail at signing: entry {seq}, SHA-256 {head} · protocol file SHA-256 {protocol}</source>
        <translation>签名时的稽查轨迹：第 {seq} 条，SHA-256 {head} · 方案文件 SHA-256 {protocol}</translation>
    </message>
</context>
<context>
    <name>ws.facts</name>
    <message>
        <source>Facts entered</source>
        <translation>录入的信息</translation>
    </message>
</context>
<context>
    <name>ws.footer</name>
    <message>
        <source>Document {document} · content SHA-256 {digest}</source>
        <translation>文件 {document} · 内容 SHA-256 {digest}</translation>
    </message>
</context>
<context>
    <name>ws.footer_versions</name>
    <message>
        <source>trialdesk {program} · protocol {protocol}, version {version} ({version_date})</source>
        <translation>trialdesk {program} · 方案 {protocol}，版本 {version}（{version_date}）</translation>
    </message>
</context>
<context>
    <name>ws.initials</name>
    <message>
        <source>Initials</source>
        <translation>姓名缩写</translation>
    </message>
</context>
<context>
    <name>ws.interpretation</name>
    <message>
        <source>Site interpretation</source>
        <translation>本中心解释</translation>
    </message>
</context>
<context>
    <name>ws.interpretations</name>
    <message>
        <source>Interpretations that apply to the whole protocol</source>
        <translation>适用于整个方案的解释</translation>
    </message>
</context>
<context>
    <name>ws.meaning</name>
    <message>
        <source>Meaning of the signature: {meaning}</source>
        <translation>签名含义：{meaning}</translation>
    </message>
</context>
<context>
    <name>ws.no_source</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>ws.not_completed</name>
    <message>
        <source>Not completed</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>ws.not_signed</name>
    <message>
        <source>Not signed</source>
        <translation>未签署</translation>
    </message>
</context>
<context>
    <name>ws.overall</name>
    <message>
        <source>Overall result</source>
        <translation>总体结论</translation>
    </message>
</context>
<context>
    <name>ws.page</name>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
</context>
<context>
    <name>ws.protocol</name>
    <message>
        <source>Protocol</source>
        <translation>方案</translation>
    </message>
</context>
<context>
    <name>ws.reason</name>
    <message>
        <source>Reason</source>
        <translation>依据</translation>
    </message>
</context>
<context>
    <name>ws.registry_text</name>
    <message>
        <source>Protocol text</source>
        <translation>方案原文</translation>
    </message>
</context>
<context>
    <name>ws.scores</name>
    <message>
        <source>Computed</source>
        <translation>计算结果</translation>
    </message>
</context>
<context>
    <name>ws.screening_date</name>
    <message>
        <source>Screening date</source>
        <translation>筛选日期</translation>
    </message>
</context>
<context>
    <name>ws.screening_number</name>
    <message>
        <source>Screening no.</source>
        <translation>筛选号</translation>
    </message>
</context>
<context>
    <name>ws.sex</name>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
</context>
<context>
    <name>ws.signature</name>
    <message>
        <source>Electronic signature</source>
        <translation>电子签名</translation>
    </message>
</context>
<context>
    <name>ws.signed_at</name>
    <message>
        <source>Date and time: {local} (UTC{offset}); {utc} UTC</source>
        <translation>日期和时间：{local}（UTC{offset}）；{utc} UTC</translation>
    </message>
</context>
<context>
    <name>ws.signed_by</name>
    <message>
        <source>Signed by {name}, {role}</source>
        <translation>签署人：{name}，{role}</translation>
    </message>
</context>
<context>
    <name>ws.site</name>
    <message>
        <source>Site</source>
        <translation>中心</translation>
    </message>
</context>
<context>
    <name>ws.source</name>
    <message>
        <source>Source document</source>
        <translation>源文件</translation>
    </message>
</context>
<context>
    <name>ws.statement</name>
    <message>
        <source>Investigator&apos;s statement</source>
        <translation>研究者声明</translation>
    </message>
</context>
<context>
    <name>ws.statement_text</name>
    <message>
        <source>I confirm that I have assessed this subject against each inclusion and exclusion criterion of protocol {protocol}, version {version}, on the evidence recorded in this worksheet, and that the subject is {overall}.</source>
        <translation>本人确认已依据本核查表所记录的证据，按方案 {protocol}（版本 {version}）的每一条入选和排除标准对该受试者进行了评估，该受试者{overall}。</translation>
    </message>
</context>
<context>
    <name>ws.subject</name>
    <message>
        <source>Subject</source>
        <translation>受试者</translation>
    </message>
</context>
<context>
    <name>ws.title</name>
    <message>
        <source>Eligibility worksheet</source>
        <translation>入选资格核查表</translation>
    </message>
</context>
<context>
    <name>ws.translation</name>
    <message>
        <source>Site translation</source>
        <translation>本中心译文</translation>
    </message>
</context>
<context>
    <name>ws.verbatim_note</name>
    <message>
        <source>Protocol texts are the registry record&apos;s, verbatim.</source>
        <translation>方案原文为注册记录原文，未作改动。</translation>
    </message>
</context>
<context>
    <name>ws.verdict</name>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
</context>
<context>
    <name>ws.version</name>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
</context>
<context>
    <name>ws.version_value</name>
    <message>
        <source>{version}</source>
        <translation>{version}</translation>
    </message>
</context>
<context>
    <name>ws.wet_ink</name>
    <message>
        <source>Handwritten signature (where the site&apos;s SOP requires it)</source>
        <translation>手写签名（如本中心 SOP 要求）</translation>
    </message>
</context>
<context>
    <name>ws.wet_ink_date</name>
    <message>
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
</context>
<context>
    <name>ws.wet_ink_line</name>
    <message>
        <source>Signature of investigator</source>
        <translation>研究者签名</translation>
    </message>
</context>
<context>
    <name>ws.wet_ink_name</name>
    <message>
        <source>Printed name</source>
        <translation>正楷姓名</translation>
    </message>
</context>
<context>
    <name>yes</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
</TS>
