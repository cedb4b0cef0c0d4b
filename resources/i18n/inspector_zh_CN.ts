<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name />
        <message>
            <source>Create a new database?</source>
            <translation>新建数据库？</translation>
        </message>
        <message>
            <source>There is no database at
%1

Create a new, empty one? If you have been using Inspector, choose No and check the data folder, or restore a backup.</source>
            <translation>以下位置没有数据库：
%1

要新建一个空数据库吗？如果您一直在使用 Inspector，请选择“否”并检查数据文件夹，或恢复备份。</translation>
        </message>
        <message>
            <source>Inspector cannot start</source>
            <translation>Inspector 无法启动</translation>
        </message>
        <message>
            <source>The database could not be opened.</source>
            <translation>无法打开数据库。</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>Inspector 质检</translation>
        </message>
        <message>
            <source>Please check your input</source>
            <translation>请检查输入</translation>
        </message>
        <message>
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <source>Something went wrong. Your data is safe; the last action may not have completed.</source>
            <translation>出现了问题。您的数据是安全的，但刚才的操作可能没有完成。</translation>
        </message>
        <message>
            <source>The details were written to the log file:
%1</source>
            <translation>详细信息已写入日志文件：
%1</translation>
        </message>
        <message>
            <source>Copy details</source>
            <translation>复制详细信息</translation>
        </message>
        <message>
            <source>Welcome to Inspector</source>
            <translation>欢迎使用 Inspector</translation>
        </message>
        <message>
            <source>This database has no users yet. Create the first one: it is who you act as when you record purchases and findings. An administrator can add the rest of the team later in Settings.</source>
            <translation>数据库中还没有用户。请创建第一个用户：记录神买和问题时将以该身份操作。管理员之后可以在“设置”中添加团队其他成员。</translation>
        </message>
        <message>
            <source>e.g. Wang Fang</source>
            <translation>例如：王芳</translation>
        </message>
        <message>
            <source>Load demo data to explore the application</source>
            <translation>载入演示数据，先体验一下</translation>
        </message>
        <message>
            <source>Your name:</source>
            <translation>您的姓名：</translation>
        </message>
        <message>
            <source>Role:</source>
            <translation>角色：</translation>
        </message>
        <message>
            <source>Create user</source>
            <translation>创建用户</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Please enter a name.</source>
            <translation>请输入姓名。</translation>
        </message>
        <message>
            <source>Loading demo data…</source>
            <translation>正在载入演示数据…</translation>
        </message>
        <message>
            <source>Inspector</source>
            <comment>role</comment>
            <translation>质检员</translation>
        </message>
        <message>
            <source>Quality manager</source>
            <comment>role</comment>
            <translation>质量经理</translation>
        </message>
        <message>
            <source>Merchant manager</source>
            <comment>role</comment>
            <translation>商家经理</translation>
        </message>
        <message>
            <source>Administrator</source>
            <comment>role</comment>
            <translation>管理员</translation>
        </message>
        <message>
            <source>Active</source>
            <comment>merchant status</comment>
            <translation>正常</translation>
        </message>
        <message>
            <source>On watch</source>
            <comment>merchant status</comment>
            <translation>重点关注</translation>
        </message>
        <message>
            <source>Suspended</source>
            <comment>merchant status</comment>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Eliminated</source>
            <comment>merchant status</comment>
            <translation>已清退</translation>
        </message>
        <message>
            <source>Planned</source>
            <comment>purchase status</comment>
            <translation>计划中</translation>
        </message>
        <message>
            <source>Ordered</source>
            <comment>purchase status</comment>
            <translation>已下单</translation>
        </message>
        <message>
            <source>Received</source>
            <comment>purchase status</comment>
            <translation>已收货</translation>
        </message>
        <message>
            <source>Inspected</source>
            <comment>purchase status</comment>
            <translation>已检验</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <comment>purchase status</comment>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Pass</source>
            <comment>verdict</comment>
            <translation>合格</translation>
        </message>
        <message>
            <source>Fail</source>
            <comment>verdict</comment>
            <translation>不合格</translation>
        </message>
        <message>
            <source>Product quality</source>
            <comment>finding category</comment>
            <translation>产品质量</translation>
        </message>
        <message>
            <source>Counterfeit / IP</source>
            <comment>finding category</comment>
            <translation>假冒 / 侵权</translation>
        </message>
        <message>
            <source>False advertising</source>
            <comment>finding category</comment>
            <translation>虚假宣传</translation>
        </message>
        <message>
            <source>Wrong item</source>
            <comment>finding category</comment>
            <translation>错发商品</translation>
        </message>
        <message>
            <source>Missing item or parts</source>
            <comment>finding category</comment>
            <translation>漏发或缺件</translation>
        </message>
        <message>
            <source>Size / specification mismatch</source>
            <comment>finding category</comment>
            <translation>尺码 / 规格不符</translation>
        </message>
        <message>
            <source>Packaging or logistics damage</source>
            <comment>finding category</comment>
            <translation>包装或物流破损</translation>
        </message>
        <message>
            <source>Safety hazard</source>
            <comment>finding category</comment>
            <translation>安全隐患</translation>
        </message>
        <message>
            <source>Expired or spoiled</source>
            <comment>finding category</comment>
            <translation>过期或变质</translation>
        </message>
        <message>
            <source>Other</source>
            <comment>finding category</comment>
            <translation>其他</translation>
        </message>
        <message>
            <source>Critical</source>
            <comment>severity</comment>
            <translation>严重</translation>
        </message>
        <message>
            <source>Major</source>
            <comment>severity</comment>
            <translation>重要</translation>
        </message>
        <message>
            <source>Minor</source>
            <comment>severity</comment>
            <translation>轻微</translation>
        </message>
        <message>
            <source>Evidence</source>
            <comment>photo role</comment>
            <translation>问题证据</translation>
        </message>
        <message>
            <source>Rectification evidence</source>
            <comment>photo role</comment>
            <translation>整改证据</translation>
        </message>
        <message>
            <source>Verification</source>
            <comment>photo role</comment>
            <translation>复核</translation>
        </message>
        <message>
            <source>Open</source>
            <comment>case status</comment>
            <translation>待通知</translation>
        </message>
        <message>
            <source>Notified</source>
            <comment>case status</comment>
            <translation>已通知</translation>
        </message>
        <message>
            <source>Responded</source>
            <comment>case status</comment>
            <translation>已回复</translation>
        </message>
        <message>
            <source>Rectifying</source>
            <comment>case status</comment>
            <translation>整改中</translation>
        </message>
        <message>
            <source>Awaiting verification</source>
            <comment>case status</comment>
            <translation>待复核</translation>
        </message>
        <message>
            <source>Escalated</source>
            <comment>case status</comment>
            <translation>已升级</translation>
        </message>
        <message>
            <source>Closed</source>
            <comment>case status</comment>
            <translation>已关闭</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <comment>case status</comment>
            <translation>已撤销</translation>
        </message>
        <message>
            <source>Waived</source>
            <comment>case status</comment>
            <translation>已豁免</translation>
        </message>
        <message>
            <source>Passed</source>
            <comment>verification result</comment>
            <translation>复核通过</translation>
        </message>
        <message>
            <source>Failed</source>
            <comment>verification result</comment>
            <translation>复核未通过</translation>
        </message>
        <message>
            <source>Complaint</source>
            <comment>work order kind</comment>
            <translation>投诉</translation>
        </message>
        <message>
            <source>After-sales work order</source>
            <comment>work order kind</comment>
            <translation>售后工单</translation>
        </message>
        <message>
            <source>Completed</source>
            <comment>work order result</comment>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <comment>work order result</comment>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Rejected</source>
            <comment>work order result</comment>
            <translation>已驳回</translation>
        </message>
        <message>
            <source>Lightning refund</source>
            <comment>work order result</comment>
            <translation>闪电退款</translation>
        </message>
        <message>
            <source>Pickup or dispatch</source>
            <comment>work order stage</comment>
            <translation>上门取件/发货</translation>
        </message>
        <message>
            <source>Reverse-logistics information</source>
            <comment>work order stage</comment>
            <translation>逆向物流信息</translation>
        </message>
        <message>
            <source>Arrival at the warehouse</source>
            <comment>work order stage</comment>
            <translation>到仓</translation>
        </message>
        <message>
            <source>Stock-in alert</source>
            <comment>work order stage</comment>
            <translation>入库预警</translation>
        </message>
        <message>
            <source>Stock-in</source>
            <comment>work order stage</comment>
            <translation>入库</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;New purchase</source>
            <translation>新建神买(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Find</source>
            <translation>查找(&amp;F)</translation>
        </message>
        <message>
            <source>Open &amp;data folder</source>
            <translation>打开数据文件夹(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>转到(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;User</source>
            <translation>用户(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>Open &amp;log folder</source>
            <translation>打开日志文件夹(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;About Inspector</source>
            <translation>关于 Inspector(&amp;A)</translation>
        </message>
        <message>
            <source>Manage users…</source>
            <translation>管理用户…</translation>
        </message>
        <message>
            <source>Now acting as %1</source>
            <translation>现在以 %1 的身份操作</translation>
        </message>
        <message>
            <source>Purchases cannot be created here yet.</source>
            <translation>暂时还不能在这里新建神买。</translation>
        </message>
        <message>
            <source>Could not open %1</source>
            <translation>无法打开 %1</translation>
        </message>
        <message>
            <source>About Inspector</source>
            <translation>关于 Inspector</translation>
        </message>
        <message>
            <source>About</source>
            <translation>关于</translation>
        </message>
        <message>
            <source>Libraries</source>
            <translation>程序库</translation>
        </message>
        <message>
            <source>Font licence</source>
            <translation>字体许可</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>数据文件夹</translation>
        </message>
        <message>
            <source>Mystery purchases, findings and merchant rectification.</source>
            <translation>神秘买家采购、问题记录与商家整改。</translation>
        </message>
        <message>
            <source>Chinese font (UI and PDFs)</source>
            <translation>中文字体（界面和 PDF）</translation>
        </message>
        <message>
            <source>Component</source>
            <translation>组件</translation>
        </message>
        <message>
            <source>Used for</source>
            <translation>用途</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>许可证</translation>
        </message>
        <message>
            <source>Qt and Qt for Python are used under the LGPL 3.0; their libraries are shipped as separate files that can be replaced.</source>
            <translation>Qt 和 Qt for Python 依据 LGPL 3.0 使用；它们的库以可替换的独立文件随附。</translation>
        </message>
        <message>
            <source>Database: %1</source>
            <translation>数据库：%1</translation>
        </message>
        <message>
            <source>Data folder: %1</source>
            <translation>数据文件夹：%1</translation>
        </message>
        <message>
            <source>No user chosen</source>
            <translation>未选择用户</translation>
        </message>
        <message>
            <source>User: %1 (%2)</source>
            <translation>用户：%1（%2）</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>概览</translation>
        </message>
        <message>
            <source>1 purchase</source>
            <translation>1 个神买</translation>
        </message>
        <message>
            <source>%1 purchases</source>
            <translation>%1 个神买</translation>
        </message>
        <message>
            <source>Purchases</source>
            <translation>神买</translation>
        </message>
        <message>
            <source>Critical</source>
            <translation>严重</translation>
        </message>
        <message>
            <source>Major</source>
            <translation>重要</translation>
        </message>
        <message>
            <source>Minor</source>
            <translation>轻微</translation>
        </message>
        <message>
            <source>Response h (median)</source>
            <translation>回复小时（中位）</translation>
        </message>
        <message>
            <source>Response h (P90)</source>
            <translation>回复小时（P90）</translation>
        </message>
        <message>
            <source>Closure h (median)</source>
            <translation>结案小时（中位）</translation>
        </message>
        <message>
            <source>Closure h (P90)</source>
            <translation>结案小时（P90）</translation>
        </message>
        <message>
            <source>New purchase…</source>
            <translation>新建神买…</translation>
        </message>
        <message>
            <source>Log a new mystery purchase (Ctrl+N)</source>
            <translation>登记一个新的神买（Ctrl+N）</translation>
        </message>
        <message>
            <source>Open</source>
            <comment>action</comment>
            <translation>打开</translation>
        </message>
        <message>
            <source>Inspect the selected purchase (Enter)</source>
            <translation>检验所选神买（Enter）</translation>
        </message>
        <message>
            <source>Move the selected purchases to the waste basket (Delete)</source>
            <translation>将所选神买移到回收站（Delete）</translation>
        </message>
        <message>
            <source>%1 (filtered)</source>
            <translation>%1（已筛选）</translation>
        </message>
        <message>
            <source>this purchase</source>
            <translation>（无订单号）</translation>
        </message>
        <message>
            <source>Delete %1 purchases?</source>
            <translation>要删除 %1 个神买吗？</translation>
        </message>
        <message>
            <source>Deleted: %1.</source>
            <translation>已删除：%1。</translation>
        </message>
        <message>
            <source>Deleted %1 — Undo is offered below the table.</source>
            <translation>已删除 %1 —— 可在表格下方撤销。</translation>
        </message>
        <message>
            <source>Deleting purchases…</source>
            <translation>正在删除神买…</translation>
        </message>
        <message>
            <source>Restored %1.</source>
            <translation>已恢复 %1。</translation>
        </message>
        <message>
            <source>Print notice…</source>
            <translation>打印通知书…</translation>
        </message>
        <message>
            <source>Edit case…</source>
            <translation>编辑整改单…</translation>
        </message>
        <message>
            <source>Change the due date, the assignee or the summary</source>
            <translation>修改期限、负责人或摘要</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Merchant's response</source>
            <translation>商家回复</translation>
        </message>
        <message>
            <source>Verification</source>
            <translation>复核</translation>
        </message>
        <message>
            <source>History</source>
            <translation>历史记录</translation>
        </message>
        <message>
            <source>Choose a case in the table to see it here.</source>
            <translation>在表格中选择一个整改单，即可在此查看。</translation>
        </message>
        <message>
            <source>Type the merchant's response, then save it.</source>
            <translation>请输入商家的回复，然后保存。</translation>
        </message>
        <message>
            <source>%1 is now %2</source>
            <translation>%1 现为“%2”</translation>
        </message>
        <message>
            <source>Merchant responses imported</source>
            <translation>商家回复已导入</translation>
        </message>
        <message numerus="yes">
            <source>%n response(s) applied; the cases moved to “responded”.</source>
            <translation>
                <numerusform>已应用 %n 条回复；相应整改单已转为“已回复”。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) already imported before (unchanged).</source>
            <translation>
                <numerusform>%n 行此前已导入（未改变）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) left blank (skipped).</source>
            <translation>
                <numerusform>%n 行留空（已跳过）。</numerusform>
            </translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Merchants</source>
            <translation>商家</translation>
        </message>
        <message>
            <source>Products</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Purchase %1</source>
            <translation>神买 %1</translation>
        </message>
        <message>
            <source>Finding: %1</source>
            <translation>问题：%1</translation>
        </message>
        <message>
            <source>Case %1</source>
            <translation>整改单 %1</translation>
        </message>
        <message>
            <source>Brand %1</source>
            <translation>品牌 %1</translation>
        </message>
        <message>
            <source>Merged into %1</source>
            <translation>已并入 %1</translation>
        </message>
        <message>
            <source>%1 (deleted)</source>
            <translation>%1（已删除）</translation>
        </message>
        <message>
            <source>This is deleted too: restoring the item brings it back as well.</source>
            <translation>它也已被删除：恢复此项时会一并恢复。</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Belongs to</source>
            <translation>所属</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>删除时间</translation>
        </message>
        <message>
            <source>Deleted by</source>
            <translation>删除人</translation>
        </message>
        <message>
            <source>%1: %2 new, %3 already there</source>
            <translation>%1：新增 %2 条，已存在 %3 条</translation>
        </message>
        <message>
            <source>Nothing imported</source>
            <translation>未导入任何内容</translation>
        </message>
        <message>
            <source>Nothing of the file was imported. Fix the rows below and import it again.</source>
            <translation>该文件的内容均未导入。请修正下面所列的行后重新导入。</translation>
        </message>
        <message>
            <source>Records imported</source>
            <translation>记录已导入</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>工作表</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Why it was not imported</source>
            <translation>未导入的原因</translation>
        </message>
        <message>
            <source>From %1:</source>
            <translation>来自 %1：</translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) were not imported; correct them in the workbook and import it again (rows already imported are not applied twice):</source>
            <translation>
                <numerusform>%n 行未导入；请在工作簿中改正后重新导入（已导入的行不会重复应用）：</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Copy list</source>
            <translation>复制列表(&amp;C)</translation>
        </message>
        <message>
            <source>Import merchant responses</source>
            <translation>导入商家回复</translation>
        </message>
        <message>
            <source>Importing responses from %1…</source>
            <translation>正在从 %1 导入回复…</translation>
        </message>
        <message>
            <source>Import records</source>
            <translation>导入记录</translation>
        </message>
        <message>
            <source>Importing records from %1…</source>
            <translation>正在从 %1 导入记录…</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>整改</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>风险</translation>
        </message>
        <message>
            <source>Work orders</source>
            <translation>工单</translation>
        </message>
        <message>
            <source>Sampling plan</source>
            <translation>抽检计划</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>报表</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Deleted items</source>
            <translation>回收站</translation>
        </message>
        <message>
            <source>manual</source>
            <comment>backup kind</comment>
            <translation>手动</translation>
        </message>
        <message>
            <source>daily</source>
            <comment>backup kind</comment>
            <translation>每日</translation>
        </message>
        <message>
            <source>before a restore</source>
            <comment>backup kind</comment>
            <translation>恢复前</translation>
        </message>
        <message>
            <source>before an upgrade</source>
            <comment>backup kind</comment>
            <translation>升级前</translation>
        </message>
        <message>
            <source>Add photos…</source>
            <translation>添加照片…</translation>
        </message>
        <message>
            <source>Paste</source>
            <translation>粘贴</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Caption</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>&amp;Edit merchant…</source>
            <translation>编辑商家(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Edit product…</source>
            <translation>编辑商品(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Merge duplicates…</source>
            <translation>合并重复项(&amp;M)…</translation>
        </message>
        <message>
            <source>&amp;Delete merchant…</source>
            <translation>删除商家(&amp;D)…</translation>
        </message>
        <message>
            <source>&amp;Delete product…</source>
            <translation>删除商品(&amp;D)…</translation>
        </message>
        <message>
            <source>Select one row first.</source>
            <translation>请先选中一行。</translation>
        </message>
        <message>
            <source>Select two or more rows to merge (Ctrl+click or Shift+arrows).</source>
            <translation>请选中两行或更多行再合并（Ctrl+单击或 Shift+方向键）。</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Move %1 to Deleted items? It can be restored from there.</source>
            <translation>把 %1 移入回收站？之后可以从回收站恢复。</translation>
        </message>
        <message>
            <source>Not deleted</source>
            <translation>未删除</translation>
        </message>
        <message>
            <source>Select it together with the one to keep and choose Merge duplicates… (Ctrl+M).</source>
            <translation>请把它和要保留的一项一起选中，然后选择“合并重复项…”（Ctrl+M）。</translation>
        </message>
        <message>
            <source>Add photos from files (Ctrl+O); you can also drop files or folders here</source>
            <translation>从文件添加照片（Ctrl+O）；也可以把文件或文件夹拖到这里</translation>
        </message>
        <message>
            <source>Paste an image or copied photo files (Ctrl+V)</source>
            <translation>粘贴图片或已复制的照片文件（Ctrl+V）</translation>
        </message>
        <message>
            <source>Open the selected photo (Enter)</source>
            <translation>打开所选照片（Enter）</translation>
        </message>
        <message>
            <source>Edit the caption of the selected photo (F2)</source>
            <translation>编辑所选照片的说明（F2）</translation>
        </message>
        <message>
            <source>Delete the selected photos (Delete); you can undo it</source>
            <translation>删除所选照片（Delete）；可以撤销</translation>
        </message>
        <message>
            <source>Photos</source>
            <translation>照片</translation>
        </message>
        <message>
            <source>No photos yet. Drop photos or folders here, paste (Ctrl+V) or use “Add photos…”.</source>
            <translation>还没有照片。把照片或文件夹拖到这里、粘贴（Ctrl+V），或使用“添加照片…”。</translation>
        </message>
        <message>
            <source>No photos.</source>
            <translation>没有照片。</translation>
        </message>
        <message>
            <source>Photos: %1</source>
            <translation>照片：%1</translation>
        </message>
        <message>
            <source>Delete this photo?</source>
            <translation>要删除这张照片吗？</translation>
        </message>
        <message>
            <source>Delete these %1 photos?</source>
            <translation>要删除这 %1 张照片吗？</translation>
        </message>
        <message>
            <source>Photo deleted.</source>
            <translation>照片已删除。</translation>
        </message>
        <message>
            <source>%1 photos deleted.</source>
            <translation>已删除 %1 张照片。</translation>
        </message>
        <message>
            <source>Deleting photos…</source>
            <translation>正在删除照片…</translation>
        </message>
        <message>
            <source>Photo restored.</source>
            <translation>照片已恢复。</translation>
        </message>
        <message>
            <source>%1 photos restored.</source>
            <translation>已恢复 %1 张照片。</translation>
        </message>
        <message numerus="yes">
            <source>%n photo(s)</source>
            <translation>
                <numerusform>%n 张照片</numerusform>
            </translation>
        </message>
        <message>
            <source>Add photos</source>
            <translation>添加照片</translation>
        </message>
        <message>
            <source>The clipboard holds no image or photo files.</source>
            <translation>剪贴板中没有图片或照片文件。</translation>
        </message>
        <message>
            <source>No photo files were found in what was dropped.</source>
            <translation>拖入的内容中没有找到照片文件。</translation>
        </message>
        <message>
            <source>The image could not be saved for import: %1</source>
            <translation>无法保存图片以供导入：%1</translation>
        </message>
        <message>
            <source>Wait for the running import to finish.</source>
            <translation>请等待正在进行的导入完成。</translation>
        </message>
        <message>
            <source>Delete photos</source>
            <translation>删除照片</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>备份</translation>
        </message>
        <message>
            <source>Take a backup every day in the background (the last %1 are kept)</source>
            <translation>每天在后台自动备份（保留最近 %1 份）</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>立即备份</translation>
        </message>
        <message>
            <source>Restore selected…</source>
            <translation>恢复所选备份…</translation>
        </message>
        <message>
            <source>Restore from a file…</source>
            <translation>从文件恢复…</translation>
        </message>
        <message>
            <source>Open backups folder</source>
            <translation>打开备份文件夹</translation>
        </message>
        <message>
            <source>Only an administrator can restore a backup.</source>
            <translation>只有管理员可以恢复备份。</translation>
        </message>
        <message>
            <source>Backups are kept in %1</source>
            <translation>备份保存在 %1</translation>
        </message>
        <message>
            <source>No backups yet.</source>
            <translation>还没有备份。</translation>
        </message>
        <message>
            <source>Backing up the database and photos…</source>
            <translation>正在备份数据库和照片…</translation>
        </message>
        <message>
            <source>Backup written to %1</source>
            <translation>备份已写入 %1</translation>
        </message>
        <message>
            <source>Backup cancelled.</source>
            <translation>备份已取消。</translation>
        </message>
        <message>
            <source>Choose the database of a backup</source>
            <translation>选择备份中的数据库文件</translation>
        </message>
        <message>
            <source>Inspector database (*.sqlite3 *.sqlite *.db);;All files (*)</source>
            <translation>Inspector 数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
        </message>
        <message>
            <source>← Purchases</source>
            <translation>← 神买</translation>
        </message>
        <message>
            <source>Back to the purchases table (Alt+Left)</source>
            <translation>返回神买列表（Alt+Left）</translation>
        </message>
        <message>
            <source>In the waste basket</source>
            <translation>在回收站中</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Edit purchase…</source>
            <translation>编辑神买…</translation>
        </message>
        <message>
            <source>Delete purchase</source>
            <translation>删除神买</translation>
        </message>
        <message>
            <source>It moves to the waste basket; you can undo this.</source>
            <translation>它将移到回收站；可以撤销。</translation>
        </message>
        <message>
            <source>Add finding</source>
            <translation>添加问题</translation>
        </message>
        <message>
            <source>Select or save a finding to attach its photos.</source>
            <translation>选择或保存一个问题后，才能为其添加照片。</translation>
        </message>
        <message>
            <source>Photos of the parcel</source>
            <translation>包裹照片</translation>
        </message>
        <message>
            <source>Photos of the selected finding</source>
            <translation>所选问题的照片</translation>
        </message>
        <message>
            <source>Planned purchase</source>
            <translation>计划中的神买</translation>
        </message>
        <message>
            <source>Findings (%1)</source>
            <translation>问题（%1）</translation>
        </message>
        <message>
            <source>Unsaved finding</source>
            <translation>问题未保存</translation>
        </message>
        <message>
            <source>Discard the changes to this finding?</source>
            <translation>要放弃对这个问题的修改吗？</translation>
        </message>
        <message>
            <source>Delete the finding “%1”?

You can undo this.</source>
            <translation>要删除问题“%1”吗？

可以撤销。</translation>
        </message>
        <message>
            <source>Deleted the finding “%1”.</source>
            <translation>已删除问题“%1”。</translation>
        </message>
        <message>
            <source>Delete purchases</source>
            <translation>删除神买</translation>
        </message>
        <message>
            <source>Delete purchase %1?</source>
            <translation>要删除神买“%1”吗？</translation>
        </message>
        <message>
            <source>They move to the waste basket; you can undo this.</source>
            <translation>它们将移到回收站；可以撤销。</translation>
        </message>
        <message>
            <source>Please wait until the work in progress has finished.</source>
            <translation>请等待正在进行的工作完成。</translation>
        </message>
        <message>
            <source>Restore a backup</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <source>Replace all current data with the backup
%1?

A safety backup of the current data is taken first, so this can be undone.</source>
            <translation>要用以下备份替换当前全部数据吗？
%1

恢复前会先为当前数据做一份安全备份，因此可以撤销。</translation>
        </message>
        <message>
            <source>Restoring the backup…</source>
            <translation>正在恢复备份…</translation>
        </message>
        <message>
            <source>The backup was restored. The data from before the restore is kept as a safety backup.</source>
            <translation>备份已恢复。恢复前的数据已另存为安全备份。</translation>
        </message>
        <message>
            <source>New user</source>
            <translation>新建用户</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>姓名：</translation>
        </message>
        <message>
            <source>Shop ID:</source>
            <translation>店铺 ID：</translation>
        </message>
        <message>
            <source>Edit merchant</source>
            <translation>编辑商家</translation>
        </message>
        <message>
            <source>Listing ID:</source>
            <translation>商品链接 ID：</translation>
        </message>
        <message>
            <source>Edit product</source>
            <translation>编辑商品</translation>
        </message>
        <message>
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <source>Switch user</source>
            <translation>切换用户</translation>
        </message>
        <message>
            <source>New user…</source>
            <translation>新建用户…</translation>
        </message>
        <message>
            <source>Password…</source>
            <translation>密码…</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>数据</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>打开文件夹</translation>
        </message>
        <message>
            <source>Data folder:</source>
            <translation>数据文件夹：</translation>
        </message>
        <message>
            <source>Database:</source>
            <translation>数据库：</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>Restart Inspector to use the new language.</source>
            <translation>重新启动 Inspector 后将使用新语言。</translation>
        </message>
        <message>
            <source>Team settings</source>
            <translation>团队设置</translation>
        </message>
        <message>
            <source>Organisation:</source>
            <translation>组织名称：</translation>
        </message>
        <message>
            <source>An image shown on notices and reports (optional)</source>
            <translation>显示在通知书和报表上的图片（可选）</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Logo:</source>
            <translation>标志：</translation>
        </message>
        <message>
            <source>Default deadline of a rectification case:</source>
            <translation>整改期限默认值：</translation>
        </message>
        <message>
            <source>Warn before the due date:</source>
            <translation>到期前提醒：</translation>
        </message>
        <message>
            <source>Reply time on an overdue notice:</source>
            <translation>逾期通知的回复期限：</translation>
        </message>
        <message>
            <source>Save team settings</source>
            <translation>保存团队设置</translation>
        </message>
        <message>
            <source>No warning</source>
            <translation>不提醒</translation>
        </message>
        <message>
            <source>A notice for a case whose date has passed says it is overdue and asks for a reply this many days after the notice is issued.</source>
            <translation>案件期限已过时，通知书会注明已逾期，并要求商家在通知书发出后的这些天内回复。</translation>
        </message>
        <message>
            <source>Password changed</source>
            <translation>密码已更改</translation>
        </message>
        <message>
            <source>Choose the logo</source>
            <translation>选择标志图片</translation>
        </message>
        <message>
            <source>Images (*.png *.jpg *.jpeg)</source>
            <translation>图片 (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <source>Team settings saved.</source>
            <translation>团队设置已保存。</translation>
        </message>
        <message>
            <source>Risk and sampling</source>
            <translation>风险与抽样</translation>
        </message>
        <message>
            <source>Merchants whose risk score reaches a threshold are proposed for watch or elimination on the Risk screen; the sampling plan buys more often from riskier merchants.</source>
            <translation>风险分达到阈值的商家会在“风险”页面中被建议重点关注或清退；抽样计划会更多地购买风险较高商家的商品。</translation>
        </message>
        <message>
            <source>Watch at a risk score of:</source>
            <translation>重点关注的风险分：</translation>
        </message>
        <message>
            <source>Eliminate at a risk score of:</source>
            <translation>清退的风险分：</translation>
        </message>
        <message>
            <source>Count complaints and purchases of the last:</source>
            <translation>统计最近多少天的投诉与神买：</translation>
        </message>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <source>Time work orders finished in the last:</source>
            <translation>计时最近多少天内完结的工单：</translation>
        </message>
        <message>
            <source>Sampling weight of a spotless merchant:</source>
            <translation>无问题商家的抽样权重：</translation>
        </message>
        <message>
            <source>Beside 1.0 added at risk 100: with 0.20 a merchant at risk 80 is drawn five times as often as a spotless one.</source>
            <translation>风险分为 100 时权重再加 1.0：取 0.20 时，风险分 80 的商家被抽中的频率是无问题商家的五倍。</translation>
        </message>
        <message>
            <source>Work-order stages are late past these limits (Work orders screen):</source>
            <translation>工单各环节超过以下时限即为超时（见“工单”页面）：</translation>
        </message>
        <message>
            <source> h</source>
            <translation> 小时</translation>
        </message>
        <message>
            <source>Signed to stocked in, average aim:</source>
            <translation>签收到入库的平均目标时长：</translation>
        </message>
        <message>
            <source>%1 findings:</source>
            <translation>%1问题：</translation>
        </message>
        <message>
            <source>Only quality managers and administrators change team settings.</source>
            <translation>只有质量经理和管理员可以修改团队设置。</translation>
        </message>
        <message>
            <source>No user chosen.</source>
            <translation>未选择用户。</translation>
        </message>
        <message>
            <source>You are acting as %1 (%2).</source>
            <translation>您当前的身份是 %1（%2）。</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>正在处理…</translation>
        </message>
        <message>
            <source>Notify merchant</source>
            <translation>通知商家</translation>
        </message>
        <message>
            <source>Record response</source>
            <translation>记录回复</translation>
        </message>
        <message>
            <source>Accept response</source>
            <translation>接受回复</translation>
        </message>
        <message>
            <source>Rectified</source>
            <translation>报告已整改</translation>
        </message>
        <message>
            <source>Verify and close</source>
            <translation>复核通过并关闭</translation>
        </message>
        <message>
            <source>Verification failed</source>
            <translation>复核未通过</translation>
        </message>
        <message>
            <source>Escalate</source>
            <translation>升级</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Waive</source>
            <translation>豁免</translation>
        </message>
        <message>
            <source>Back to %1</source>
            <translation>退回“%1”</translation>
        </message>
        <message>
            <source>Cancel case</source>
            <translation>撤销整改单</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Why “%1” for case %2?</source>
            <translation>整改单 %2 为何“%1”？</translation>
        </message>
        <message>
            <source>Ctrl+Return</source>
            <translation>Ctrl+Return</translation>
        </message>
        <message>
            <source>This cannot be taken back: the case stays as it is then.</source>
            <translation>此操作无法撤回：案件将保持该状态。</translation>
        </message>
        <message>
            <source>Please give a reason.</source>
            <translation>请填写原因。</translation>
        </message>
        <message>
            <source>“%1” for case %2: the case becomes “%3”. This cannot be taken back. Go ahead?</source>
            <translation>对案件 %2 执行“%1”：案件将变为“%3”。此操作无法撤回。继续吗？</translation>
        </message>
        <message>
            <source>Select</source>
            <translation>选择</translation>
        </message>
        <message>
            <source>Select, move and resize shapes (drag their handles); drag the photo to pan (S)</source>
            <translation>选择、移动图形，拖动控制点可调整大小；拖动照片可平移（S）</translation>
        </message>
        <message>
            <source>Arrow</source>
            <translation>箭头</translation>
        </message>
        <message>
            <source>Draw an arrow pointing at the defect (A)</source>
            <translation>画一个指向缺陷的箭头（A）</translation>
        </message>
        <message>
            <source>Rectangle</source>
            <translation>矩形</translation>
        </message>
        <message>
            <source>Draw a rectangle (R)</source>
            <translation>画矩形（R）</translation>
        </message>
        <message>
            <source>Ellipse</source>
            <translation>椭圆</translation>
        </message>
        <message>
            <source>Draw an ellipse (E)</source>
            <translation>画椭圆（E）</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>文字</translation>
        </message>
        <message>
            <source>Click where a text note goes (T)</source>
            <translation>点击放置文字说明的位置（T）</translation>
        </message>
        <message>
            <source>Red</source>
            <translation>红</translation>
        </message>
        <message>
            <source>Yellow</source>
            <translation>黄</translation>
        </message>
        <message>
            <source>Green</source>
            <translation>绿</translation>
        </message>
        <message>
            <source>Blue</source>
            <translation>蓝</translation>
        </message>
        <message>
            <source>White</source>
            <translation>白</translation>
        </message>
        <message>
            <source>Black</source>
            <translation>黑</translation>
        </message>
        <message>
            <source>Annotation</source>
            <translation>标注</translation>
        </message>
        <message>
            <source>Other colour…</source>
            <translation>其他颜色…</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>颜色</translation>
        </message>
        <message>
            <source>Colour of new shapes and of the selected shapes</source>
            <translation>新图形和所选图形的颜色</translation>
        </message>
        <message>
            <source>Delete shape</source>
            <translation>删除图形</translation>
        </message>
        <message>
            <source>Delete the selected shapes (Delete)</source>
            <translation>删除所选图形（Delete）</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Undo the last change to the shapes (Ctrl+Z)</source>
            <translation>撤销对图形的上一次修改（Ctrl+Z）</translation>
        </message>
        <message>
            <source>Show annotations</source>
            <translation>显示标注</translation>
        </message>
        <message>
            <source>Show or hide the shapes drawn on the photo (H)</source>
            <translation>显示或隐藏照片上画的图形（H）</translation>
        </message>
        <message>
            <source>Annotation colour</source>
            <translation>标注颜色</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Any</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Any merchant</source>
            <translation>全部商家</translation>
        </message>
        <message>
            <source>Type part of a merchant's name or shop id and choose it from the list</source>
            <translation>输入商家名称或店铺 ID 的一部分，然后从列表中选择</translation>
        </message>
        <message>
            <source>Shop id: %1</source>
            <translation>店铺 ID：%1</translation>
        </message>
        <message>
            <source>Listing id: %1</source>
            <translation>商品链接 ID：%1</translation>
        </message>
        <message>
            <source>Create new merchant “%1”…</source>
            <translation>新建商家“%1”…</translation>
        </message>
        <message>
            <source>Type a shop name or id</source>
            <translation>输入店铺名称或 ID</translation>
        </message>
        <message>
            <source>Create new product “%1”…</source>
            <translation>新建商品“%1”…</translation>
        </message>
        <message>
            <source>Type a product, brand or listing id</source>
            <translation>输入商品、品牌或商品链接 ID</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>记录时间</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <source>Due today</source>
            <translation>今天到期</translation>
        </message>
        <message numerus="yes">
            <source>Due in %n d</source>
            <translation>
                <numerusform>%n 天后到期</numerusform>
            </translation>
        </message>
        <message>
            <source>Due soon: the case is due today and still open</source>
            <translation>即将到期：整改单今天到期，仍未结束</translation>
        </message>
        <message numerus="yes">
            <source>Due soon: the case is due in %n day(s) and still open</source>
            <translation>
                <numerusform>即将到期：整改单 %n 天后到期，仍未结束</numerusform>
            </translation>
        </message>
        <message>
            <source>Overdue</source>
            <comment>deadline badge</comment>
            <translation>逾期</translation>
        </message>
        <message>
            <source>Due soon</source>
            <comment>deadline badge</comment>
            <translation>即将到期</translation>
        </message>
        <message numerus="yes">
            <source>%n h</source>
            <translation>
                <numerusform>%n 小时</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 d %2 h</source>
            <translation>%1 天 %2 小时</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>整改单</translation>
        </message>
        <message>
            <source>Merchant</source>
            <translation>商家</translation>
        </message>
        <message>
            <source>Days left</source>
            <translation>剩余天数</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>期限</translation>
        </message>
        <message>
            <source>Since notice</source>
            <translation>距通知</translation>
        </message>
        <message>
            <source>Assignee</source>
            <translation>负责人</translation>
        </message>
        <message>
            <source>Overdue: the due date has passed and the case is still open</source>
            <translation>逾期：已过期限，整改单仍未结束</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Enter or double-click opens the finding's purchase</source>
            <translation>按 Enter 或双击可打开问题所属的神买</translation>
        </message>
        <message>
            <source>Open case</source>
            <translation>所在整改单</translation>
        </message>
        <message>
            <source>Search title, description and observed… (Ctrl+F)</source>
            <translation>搜索标题、描述和实际情况…（Ctrl+F）</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <source>All severities</source>
            <translation>全部严重程度</translation>
        </message>
        <message>
            <source>Recorded on or after</source>
            <translation>记录日期不早于</translation>
        </message>
        <message>
            <source>Recorded on or before</source>
            <translation>记录日期不晚于</translation>
        </message>
        <message>
            <source>Not yet in a case</source>
            <translation>尚未立案</translation>
        </message>
        <message>
            <source>Only findings that no active rectification case covers</source>
            <translation>只显示不在任何进行中整改单内的问题</translation>
        </message>
        <message>
            <source>Findings on purchases ordered in this period, as the Dashboard counts them. Click to remove this filter.</source>
            <translation>在该期间下单的神买上的问题，与概览的统计口径一致。点击可移除此筛选。</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>从：</translation>
        </message>
        <message>
            <source>To:</source>
            <translation>至：</translation>
        </message>
        <message>
            <source>Bought in %1 ✕</source>
            <translation>购于 %1 ✕</translation>
        </message>
        <message>
            <source>Open rectification case</source>
            <translation>开立整改单</translation>
        </message>
        <message numerus="yes">
            <source>%n finding(s) of %1 (%2)</source>
            <translation>
                <numerusform>%1（%2）的 %n 个问题</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n finding(s) of %1 merchants</source>
            <translation>
                <numerusform>%1 个商家的 %n 个问题</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>……另有 %n 个</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Team deadline for %1 findings: %n day(s)</source>
            <translation>
                <numerusform>团队对%1问题的期限：%n 天</numerusform>
            </translation>
        </message>
        <message>
            <source>Open case</source>
            <comment>action</comment>
            <translation>开立整改单</translation>
        </message>
        <message>
            <source>No due date</source>
            <translation>无期限</translation>
        </message>
        <message numerus="yes">
            <source>%n d overdue</source>
            <translation>
                <numerusform>逾期 %n 天</numerusform>
            </translation>
        </message>
        <message>
            <source>due today</source>
            <translation>今天到期</translation>
        </message>
        <message numerus="yes">
            <source>due in %n d</source>
            <translation>
                <numerusform>%n 天后到期</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n d left</source>
            <translation>
                <numerusform>剩余 %n 天</numerusform>
            </translation>
        </message>
        <message>
            <source>Merchant:</source>
            <translation>商家：</translation>
        </message>
        <message>
            <source>Due:</source>
            <translation>期限：</translation>
        </message>
        <message>
            <source>Nobody yet</source>
            <translation>尚未指定</translation>
        </message>
        <message>
            <source>Opened %1</source>
            <translation>开立于 %1</translation>
        </message>
        <message>
            <source>notified %1</source>
            <translation>通知于 %1</translation>
        </message>
        <message>
            <source>first response %1</source>
            <translation>首次回复于 %1</translation>
        </message>
        <message>
            <source>finished %1</source>
            <translation>结束于 %1</translation>
        </message>
        <message>
            <source>Reason: %1</source>
            <translation>原因：%1</translation>
        </message>
        <message>
            <source>What the merchant must put right</source>
            <translation>商家必须改正的内容</translation>
        </message>
        <message>
            <source>Edit case %1</source>
            <translation>编辑整改单 %1</translation>
        </message>
        <message>
            <source>Due date:</source>
            <translation>期限：</translation>
        </message>
        <message>
            <source>Assignee:</source>
            <translation>负责人：</translation>
        </message>
        <message>
            <source>Summary:</source>
            <translation>摘要：</translation>
        </message>
        <message>
            <source>New merchant</source>
            <translation>新建商家</translation>
        </message>
        <message>
            <source>The merchant as the platform shows it. The shop id must be unique.</source>
            <translation>按平台上显示的信息填写商家。店铺 ID 必须唯一。</translation>
        </message>
        <message>
            <source>Shop id:</source>
            <translation>店铺 ID：</translation>
        </message>
        <message>
            <source>e.g. 10023456</source>
            <translation>例如：10023456</translation>
        </message>
        <message>
            <source>Shop name:</source>
            <translation>店铺名称：</translation>
        </message>
        <message>
            <source>A short statement of the problem</source>
            <translation>对问题的简短说明</translation>
        </message>
        <message>
            <source>e.g. GB 18401-2010 §5.3, or the listing's promise</source>
            <translation>例如：GB 18401-2010 §5.3，或商品页面的承诺</translation>
        </message>
        <message>
            <source>What is wrong, where, how it was found</source>
            <translation>哪里有问题、在什么位置、如何发现的</translation>
        </message>
        <message>
            <source>What the listing or the standard promises</source>
            <translation>商品页面或标准承诺的内容</translation>
        </message>
        <message>
            <source>What the parcel actually held</source>
            <translation>包裹中的实际情况</translation>
        </message>
        <message>
            <source>Save finding</source>
            <translation>保存问题</translation>
        </message>
        <message>
            <source>Save this finding (Ctrl+S)</source>
            <translation>保存这个问题（Ctrl+S）</translation>
        </message>
        <message>
            <source>Delete finding</source>
            <translation>删除问题</translation>
        </message>
        <message>
            <source>Revert</source>
            <translation>还原</translation>
        </message>
        <message>
            <source>Severity:</source>
            <translation>严重程度：</translation>
        </message>
        <message>
            <source>Category:</source>
            <translation>类别：</translation>
        </message>
        <message>
            <source>Title:</source>
            <translation>标题：</translation>
        </message>
        <message>
            <source>Standard or rule broken:</source>
            <translation>违反的标准或规则：</translation>
        </message>
        <message>
            <source>Description:</source>
            <translation>描述：</translation>
        </message>
        <message>
            <source>Expected:</source>
            <translation>应有情况：</translation>
        </message>
        <message>
            <source>Observed:</source>
            <translation>实际情况：</translation>
        </message>
        <message>
            <source>Use my text</source>
            <translation>使用我的文字</translation>
        </message>
        <message>
            <source>Finding changed meanwhile</source>
            <translation>问题已被他人修改</translation>
        </message>
        <message>
            <source>Reload (keep my text visible)</source>
            <translation>重新载入（保留我的文字可见）</translation>
        </message>
        <message>
            <source>Keep editing</source>
            <translation>继续编辑</translation>
        </message>
        <message>
            <source>Your unsaved text:</source>
            <translation>您未保存的文字：</translation>
        </message>
        <message>
            <source>Finding</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>New finding</source>
            <translation>新问题</translation>
        </message>
        <message>
            <source>Finding %1</source>
            <translation>问题 %1</translation>
        </message>
        <message>
            <source>Give the finding a title.</source>
            <translation>请为问题填写标题。</translation>
        </message>
        <message>
            <source>Contact:</source>
            <translation>联系方式：</translation>
        </message>
        <message>
            <source>Key merchant</source>
            <translation>重点商家</translation>
        </message>
        <message>
            <source>New product</source>
            <translation>新建商品</translation>
        </message>
        <message>
            <source>Product name:</source>
            <translation>商品名称：</translation>
        </message>
        <message>
            <source>Brand:</source>
            <translation>品牌：</translation>
        </message>
        <message>
            <source>A new brand is added when needed</source>
            <translation>需要时会自动添加新品牌</translation>
        </message>
        <message>
            <source>Listing id:</source>
            <translation>商品链接 ID：</translation>
        </message>
        <message>
            <source>List price:</source>
            <translation>标价：</translation>
        </message>
        <message>
            <source>New purchase</source>
            <translation>新建神买</translation>
        </message>
        <message>
            <source>Edit purchase</source>
            <translation>编辑神买</translation>
        </message>
        <message>
            <source>The platform's order number</source>
            <translation>平台订单号</translation>
        </message>
        <message>
            <source>Ordered at:</source>
            <translation>下单时间：</translation>
        </message>
        <message>
            <source>Received at:</source>
            <translation>收货时间：</translation>
        </message>
        <message>
            <source>e.g. 129.90</source>
            <translation>例如：129.90</translation>
        </message>
        <message>
            <source>The name the order was placed under</source>
            <translation>下单时使用的名字</translation>
        </message>
        <message>
            <source>&amp;Merchant:</source>
            <translation>商家(&amp;M)：</translation>
        </message>
        <message>
            <source>&amp;Product:</source>
            <translation>商品(&amp;P)：</translation>
        </message>
        <message>
            <source>&amp;Status:</source>
            <translation>状态(&amp;S)：</translation>
        </message>
        <message>
            <source>&amp;Order number:</source>
            <translation>订单号(&amp;O)：</translation>
        </message>
        <message>
            <source>Price &amp;paid:</source>
            <translation>实付金额(&amp;P)：</translation>
        </message>
        <message>
            <source>&amp;Inspector:</source>
            <translation>质检员(&amp;I)：</translation>
        </message>
        <message>
            <source>&amp;Notes:</source>
            <translation>备注(&amp;N)：</translation>
        </message>
        <message>
            <source>Private — never shown to merchants</source>
            <translation>私密 —— 不会向商家展示</translation>
        </message>
        <message>
            <source>&amp;Buyer alias:</source>
            <translation>下单人化名(&amp;B)：</translation>
        </message>
        <message>
            <source>&amp;Delivery address:</source>
            <translation>收货地址(&amp;D)：</translation>
        </message>
        <message>
            <source>Kept for the inspection team only: never exported, printed or sent to a merchant.</source>
            <translation>仅供质检团队使用：不会被导出、打印或发送给商家。</translation>
        </message>
        <message>
            <source>(nobody yet)</source>
            <translation>（尚未指定）</translation>
        </message>
        <message>
            <source>User %1</source>
            <translation>用户 %1</translation>
        </message>
        <message>
            <source>Pick a merchant from the list, or create a new one.</source>
            <translation>请从列表中选择商家，或新建一个。</translation>
        </message>
        <message>
            <source>Choose the merchant who sold it.</source>
            <translation>请选择售出该商品的商家。</translation>
        </message>
        <message>
            <source>An order number has at most %1 characters.</source>
            <translation>订单号最多 %1 个字符。</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>What</source>
            <translation>事项</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Opened</source>
            <comment>case event</comment>
            <translation>开立</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>开立日期</translation>
        </message>
        <message>
            <source>Status change</source>
            <translation>状态变更</translation>
        </message>
        <message>
            <source>Response recorded</source>
            <translation>记录回复</translation>
        </message>
        <message>
            <source>Edited</source>
            <translation>编辑</translation>
        </message>
        <message>
            <source>Search case number, merchant, summary… (Ctrl+F)</source>
            <translation>搜索整改单号、商家、摘要…（Ctrl+F）</translation>
        </message>
        <message>
            <source>Overdue cases are marked red with a warning sign and the days overdue; cases due soon amber with a clock and the days left</source>
            <translation>逾期的整改单标为红色，带警告符号和逾期天数；即将到期的整改单标为琥珀色，带时钟图标和剩余天数</translation>
        </message>
        <message numerus="yes">
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n 个整改单</numerusform>
            </translation>
        </message>
        <message>
            <source>Writing the rectification notice for %1…</source>
            <translation>正在生成 %1 的整改通知书…</translation>
        </message>
        <message>
            <source>What the merchant answered</source>
            <translation>商家的答复</translation>
        </message>
        <message>
            <source>Why the defect happened</source>
            <translation>缺陷产生的原因</translation>
        </message>
        <message>
            <source>What was done about these products</source>
            <translation>对这些商品采取了哪些措施</translation>
        </message>
        <message>
            <source>What keeps it from happening again</source>
            <translation>如何防止再次发生</translation>
        </message>
        <message>
            <source>Save response</source>
            <translation>保存回复</translation>
        </message>
        <message>
            <source>Response:</source>
            <translation>回复：</translation>
        </message>
        <message>
            <source>Root cause:</source>
            <translation>根本原因：</translation>
        </message>
        <message>
            <source>Corrective action:</source>
            <translation>纠正措施：</translation>
        </message>
        <message>
            <source>Preventive action:</source>
            <translation>预防措施：</translation>
        </message>
        <message>
            <source>Response date:</source>
            <translation>回复日期：</translation>
        </message>
        <message>
            <source>Rectification evidence from the merchant</source>
            <translation>商家提供的整改证据</translation>
        </message>
        <message>
            <source>The case is finished; its response can no longer change.</source>
            <translation>整改单已结束，回复不能再修改。</translation>
        </message>
        <message>
            <source>Only merchant managers and quality managers record responses.</source>
            <translation>只有商家经理和质量经理可以记录回复。</translation>
        </message>
        <message>
            <source>Response of %1</source>
            <translation>%1 的回复</translation>
        </message>
        <message>
            <source>No response recorded yet.</source>
            <translation>尚未记录回复。</translation>
        </message>
        <message>
            <source>Response saved for %1</source>
            <translation>已保存 %1 的回复</translation>
        </message>
        <message>
            <source>The response was already recorded</source>
            <translation>该回复此前已记录</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>逾期</translation>
        </message>
        <message>
            <source>Passed — close the case</source>
            <translation>通过 —— 关闭整改单</translation>
        </message>
        <message>
            <source>Failed — back to rectifying</source>
            <translation>未通过 —— 退回整改</translation>
        </message>
        <message>
            <source>What the re-check found (required when it failed)</source>
            <translation>复核发现的情况（未通过时必填）</translation>
        </message>
        <message>
            <source>The mystery re-purchase from this merchant that was checked</source>
            <translation>用于复核的、向该商家再次神买的订单</translation>
        </message>
        <message>
            <source>Record verification</source>
            <translation>记录复核结果</translation>
        </message>
        <message>
            <source>Result:</source>
            <translation>结果：</translation>
        </message>
        <message>
            <source>Note:</source>
            <translation>备注：</translation>
        </message>
        <message>
            <source>Re-purchase:</source>
            <translation>复检神买：</translation>
        </message>
        <message>
            <source>Last result: %1</source>
            <translation>上次结果：%1</translation>
        </message>
        <message>
            <source>Re-check the merchant, then record the result.</source>
            <translation>请复核商家，然后记录结果。</translation>
        </message>
        <message>
            <source>The case is verified once the merchant reports it rectified.</source>
            <translation>商家报告已整改后才能复核。</translation>
        </message>
        <message>
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Choose Passed or Failed.</source>
            <translation>请选择“通过”或“未通过”。</translation>
        </message>
        <message>
            <source>Close case %1 as passed? A closed case cannot be reopened.</source>
            <translation>以“通过”关闭案件 %1？已关闭的案件无法重新打开。</translation>
        </message>
        <message>
            <source>%1: verification recorded (%2)</source>
            <translation>%1：已记录复核结果（%2）</translation>
        </message>
        <message>
            <source>Open rectification case…</source>
            <translation>开立整改单…</translation>
        </message>
        <message>
            <source>Open one rectification case for the selected findings (all of one merchant)</source>
            <translation>为所选问题开立一个整改单（须属于同一商家）</translation>
        </message>
        <message>
            <source>Open purchase</source>
            <translation>打开神买</translation>
        </message>
        <message>
            <source>Delete findings…</source>
            <translation>删除问题…</translation>
        </message>
        <message>
            <source>Undo delete</source>
            <translation>撤销删除</translation>
        </message>
        <message>
            <source>Bring the deleted findings back (%1)</source>
            <translation>恢复已删除的问题（%1）</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>正在搜索…</translation>
        </message>
        <message>
            <source>Sorting…</source>
            <translation>正在排序…</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>正在计数…</translation>
        </message>
        <message numerus="yes">
            <source>%n finding(s)</source>
            <translation>
                <numerusform>%n 个问题</numerusform>
            </translation>
        </message>
        <message>
            <source>Opened case %1</source>
            <translation>已开立整改单 %1</translation>
        </message>
        <message>
            <source>Delete findings</source>
            <translation>删除问题</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n finding(s)? You can undo this.</source>
            <translation>
                <numerusform>要删除 %n 个问题吗？可以撤销。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n finding(s) deleted.</source>
            <translation>
                <numerusform>已删除 %n 个问题。</numerusform>
            </translation>
        </message>
        <message>
            <source>Deleting findings…</source>
            <translation>正在删除问题…</translation>
        </message>
        <message numerus="yes">
            <source>%n finding(s) restored.</source>
            <translation>
                <numerusform>已恢复 %n 个问题。</numerusform>
            </translation>
        </message>
        <message>
            <source>Text annotation</source>
            <translation>文字标注</translation>
        </message>
        <message>
            <source>Text shown on the photo:</source>
            <translation>显示在照片上的文字：</translation>
        </message>
        <message>
            <source>Defect evidence</source>
            <translation>问题证据</translation>
        </message>
        <message>
            <source>Merchant’s rectification evidence</source>
            <translation>商家的整改证据</translation>
        </message>
        <message>
            <source>Verification re-check</source>
            <translation>复核</translation>
        </message>
        <message>
            <source>Pasted image %1</source>
            <translation>粘贴的图片 %1</translation>
        </message>
        <message>
            <source>Photo import: %1 stored, %2 already stored, %3 rejected.</source>
            <translation>照片导入：已存储 %1 张，%2 张此前已存储，%3 张被拒绝。</translation>
        </message>
        <message>
            <source>Cancelled; files not imported: %1.</source>
            <translation>已取消；未导入的文件：%1 个。</translation>
        </message>
        <message>
            <source>Importing photo %1 of %2: %3</source>
            <translation>正在导入第 %1 张照片（共 %2 张）：%3</translation>
        </message>
        <message>
            <source>Imported %1 of %2</source>
            <translation>已导入 %1 / %2</translation>
        </message>
        <message>
            <source>Importing photos…</source>
            <translation>正在导入照片…</translation>
        </message>
        <message>
            <source>Photo import</source>
            <translation>照片导入</translation>
        </message>
        <message>
            <source>Cancelling after the current photo…</source>
            <translation>当前照片完成后取消…</translation>
        </message>
        <message>
            <source>Not imported:</source>
            <translation>未导入：</translation>
        </message>
        <message>
            <source>…and %1 more (see the details).</source>
            <translation>……另有 %1 个（见详细信息）。</translation>
        </message>
        <message>
            <source>Already attached:</source>
            <translation>此前已添加：</translation>
        </message>
        <message>
            <source>Stored, but already evidence of another purchase:</source>
            <translation>已保存，但已是另一订单的证据：</translation>
        </message>
        <message>
            <source>Taken %1</source>
            <translation>拍摄于 %1</translation>
        </message>
        <message>
            <source>Annotations: %1</source>
            <translation>标注：%1</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>照片</translation>
        </message>
        <message>
            <source>View</source>
            <translation>查看</translation>
        </message>
        <message>
            <source>◀ Previous</source>
            <translation>◀ 上一张</translation>
        </message>
        <message>
            <source>Previous photo (Left)</source>
            <translation>上一张照片（Left）</translation>
        </message>
        <message>
            <source>Next ▶</source>
            <translation>下一张 ▶</translation>
        </message>
        <message>
            <source>Next photo (Right)</source>
            <translation>下一张照片（Right）</translation>
        </message>
        <message>
            <source>−</source>
            <translation>−</translation>
        </message>
        <message>
            <source>Zoom out (-, Ctrl+wheel)</source>
            <translation>缩小（-，Ctrl+滚轮）</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>缩小</translation>
        </message>
        <message>
            <source>Zoom</source>
            <translation>缩放</translation>
        </message>
        <message>
            <source>+</source>
            <translation>+</translation>
        </message>
        <message>
            <source>Zoom in (+, Ctrl+wheel)</source>
            <translation>放大（+，Ctrl+滚轮）</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>放大</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>适应窗口</translation>
        </message>
        <message>
            <source>Fit the photo in the window (F)</source>
            <translation>使照片适应窗口大小（F）</translation>
        </message>
        <message>
            <source>Actual size</source>
            <translation>实际大小</translation>
        </message>
        <message>
            <source>Show the photo's own pixels (1)</source>
            <translation>按照片原始像素显示（1）</translation>
        </message>
        <message>
            <source>Describe what the photo shows</source>
            <translation>描述照片的内容</translation>
        </message>
        <message>
            <source>&amp;Caption:</source>
            <translation>说明(&amp;C)：</translation>
        </message>
        <message>
            <source>Photo %1 of %2 — %3</source>
            <translation>第 %1 张照片，共 %2 张 —— %3</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>The photo could not be shown: %1</source>
            <translation>无法显示照片：%1</translation>
        </message>
        <message>
            <source>Order number</source>
            <translation>订单号</translation>
        </message>
        <message>
            <source>Ordered</source>
            <translation>下单时间</translation>
        </message>
        <message>
            <source>Search name, brand or listing ID</source>
            <translation>搜索名称、品牌或商品链接 ID</translation>
        </message>
        <message>
            <source>Brand</source>
            <translation>品牌</translation>
        </message>
        <message>
            <source>Listing ID</source>
            <translation>商品链接 ID</translation>
        </message>
        <message numerus="yes">
            <source>%Ln product(s)</source>
            <translation>
                <numerusform>%Ln 个商品</numerusform>
            </translation>
        </message>
        <message>
            <source>Assigned inspector</source>
            <translation>指派质检员</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>结论</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <source>Buyer alias</source>
            <translation>下单人化名</translation>
        </message>
        <message>
            <source>Price paid</source>
            <translation>实付金额</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>收货时间</translation>
        </message>
        <message>
            <source>Inspected</source>
            <translation>检验时间</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Buyer alias (private)</source>
            <translation>下单人化名（私密）</translation>
        </message>
        <message>
            <source>Delivery address (private)</source>
            <translation>收货地址（私密）</translation>
        </message>
        <message>
            <source>(no product recorded)</source>
            <translation>（未记录商品）</translation>
        </message>
        <message>
            <source>Search order number, merchant, shop id, product or brand  (Ctrl+F)</source>
            <translation>搜索订单号、商家、店铺 ID、商品或品牌（Ctrl+F）</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <source>Any verdict</source>
            <translation>全部结论</translation>
        </message>
        <message>
            <source>Put on watch…</source>
            <translation>列为重点关注…</translation>
        </message>
        <message>
            <source>Suspend…</source>
            <translation>暂停…</translation>
        </message>
        <message>
            <source>Eliminate…</source>
            <translation>清退…</translation>
        </message>
        <message>
            <source>Reinstate…</source>
            <translation>恢复正常…</translation>
        </message>
        <message>
            <source>Choose a merchant</source>
            <translation>选择商家</translation>
        </message>
        <message>
            <source>Key merchant (bought from at least once per plan)</source>
            <translation>重点商家（每个抽检计划至少购买一次）</translation>
        </message>
        <message>
            <source>Scorecard</source>
            <translation>评分卡</translation>
        </message>
        <message>
            <source>Purchases (inspected / failed)</source>
            <translation>神买（已检验 / 不合格）</translation>
        </message>
        <message>
            <source>Findings (critical / major / minor)</source>
            <translation>问题（严重 / 重要 / 轻微）</translation>
        </message>
        <message>
            <source>Hours to first response (median / P90)</source>
            <translation>首次回复小时数（中位 / P90）</translation>
        </message>
        <message>
            <source>Hours to closure (median / P90)</source>
            <translation>结案小时数（中位 / P90）</translation>
        </message>
        <message>
            <source>Status history</source>
            <translation>状态历史</translation>
        </message>
        <message>
            <source>From</source>
            <comment>status change</comment>
            <translation>原状态</translation>
        </message>
        <message>
            <source>To</source>
            <comment>status change</comment>
            <translation>新状态</translation>
        </message>
        <message>
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <source>To</source>
            <translation>至</translation>
        </message>
        <message>
            <source>Rectification cases</source>
            <translation>整改单</translation>
        </message>
        <message>
            <source>Status: %1</source>
            <translation>状态：%1</translation>
        </message>
        <message>
            <source>since %1</source>
            <translation>自 %1 起</translation>
        </message>
        <message>
            <source>Category: %1</source>
            <translation>类别：%1</translation>
        </message>
        <message>
            <source>Contact: %1</source>
            <translation>联系方式：%1</translation>
        </message>
        <message>
            <source>Clear filters</source>
            <translation>清除筛选</translation>
        </message>
        <message>
            <source>Filters:</source>
            <translation>筛选：</translation>
        </message>
        <message>
            <source>Any inspector</source>
            <translation>全部质检员</translation>
        </message>
        <message>
            <source>Pass</source>
            <translation>合格</translation>
        </message>
        <message>
            <source>Nothing wrong: record a pass</source>
            <translation>没有问题：判定合格</translation>
        </message>
        <message>
            <source>Fail</source>
            <translation>不合格</translation>
        </message>
        <message>
            <source>Record a fail (needs at least one finding)</source>
            <translation>判定不合格（至少需要一个问题）</translation>
        </message>
        <message>
            <source>Clear verdict</source>
            <translation>清除结论</translation>
        </message>
        <message>
            <source>Ask the merchant to rectify these findings</source>
            <translation>要求商家整改这些问题</translation>
        </message>
        <message>
            <source>Verdict:</source>
            <translation>结论：</translation>
        </message>
        <message>
            <source>Not inspected yet</source>
            <translation>尚未检验</translation>
        </message>
        <message>
            <source>cleared</source>
            <translation>已清除</translation>
        </message>
        <message>
            <source>Verdict of %1: %2</source>
            <translation>%1 的结论：%2</translation>
        </message>
        <message numerus="yes">
            <source>Open a rectification case for %1 with %n finding(s) of this purchase?

The deadline follows the most severe finding; you can change it on the case.</source>
            <translation>
                <numerusform>要为 %1 开立整改单，包含此神买的 %n 个问题吗？

期限按最严重的问题确定；之后可以在整改单上修改。</numerusform>
            </translation>
        </message>
        <message>
            <source>Tick when the time is known</source>
            <translation>知道时间时请勾选</translation>
        </message>
        <message>
            <source>Brands bought</source>
            <translation>购买品牌数</translation>
        </message>
        <message>
            <source>Styles bought</source>
            <translation>购买款式数</translation>
        </message>
        <message>
            <source>Problem products</source>
            <translation>问题商品</translation>
        </message>
        <message>
            <source>Merchants with findings</source>
            <translation>有问题的商家</translation>
        </message>
        <message>
            <source>Overdue cases</source>
            <translation>逾期整改单</translation>
        </message>
        <message>
            <source>Rectification rate</source>
            <translation>整改完成率</translation>
        </message>
        <message>
            <source>Hours to first response</source>
            <translation>首次回复小时数</translation>
        </message>
        <message>
            <source>Hours to closure</source>
            <translation>结案小时数</translation>
        </message>
        <message>
            <source>Merchants put on watch</source>
            <translation>列为重点关注的商家</translation>
        </message>
        <message>
            <source>Rectification notice</source>
            <translation>整改通知书</translation>
        </message>
        <message>
            <source>Monthly quality report</source>
            <translation>月度质量报告</translation>
        </message>
        <message>
            <source>Annual quality report</source>
            <translation>年度质量报告</translation>
        </message>
        <message>
            <source>%1 purchases, %2 findings, %3 problem products</source>
            <translation>%1 个神买，%2 个问题，%3 个问题商品</translation>
        </message>
        <message>
            <source>Notice %1</source>
            <translation>通知书 %1</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>报表</translation>
        </message>
        <message>
            <source>Period or case</source>
            <translation>期间或整改单</translation>
        </message>
        <message>
            <source>Generated</source>
            <translation>生成时间</translation>
        </message>
        <message>
            <source>Stated</source>
            <translation>报表数据</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>All reports</source>
            <translation>全部报表</translation>
        </message>
        <message>
            <source>&amp;Reproduce…</source>
            <translation>重新生成(&amp;R)…</translation>
        </message>
        <message>
            <source>Write the selected quality report again exactly as it was issued, from the figures archived with it</source>
            <translation>按归档时的数据，原样重新生成所选质量报告</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Show:</source>
            <translation>显示：</translation>
        </message>
        <message>
            <source>Every notice and quality report is archived with the figures it stated, so a report already sent can be written again exactly, even after later edits.</source>
            <translation>每份通知书和质量报告都会连同其中的数据一起归档，因此即使之后数据有修改，已发出的报表也能原样重新生成。</translation>
        </message>
        <message numerus="yes">
            <source>%n report(s)</source>
            <translation>
                <numerusform>%n 份报表</numerusform>
            </translation>
        </message>
        <message>
            <source>After-sales work orders</source>
            <translation>售后工单</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <source>Service duration</source>
            <comment>after-sales term</comment>
            <translation>售后服务时长</translation>
        </message>
        <message>
            <source>After-sales rate</source>
            <comment>after-sales term</comment>
            <translation>售后率</translation>
        </message>
        <message>
            <source>Shops over 60 h</source>
            <comment>after-sales term</comment>
            <translation>售后服务时长超过60小时的店铺</translation>
        </message>
        <message>
            <source>Findings by category (Pareto)</source>
            <translation>问题类别分布（帕累托图）</translation>
        </message>
        <message>
            <source>Findings per month</source>
            <translation>每月问题数</translation>
        </message>
        <message>
            <source>Merchants with most findings</source>
            <translation>问题最多的商家</translation>
        </message>
        <message>
            <source>No findings in this month</source>
            <translation>本月没有问题</translation>
        </message>
        <message>
            <source>Show the findings of this category</source>
            <translation>显示该类别的问题</translation>
        </message>
        <message>
            <source>Show the findings of this month</source>
            <translation>显示该月的问题</translation>
        </message>
        <message>
            <source>Show this merchant's findings</source>
            <translation>显示该商家的问题</translation>
        </message>
        <message>
            <source>No findings in the last 12 months</source>
            <translation>近 12 个月没有问题</translation>
        </message>
        <message>
            <source>Nothing to count yet. The figures start with the first mystery purchase: log it with New purchase (Ctrl+N). To look around first, an administrator can load the demo data.</source>
            <translation>还没有可统计的数据。统计从第一笔神买开始：用“新建神买”（Ctrl+N）登记。想先看看效果，管理员可以载入演示数据。</translation>
        </message>
        <message>
            <source>Inspectors, quality managers and administrators log purchases</source>
            <translation>神买由质检员、质量经理和管理员登记</translation>
        </message>
        <message>
            <source>Only an administrator may load the demo data, into a database without merchants</source>
            <translation>只有管理员可以载入演示数据，且数据库中还没有商家</translation>
        </message>
        <message>
            <source>Calculating…</source>
            <translation>正在计算…</translation>
        </message>
        <message>
            <source>Could not calculate the figures: %1</source>
            <translation>无法计算数据：%1</translation>
        </message>
        <message>
            <source>%1 inspected, %2 failed</source>
            <translation>已检验 %1 个，不合格 %2 个</translation>
        </message>
        <message>
            <source>of %1 bought from</source>
            <translation>共购买过 %1 个商家</translation>
        </message>
        <message>
            <source>%1 critical, %2 major</source>
            <translation>严重 %1 个，重要 %2 个</translation>
        </message>
        <message>
            <source>%1 opened this month</source>
            <translation>本月开立 %1 个</translation>
        </message>
        <message>
            <source>Due within %2 d: %1</source>
            <translation>%2 天内到期：%1</translation>
        </message>
        <message>
            <source>of cases opened this month</source>
            <translation>本月开立的整改单</translation>
        </message>
        <message>
            <source>median; 90th percentile %1</source>
            <translation>中位数；P90 为 %1</translation>
        </message>
        <message>
            <source>%1 suspended, %2 eliminated</source>
            <translation>暂停 %1 个，清退 %2 个</translation>
        </message>
        <message>
            <source>%1 complaints</source>
            <translation>投诉 %1 个</translation>
        </message>
        <message>
            <source>median hours; 90th percentile %1; %2 over 72 h</source>
            <translation>中位数（小时）；90分位 %1；超过72小时 %2 个</translation>
        </message>
        <message>
            <source>per order, over %1 orders</source>
            <translation>按订单计，共 %1 单</translation>
        </message>
        <message>
            <source>per month: no order volumes imported</source>
            <translation>按月计：未导入订单量</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>已确认</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>计划</translation>
        </message>
        <message>
            <source>List price</source>
            <translation>标价</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>制定时间</translation>
        </message>
        <message>
            <source>Shop ID</source>
            <translation>店铺 ID</translation>
        </message>
        <message>
            <source>(any product of the shop)</source>
            <translation>（该店任意商品）</translation>
        </message>
        <message>
            <source>Stratum</source>
            <translation>分层</translation>
        </message>
        <message>
            <source>Why chosen</source>
            <translation>抽中原因</translation>
        </message>
        <message>
            <source>Purchase</source>
            <translation>神买</translation>
        </message>
        <message>
            <source>Claimed by</source>
            <translation>认领人</translation>
        </message>
        <message>
            <source>no limit (budget only)</source>
            <translation>不限（仅按预算）</translation>
        </message>
        <message>
            <source>optional, e.g. 20000</source>
            <translation>可选，例如 20000</translation>
        </message>
        <message>
            <source>random</source>
            <translation>随机</translation>
        </message>
        <message>
            <source>Allow products already bought this month</source>
            <translation>允许抽到本月已购买的商品</translation>
        </message>
        <message>
            <source>Make plan</source>
            <translation>制定计划</translation>
        </message>
        <message>
            <source>Month:</source>
            <translation>月份：</translation>
        </message>
        <message>
            <source>Purchases:</source>
            <translation>神买数量：</translation>
        </message>
        <message>
            <source>Budget:</source>
            <translation>预算：</translation>
        </message>
        <message>
            <source>Seed:</source>
            <translation>随机种子：</translation>
        </message>
        <message>
            <source>Plans:</source>
            <translation>计划：</translation>
        </message>
        <message>
            <source>Make a plan or choose one.</source>
            <translation>请制定一个计划，或选择已有计划。</translation>
        </message>
        <message>
            <source>Accept plan</source>
            <translation>确认计划</translation>
        </message>
        <message>
            <source>Discard draft</source>
            <translation>丢弃草稿</translation>
        </message>
        <message>
            <source>Claim selected purchases</source>
            <translation>认领所选神买</translation>
        </message>
        <message>
            <source>Sampling plans are for inspectors and quality managers.</source>
            <translation>抽样计划仅供质检员和质量经理查看。</translation>
        </message>
        <message>
            <source>Plan %1 for %2 (%3): %4 purchases, about %5 at list prices; seed %6.</source>
            <translation>计划 %1，%2（%3）：%4 个神买，按标价约 %5；随机种子 %6。</translation>
        </message>
        <message>
            <source>Warning: %1</source>
            <translation>警告：%1</translation>
        </message>
        <message>
            <source>Drawing the plan…</source>
            <translation>正在抽取计划…</translation>
        </message>
        <message>
            <source>Plan %1 drawn (draft).</source>
            <translation>计划 %1 已抽取（草稿）。</translation>
        </message>
        <message>
            <source>Create %1 planned purchases for inspectors to claim?</source>
            <translation>要创建 %1 个计划中的神买，供质检员认领吗？</translation>
        </message>
        <message>
            <source>Creating planned purchases…</source>
            <translation>正在创建计划中的神买…</translation>
        </message>
        <message>
            <source>Plan %1 accepted.</source>
            <translation>计划 %1 已确认。</translation>
        </message>
        <message>
            <source>%1 purchases claimed.</source>
            <translation>已认领 %1 个神买。</translation>
        </message>
        <message>
            <source>Saved purchase %1</source>
            <translation>已保存神买 %1</translation>
        </message>
        <message>
            <source>Only new watch/elimination candidates</source>
            <translation>仅显示新的关注 / 清退候选</translation>
        </message>
        <message>
            <source>Import work orders…</source>
            <translation>导入工单…</translation>
        </message>
        <message>
            <source>Export to Excel…</source>
            <translation>导出到 Excel…</translation>
        </message>
        <message>
            <source>Select a merchant to see its slowest work orders.</source>
            <translation>选择一个商家，查看其处理最慢的工单。</translation>
        </message>
        <message>
            <source>Computing the ranking…</source>
            <translation>正在计算排名…</translation>
        </message>
        <message>
            <source>%1 merchants; %2 new candidates (watch at %3, eliminate at %4). Work orders applied in the last 180 days, durations of those finished in the last 30 days or still open; our purchases of the last 180 days.</source>
            <translation>%1 个商家；%2 个新候选（%3 分起重点关注，%4 分起清退）。统计近 180 天申请的工单，时长取近 30 天完结或仍未处理的工单；神买取近 180 天。</translation>
        </message>
        <message>
            <source>Slowest work orders of %1 (hours to first handling):</source>
            <translation>%1 处理最慢的工单（首次处理小时数）：</translation>
        </message>
        <message>
            <source>Import complaints and work orders</source>
            <translation>导入投诉和售后工单</translation>
        </message>
        <message>
            <source>Work orders (*.csv *.xlsx);;All files (*)</source>
            <translation>工单 (*.csv *.xlsx);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Importing work orders…</source>
            <translation>正在导入工单…</translation>
        </message>
        <message>
            <source>%1: %2 rows, %3 added, %4 already imported, %5 rejected.</source>
            <translation>%1：共 %2 行，新增 %3 行，%4 行此前已导入，%5 行被拒绝。</translation>
        </message>
        <message>
            <source>Row %1: %2</source>
            <translation>第 %1 行：%2</translation>
        </message>
        <message>
            <source>Nothing was imported: correct these rows and import the file again.</source>
            <translation>未导入任何内容：请修正这些行后重新导入该文件。</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Export risk ranking</source>
            <translation>导出风险排名</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Exported to %1</source>
            <translation>已导出到 %1</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>正在导出…</translation>
        </message>
        <message>
            <source>Watch</source>
            <translation>关注</translation>
        </message>
        <message>
            <source>Eliminate</source>
            <translation>清退</translation>
        </message>
        <message>
            <source>defect rate %1</source>
            <translation>不合格率 %1</translation>
        </message>
        <message>
            <source>complaints %1/mo</source>
            <translation>投诉 %1/月</translation>
        </message>
        <message>
            <source>after-sales %1/mo</source>
            <translation>售后 %1/月</translation>
        </message>
        <message>
            <source>%1 overdue rectifications</source>
            <translation>%1 个逾期整改</translation>
        </message>
        <message>
            <source>median handling %1 h</source>
            <translation>处理时长中位 %1 小时</translation>
        </message>
        <message>
            <source>p90 handling %1 h</source>
            <translation>处理时长 P90 %1 小时</translation>
        </message>
        <message>
            <source>%1 over 24 h</source>
            <translation>%1 超过 24 小时</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>重点</translation>
        </message>
        <message>
            <source>Candidate</source>
            <translation>候选</translation>
        </message>
        <message>
            <source>Complaints/mo</source>
            <translation>投诉/月</translation>
        </message>
        <message>
            <source>After-sales/mo</source>
            <translation>售后/月</translation>
        </message>
        <message>
            <source>Median h</source>
            <translation>中位小时</translation>
        </message>
        <message>
            <source>P90 h</source>
            <translation>P90 小时</translation>
        </message>
        <message>
            <source>&gt;24 h</source>
            <translation>&gt;24 小时</translation>
        </message>
        <message>
            <source>&gt;48 h</source>
            <translation>&gt;48 小时</translation>
        </message>
        <message>
            <source>&gt;72 h</source>
            <translation>&gt;72 小时</translation>
        </message>
        <message>
            <source>Defect rate</source>
            <translation>不合格率</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Applied</source>
            <translation>申请时间</translation>
        </message>
        <message>
            <source>First handled</source>
            <translation>首次处理时间</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>小时数</translation>
        </message>
        <message>
            <source>Still open</source>
            <translation>仍未处理</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <source>Active</source>
            <comment>case filter</comment>
            <translation>进行中</translation>
        </message>
        <message>
            <source>Due soon</source>
            <comment>case filter</comment>
            <translation>即将到期</translation>
        </message>
        <message>
            <source>Overdue</source>
            <comment>case filter</comment>
            <translation>逾期</translation>
        </message>
        <message>
            <source>All</source>
            <comment>case filter</comment>
            <translation>全部</translation>
        </message>
        <message>
            <source>Warnings before the deadline are off (Settings, team settings)</source>
            <translation>到期前提醒已关闭（设置 › 团队设置）</translation>
        </message>
        <message numerus="yes">
            <source>Active cases due within %n day(s), today included (Settings, team settings)</source>
            <translation>
                <numerusform>%n 天内（含今天）到期的进行中整改单（可在“设置 › 团队设置”中修改）</numerusform>
            </translation>
        </message>
        <message>
            <source>Change merchant status</source>
            <translation>变更商家状态</translation>
        </message>
        <message>
            <source>%1: %2 → %3</source>
            <translation>%1：%2 → %3</translation>
        </message>
        <message>
            <source>Why? (required; kept in the merchant's history)</source>
            <translation>原因？（必填；会记入商家历史）</translation>
        </message>
        <message>
            <source>Search name, shop ID or category (Ctrl+F)</source>
            <translation>搜索名称、店铺 ID 或类别（Ctrl+F）</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <source>Key merchants</source>
            <translation>重点商家</translation>
        </message>
        <message>
            <source>With findings</source>
            <translation>有问题</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Products…</source>
            <translation>商品(&amp;P)…</translation>
        </message>
        <message numerus="yes">
            <source>%Ln merchant(s)</source>
            <translation>
                <numerusform>%Ln 个商家</numerusform>
            </translation>
        </message>
        <message>
            <source>Rectification notice for %1</source>
            <translation>%1 的整改通知书</translation>
        </message>
        <message>
            <source>Rectification notice for the open cases of %1</source>
            <translation>%1 进行中整改单的整改通知书</translation>
        </message>
        <message>
            <source>Quality report for %1</source>
            <translation>%1 质量报告</translation>
        </message>
        <message>
            <source>Annual quality report %1</source>
            <translation>%1 年度质量报告</translation>
        </message>
        <message>
            <source>Workbooks have no preview here: save the workbook and open it in your spreadsheet program.</source>
            <translation>工作簿无法在此预览：请保存后用电子表格程序打开。</translation>
        </message>
        <message>
            <source>Preparing the preview: %1…</source>
            <translation>正在准备预览：%1…</translation>
        </message>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n 页</numerusform>
            </translation>
        </message>
        <message>
            <source>The preview needs poppler-utils (the pdftoppm program), which is not installed. The report is ready: use Save as… to keep it.</source>
            <translation>预览需要 poppler-utils（pdftoppm 程序），但尚未安装。报表已生成：请用“另存为…”保存。</translation>
        </message>
        <message>
            <source>The pages could not be drawn (%1). The report is ready: use Save as… to keep it.</source>
            <translation>无法绘制页面（%1）。报表已生成：请用“另存为…”保存。</translation>
        </message>
        <message>
            <source>Press Preview to see the report you chose.</source>
            <translation>按“预览”查看所选报表。</translation>
        </message>
        <message>
            <source>The data changed since this preview was made. Press Preview to see the report as it would be now.</source>
            <translation>生成此预览后数据有变化。按“预览”查看当前的报表。</translation>
        </message>
        <message>
            <source>Save %1</source>
            <translation>保存 %1</translation>
        </message>
        <message>
            <source>Writing %1…</source>
            <translation>正在生成 %1…</translation>
        </message>
        <message>
            <source>Reproduce archived report</source>
            <translation>重新生成归档报表</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message numerus="yes">
            <source>Sent %n page(s) to the printer</source>
            <translation>
                <numerusform>已向打印机发送 %n 页</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancelled; nothing was saved.</source>
            <translation>已取消，未保存任何内容。</translation>
        </message>
        <message>
            <source>Private values redacted: %1.</source>
            <translation>已隐去的隐私信息：%1 处。</translation>
        </message>
        <message>
            <source>Characters no bundled font can draw: %1</source>
            <translation>内置字体无法显示的字符：%1</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>PDF 文档 (*.pdf)</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <source>Rectification notice for a case</source>
            <translation>单个整改单的整改通知书</translation>
        </message>
        <message>
            <source>The notice a merchant receives for one case: its findings with photos, what to do by when, a receipt slip and signatures (PDF).</source>
            <translation>商家就一个整改单收到的通知书：含问题及照片、整改要求和期限、回执及签字栏（PDF）。</translation>
        </message>
        <message>
            <source>Rectification notice for a merchant's open cases</source>
            <translation>商家全部进行中整改单的整改通知书</translation>
        </message>
        <message>
            <source>One notice covering every case still open for the chosen merchant (PDF).</source>
            <translation>一份通知书，涵盖所选商家所有仍在进行中的整改单（PDF）。</translation>
        </message>
        <message>
            <source>The month's figures, defect categories, trend, merchants with most findings and overdue cases (PDF). Each report is archived with the figures it stated.</source>
            <translation>当月数据、缺陷类别、趋势、问题最多的商家和逾期整改单（PDF）。每份报告都会连同其中的数据一起归档。</translation>
        </message>
        <message>
            <source>The year's figures with a trend by month (PDF), archived like the monthly report.</source>
            <translation>全年数据及逐月趋势（PDF），与月度报告一样归档。</translation>
        </message>
        <message>
            <source>Findings workbook (internal 内部)</source>
            <translation>问题工作簿（内部）</translation>
        </message>
        <message>
            <source>Summary, findings, cases and merchants as an Excel workbook, filtered by period, merchant and case status. Internal: it holds order numbers, prices and who bought; never send it to a merchant.</source>
            <translation>汇总、问题、整改单和商家的 Excel 工作簿，可按期间、商家和整改状态筛选。仅供内部使用：含订单号、价格和购买人，切勿发给商家。</translation>
        </message>
        <message>
            <source>Merchant response workbook</source>
            <translation>商家回复工作簿</translation>
        </message>
        <message>
            <source>The chosen merchant's open cases as an Excel workbook for the merchant to fill in; import it back below when it returns.</source>
            <translation>所选商家的进行中整改单，导出为供商家填写的 Excel 工作簿；交回后在下方导入。</translation>
        </message>
        <message>
            <source>Findings workbook for a merchant</source>
            <translation>发给商家的问题工作簿</translation>
        </message>
        <message>
            <source>The findings already notified to the chosen merchant, by case and finding number, safe to send: no order number, price, buyer or inspector (Excel).</source>
            <translation>已通知所选商家的问题，按整改单号和问题编号列出，可放心发送：不含订单号、价格、买家或质检员（Excel）。</translation>
        </message>
        <message>
            <source>Records import template</source>
            <translation>记录导入模板</translation>
        </message>
        <message>
            <source>An empty workbook (merchants, products, purchases, findings) for moving existing records from spreadsheets into Inspector.</source>
            <translation>一个空白工作簿（商家、商品、神买、问题），用于把电子表格中已有的记录导入 Inspector。</translation>
        </message>
        <message>
            <source>&amp;Preview</source>
            <translation>预览(&amp;P)</translation>
        </message>
        <message>
            <source>Write the report and show its pages (Ctrl+Return)</source>
            <translation>生成报表并显示页面（Ctrl+Return）</translation>
        </message>
        <message>
            <source>&amp;Save as…</source>
            <translation>另存为(&amp;S)…</translation>
        </message>
        <message>
            <source>Write the report to a file you choose (Ctrl+S)</source>
            <translation>将报表写入您选择的文件（Ctrl+S）</translation>
        </message>
        <message>
            <source>P&amp;rint…</source>
            <translation>打印(&amp;R)…</translation>
        </message>
        <message>
            <source>Print the report's pages (Ctrl+P)</source>
            <translation>打印报表页面（Ctrl+P）</translation>
        </message>
        <message>
            <source>Open &amp;folder</source>
            <translation>打开文件夹(&amp;F)</translation>
        </message>
        <message>
            <source>Show the folder of the last file saved</source>
            <translation>显示上次保存的文件所在的文件夹</translation>
        </message>
        <message>
            <source>Choices</source>
            <translation>选项</translation>
        </message>
        <message>
            <source>Import merchant &amp;responses…</source>
            <translation>导入商家回复(&amp;R)…</translation>
        </message>
        <message>
            <source>Read a merchant response workbook that came back filled in</source>
            <translation>读取商家填好交回的回复工作簿</translation>
        </message>
        <message>
            <source>Import &amp;records…</source>
            <translation>导入记录(&amp;E)…</translation>
        </message>
        <message>
            <source>Read merchants, products, purchases and findings from the records template</source>
            <translation>从记录模板读取商家、商品、神买和问题</translation>
        </message>
        <message>
            <source>Save import &amp;template…</source>
            <translation>保存导入模板(&amp;T)…</translation>
        </message>
        <message>
            <source>Save the empty records template to fill in</source>
            <translation>保存空白记录模板以供填写</translation>
        </message>
        <message>
            <source>Imports</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Rows with problems are listed with their row number and reason. A records file is imported whole or not at all; responses and work orders keep their good rows. Importing a file twice changes nothing.</source>
            <translation>有错误的行会列出行号和原因。记录文件要么整体导入，要么完全不导入；商家回复和工单会保留正确的行。重复导入同一文件不会产生任何变化。</translation>
        </message>
        <message>
            <source>&amp;Case:</source>
            <translation>整改单(&amp;C)：</translation>
        </message>
        <message>
            <source>Choose a case: type part of its number and pick it from the list.</source>
            <translation>选择整改单：输入单号的一部分，再从列表中选择。</translation>
        </message>
        <message>
            <source>Choose a merchant: type part of its name or shop id and pick it.</source>
            <translation>选择商家：输入名称或店铺 ID 的一部分，再从列表中选择。</translation>
        </message>
        <message>
            <source>MMMM yyyy</source>
            <translation>yyyy年M月</translation>
        </message>
        <message>
            <source>M&amp;onth:</source>
            <translation>月份(&amp;O)：</translation>
        </message>
        <message>
            <source>&amp;Year:</source>
            <translation>年份(&amp;Y)：</translation>
        </message>
        <message>
            <source>All dates</source>
            <translation>全部日期</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <source>Last month</source>
            <translation>上月</translation>
        </message>
        <message>
            <source>This year</source>
            <translation>今年</translation>
        </message>
        <message>
            <source>Last year</source>
            <translation>去年</translation>
        </message>
        <message>
            <source>Custom range</source>
            <translation>自定义范围</translation>
        </message>
        <message>
            <source>All merchants (type to choose one)</source>
            <translation>全部商家（输入以选择某一个）</translation>
        </message>
        <message>
            <source>Any case status</source>
            <translation>全部整改状态</translation>
        </message>
        <message>
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <source>&amp;Recorded:</source>
            <translation>记录日期(&amp;R)：</translation>
        </message>
        <message>
            <source>Case &amp;status:</source>
            <translation>整改状态(&amp;S)：</translation>
        </message>
        <message>
            <source>The start date is after the end date.</source>
            <translation>开始日期晚于结束日期。</translation>
        </message>
        <message>
            <source>Pick the merchant from the list, or clear the field for all merchants.</source>
            <translation>请从列表中选择商家，或清空此栏以选择全部商家。</translation>
        </message>
        <message>
            <source>This document needs no choices.</source>
            <translation>此文档无需选择任何选项。</translation>
        </message>
        <message>
            <source>Type a case number or merchant (Down lists the latest)</source>
            <translation>输入整改单号或商家（按 Down 列出最新的）</translation>
        </message>
        <message>
            <source>Shop id %1, due %2</source>
            <translation>店铺 ID %1，期限 %2</translation>
        </message>
        <message>
            <source>Choose a report on the left and press Preview to see it here.</source>
            <translation>在左侧选择报表，然后按“预览”在此查看。</translation>
        </message>
        <message>
            <source>Page %1 of %2</source>
            <translation>第 %1 页，共 %2 页</translation>
        </message>
        <message>
            <source>This page could not be shown.</source>
            <translation>无法显示此页。</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>预览</translation>
        </message>
        <message>
            <source>Archived reports</source>
            <translation>归档报表</translation>
        </message>
        <message>
            <source>Make your choices on the left and press Preview to see the report here.</source>
            <translation>在左侧完成选择，然后按“预览”在此查看报表。</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>已保存：%1</translation>
        </message>
        <message>
            <source>1 finding</source>
            <translation>1 个问题</translation>
        </message>
        <message>
            <source>%1 findings</source>
            <translation>%1 个问题</translation>
        </message>
        <message>
            <source>1 photo</source>
            <translation>1 张照片</translation>
        </message>
        <message>
            <source>%1 photos</source>
            <translation>%1 张照片</translation>
        </message>
        <message>
            <source>1 merchant</source>
            <translation>1 个商家</translation>
        </message>
        <message>
            <source>%1 merchants</source>
            <translation>%1 个商家</translation>
        </message>
        <message>
            <source>1 product</source>
            <translation>1 个商品</translation>
        </message>
        <message>
            <source>%1 products</source>
            <translation>%1 个商品</translation>
        </message>
        <message>
            <source>1 deleted item</source>
            <translation>1 个已删除项目</translation>
        </message>
        <message>
            <source>%1 deleted items</source>
            <translation>%1 个已删除项目</translation>
        </message>
        <message>
            <source>Nothing to restore: the items were restored already.</source>
            <translation>没有需要恢复的内容：这些项目已被恢复。</translation>
        </message>
        <message>
            <source>, </source>
            <comment>list separator</comment>
            <translation>、</translation>
        </message>
        <message>
            <source>Also restored what it belongs to: %1.</source>
            <translation>其所属项目也已一并恢复：%1。</translation>
        </message>
        <message>
            <source>Also restored what they belong to: %1.</source>
            <translation>它们所属的项目也已一并恢复：%1。</translation>
        </message>
        <message>
            <source>The waste basket: what anyone deleted, newest first. Restore puts the selected items back where they were; nothing here is erased for good.</source>
            <translation>列出所有人删除的内容，最近删除的在前。“恢复”会把所选项目放回原处；这里的内容不会被永久清除。</translation>
        </message>
        <message>
            <source>Search item, what it belongs to, merchant or who deleted it (Ctrl+F)</source>
            <translation>搜索项目、所属、商家或删除人（Ctrl+F）</translation>
        </message>
        <message>
            <source>Bring the selected items back where they were</source>
            <translation>把所选项目恢复到原处</translation>
        </message>
        <message>
            <source>Nothing deleted</source>
            <translation>没有已删除的项目</translation>
        </message>
        <message>
            <source>Choose a user to restore deleted items.</source>
            <translation>请先选择用户，再恢复已删除的项目。</translation>
        </message>
        <message>
            <source>Your role (%1) may look at these deleted items but not restore them.</source>
            <translation>您的角色（%1）可以查看这些已删除的项目，但不能恢复。</translation>
        </message>
        <message>
            <source>Items your role (%1) may not restore are shown in grey.</source>
            <translation>您的角色（%1）不能恢复的项目以灰色显示。</translation>
        </message>
        <message>
            <source>Your role may not restore some of the selected items (shown in grey).</source>
            <translation>您的角色不能恢复所选项目中的部分项目（以灰色显示）。</translation>
        </message>
        <message numerus="yes">
            <source>%n case(s) due within %1 day(s): see the Due soon tab</source>
            <translation>
                <numerusform>%n 个整改单将在 %1 天内到期：请查看“即将到期”标签页</numerusform>
            </translation>
        </message>
        <message>
            <source>Log in to the team server</source>
            <translation>登录团队服务器</translation>
        </message>
        <message>
            <source>Team server: %1</source>
            <translation>团队服务器：%1</translation>
        </message>
        <message>
            <source>Remember the password in the system keyring</source>
            <translation>在系统钥匙串中记住密码</translation>
        </message>
        <message>
            <source>Login:</source>
            <translation>登录名：</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>密码：</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>Password of %1:</source>
            <translation>%1 的密码：</translation>
        </message>
        <message>
            <source>Wrong password for %1.</source>
            <translation>%1 的密码错误。</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>New password for %1 (empty: none):</source>
            <translation>%1 的新密码（留空：不设密码）：</translation>
        </message>
        <message>
            <source>Discard changes?</source>
            <translation>放弃更改？</translation>
        </message>
        <message>
            <source>What you typed in this form has not been saved. Discard it?</source>
            <translation>此表单中输入的内容尚未保存。要放弃吗？</translation>
        </message>
        <message>
            <source>Ctrl+Return confirms</source>
            <translation>按 Ctrl+Return 确认</translation>
        </message>
        <message>
            <source>Everywhere</source>
            <translation>任何位置</translation>
        </message>
        <message>
            <source>Find (the search box of the screen)</source>
            <translation>查找（当前页面的搜索框）</translation>
        </message>
        <message>
            <source>Go to a screen (see the Go menu)</source>
            <translation>转到某个页面（见“转到”菜单）</translation>
        </message>
        <message>
            <source>Next / previous field (also out of a table)</source>
            <translation>下一个 / 上一个字段（也可离开表格）</translation>
        </message>
        <message>
            <source>Open the selected row</source>
            <translation>打开所选行</translation>
        </message>
        <message>
            <source>Tables</source>
            <translation>表格</translation>
        </message>
        <message>
            <source>Back to the purchases table</source>
            <translation>返回采购表格</translation>
        </message>
        <message>
            <source>A purchase</source>
            <translation>采购页面</translation>
        </message>
        <message>
            <source>Save the finding being edited</source>
            <translation>保存正在编辑的问题</translation>
        </message>
        <message>
            <source>Delete the selected rows or photos (asks first)</source>
            <translation>删除所选行或照片（先确认）</translation>
        </message>
        <message>
            <source>Tables, photos</source>
            <translation>表格、照片</translation>
        </message>
        <message>
            <source>Open a rectification case on the selected findings</source>
            <translation>为所选问题建立整改案件</translation>
        </message>
        <message>
            <source>Undo the last delete</source>
            <translation>撤销上一次删除</translation>
        </message>
        <message>
            <source>Findings, photos</source>
            <translation>问题、照片</translation>
        </message>
        <message>
            <source>Confirm a dialog with a text box (reason, text on a photo)</source>
            <translation>确认带文本框的对话框（原因、照片上的文字）</translation>
        </message>
        <message>
            <source>Dialogs</source>
            <translation>对话框</translation>
        </message>
        <message>
            <source>Close a dialog (asks before discarding typed input)</source>
            <translation>关闭对话框（放弃已输入内容前会询问）</translation>
        </message>
        <message>
            <source>Save the report as…</source>
            <translation>将报告另存为…</translation>
        </message>
        <message>
            <source>Print the report</source>
            <translation>打印报告</translation>
        </message>
        <message>
            <source>Preview the report</source>
            <translation>预览报告</translation>
        </message>
        <message>
            <source>Paste a photo</source>
            <translation>粘贴照片</translation>
        </message>
        <message>
            <source>Edit the caption</source>
            <translation>编辑说明</translation>
        </message>
        <message>
            <source>Edit the selected merchant or product</source>
            <translation>编辑选中的商家或商品</translation>
        </message>
        <message>
            <source>Merchants, products</source>
            <translation>商家、商品</translation>
        </message>
        <message>
            <source>Merge the selected duplicates into one</source>
            <translation>把选中的重复项合并为一个</translation>
        </message>
        <message>
            <source>Delete the selected merchant or product (when nothing points at it)</source>
            <translation>删除选中的商家或商品（没有记录引用时）</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>按键</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>适用位置</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <source>All stages</source>
            <translation>全部环节</translation>
        </message>
        <message>
            <source>Running late</source>
            <comment>after-sales term</comment>
            <translation>超时未完成</translation>
        </message>
        <message>
            <source>Statistics window</source>
            <comment>after-sales term</comment>
            <translation>统计周期</translation>
        </message>
        <message>
            <source>Work orders closed in the last 30 days and applied for in the last 180 days</source>
            <translation>近30天完结且近180天申请的工单</translation>
        </message>
        <message>
            <source>Longest work orders</source>
            <comment>after-sales term</comment>
            <translation>时长最长的工单</translation>
        </message>
        <message>
            <source>The 100 after-sales work orders of the statistics window with the longest service duration, platform-wide or for the shop ID given</source>
            <translation>统计周期内售后服务时长最长的100个售后工单（全平台，或所填店铺ID的）</translation>
        </message>
        <message>
            <source>Service duration: hours from the application to the merchant's first handling (first review for cancelled or rejected work orders); '+' still counting.</source>
            <translation>售后服务时长：从消费者申请到商家首次处理的小时数（取消、驳回的服务单到商家首次审核）；“+”表示仍在计时。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln work order(s)</source>
            <translation>
                <numerusform>%Ln 个工单</numerusform>
            </translation>
        </message>
        <message>
            <source>Export work orders</source>
            <translation>导出工单</translation>
        </message>
        <message>
            <source>Exporting work orders…</source>
            <translation>正在导出工单…</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>服务单结果</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>完结时间</translation>
        </message>
        <message>
            <source>Service duration (h)</source>
            <translation>售后服务时长（小时）</translation>
        </message>
        <message>
            <source>Late stages</source>
            <translation>超时环节</translation>
        </message>
        <message>
            <source>Watch</source>
            <comment>review decision</comment>
            <translation>观察</translation>
        </message>
        <message>
            <source>Suspend</source>
            <comment>review decision</comment>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Eliminate</source>
            <comment>review decision</comment>
            <translation>清退</translation>
        </message>
        <message>
            <source>No action</source>
            <comment>review decision</comment>
            <translation>不处理</translation>
        </message>
        <message>
            <source>work orders over 72 h</source>
            <comment>review reason</comment>
            <translation>工单超过72小时</translation>
        </message>
        <message>
            <source>complaints surging</source>
            <comment>review reason</comment>
            <translation>投诉激增</translation>
        </message>
        <message>
            <source>risk score</source>
            <comment>review reason</comment>
            <translation>风险分</translation>
        </message>
        <message>
            <source>Returned</source>
            <comment>goods disposition</comment>
            <translation>已退货</translation>
        </message>
        <message>
            <source>Kept as sample</source>
            <comment>goods disposition</comment>
            <translation>留样</translation>
        </message>
        <message>
            <source>Disposed of</source>
            <comment>goods disposition</comment>
            <translation>已处置</translation>
        </message>
        <message>
            <source>Monthly review</source>
            <translation>月度商家评审</translation>
        </message>
        <message>
            <source>&amp;Goods:</source>
            <translation>货品去向(&amp;G):</translation>
        </message>
        <message>
            <source>&amp;Refund:</source>
            <translation>退款(&amp;R):</translation>
        </message>
        <message>
            <source>Sample &amp;kept at:</source>
            <translation>留样位置(&amp;K):</translation>
        </message>
        <message>
            <source>Net cost of purchases</source>
            <translation>神买净成本</translation>
        </message>
        <message>
            <source>median; 90th percentile %1; %2 not answered yet</source>
            <translation>中位数;90分位 %1;%2 件尚未回复</translation>
        </message>
        <message>
            <source>spent %1, refunded %2 (%3 lightning refunds)</source>
            <translation>支出 %1,退款 %2(闪电退款 %3 笔)</translation>
        </message>
        <message>
            <source>Suggested</source>
            <translation>建议</translation>
        </message>
        <message>
            <source>Over 72 h</source>
            <translation>超过72小时</translation>
        </message>
        <message>
            <source>Complaints</source>
            <translation>投诉</translation>
        </message>
        <message>
            <source>Before /mo</source>
            <translation>此前每月</translation>
        </message>
        <message>
            <source>Stage breaches</source>
            <translation>环节超时</translation>
        </message>
        <message>
            <source>Decided</source>
            <translation>已决定</translation>
        </message>
        <message>
            <source>Only candidates</source>
            <translation>仅候选商家</translation>
        </message>
        <message>
            <source>Already suspended or eliminated (not reviewed):</source>
            <translation>已暂停或已清退(不参加评审):</translation>
        </message>
        <message>
            <source>Reason (required)</source>
            <translation>理由(必填)</translation>
        </message>
        <message>
            <source>Record decision for the selected merchants</source>
            <translation>为所选商家记录决定</translation>
        </message>
        <message>
            <source>Reviewing %1…</source>
            <translation>正在评审 %1…</translation>
        </message>
        <message>
            <source>%1: %2 merchants reviewed, %3 candidates, %4 decisions recorded; %5 suspended or eliminated apart. Work orders applied for in the month; complaints against the merchant's own 6 months before.</source>
            <translation>%1:评审 %2 个商家,%3 个候选,已记录 %4 项决定;另有 %5 个已暂停或已清退。工单按当月申请计;投诉与该商家此前 6 个月相比。</translation>
        </message>
        <message>
            <source>%1: %2 work orders in the month, %3 over 72 h, %4 not handled yet; median %5 h, p90 %6 h. %7 complaints (before: %8 a month). %9 findings on the month's purchases, %10 failed purchases, %11 overdue rectifications.</source>
            <translation>%1:当月工单 %2 个,超过72小时 %3 个,尚未处理 %4 个;中位数 %5 小时,p90 %6 小时。投诉 %7 个(此前每月 %8 个)。当月购买的问题 %9 个,不合格购买 %10 个,逾期整改 %11 个。</translation>
        </message>
        <message>
            <source>Stages past their limit: %1.</source>
            <translation>超时环节:%1。</translation>
        </message>
        <message>
            <source>Decided: %1 (%2)</source>
            <translation>已决定:%1(%2)</translation>
        </message>
        <message>
            <source>Recording decisions…</source>
            <translation>正在记录决定…</translation>
        </message>
        <message>
            <source>Recorded %1 for %2 merchants.</source>
            <translation>已为 %2 个商家记录“%1”。</translation>
        </message>
        <message>
            <source>What happened to the goods</source>
            <translation>货品去向</translation>
        </message>
        <message>
            <source>(not recorded yet)</source>
            <translation>(尚未记录)</translation>
        </message>
        <message>
            <source>Lightning refund (refunded before the return arrived)</source>
            <translation>闪电退款(退货到仓前已退款)</translation>
        </message>
        <message>
            <source>e.g. sample cabinet A-3</source>
            <translation>例如 样品柜 A-3</translation>
        </message>
        <message>
            <source>Active cases</source>
            <translation>进行中整改单</translation>
        </message>
        <message>
            <source>Active cases due within this many days (the due day included) are marked “due soon” on the Cases screen; 0 turns the warning off.</source>
            <translation>在这么多天内（含到期当天）到期的进行中整改单，会在“整改”页面标为“即将到期”；设为 0 则关闭提醒。</translation>
        </message>
        <message>
            <source>Active cases (overdue)</source>
            <translation>进行中整改单（逾期）</translation>
        </message>
        <message>
            <source>Active cases of %1</source>
            <translation>%1 的进行中整改单</translation>
        </message>
        <message>
            <source>Case status</source>
            <translation>整改单状态</translation>
        </message>
        <message>
            <source>Notify the merchant of the case</source>
            <translation>就整改单通知商家</translation>
        </message>
        <message>
            <source>Record the merchant's response</source>
            <translation>记录商家回复</translation>
        </message>
        <message>
            <source>Accept the merchant's response</source>
            <translation>接受商家回复</translation>
        </message>
        <message>
            <source>Mark the case as rectified</source>
            <translation>将整改单标记为已整改</translation>
        </message>
        <message>
            <source>Verify and close the case</source>
            <translation>复核通过并关闭整改单</translation>
        </message>
        <message>
            <source>Verification failed: back to rectifying</source>
            <translation>复核未通过：退回整改中</translation>
        </message>
        <message>
            <source>Escalate the case</source>
            <translation>升级整改单</translation>
        </message>
        <message>
            <source>Edit the case</source>
            <translation>编辑整改单</translation>
        </message>
        <message>
            <source>Print the case's notice</source>
            <translation>打印整改单的通知书</translation>
        </message>
        <message>
            <source>Save the case's notice as PDF</source>
            <translation>将整改单的通知书另存为 PDF</translation>
        </message>
        <message>
            <source>&amp;Notify merchant…</source>
            <translation>通知商家(&amp;N)…</translation>
        </message>
        <message>
            <source>Record &amp;response…</source>
            <translation>记录回复(&amp;R)…</translation>
        </message>
        <message>
            <source>&amp;Accept response…</source>
            <translation>接受回复(&amp;A)…</translation>
        </message>
        <message>
            <source>Mark as rec&amp;tified…</source>
            <translation>标记为已整改(&amp;T)…</translation>
        </message>
        <message>
            <source>&amp;Verify and close…</source>
            <translation>复核通过并关闭(&amp;V)…</translation>
        </message>
        <message>
            <source>Verification &amp;failed…</source>
            <translation>复核未通过(&amp;F)…</translation>
        </message>
        <message>
            <source>Esca&amp;late…</source>
            <translation>升级(&amp;L)…</translation>
        </message>
        <message>
            <source>Back to n&amp;otified…</source>
            <translation>退回“已通知”(&amp;O)…</translation>
        </message>
        <message>
            <source>Back to rectif&amp;ying…</source>
            <translation>退回“整改中”(&amp;Y)…</translation>
        </message>
        <message>
            <source>Back to awaiting verificat&amp;ion…</source>
            <translation>退回“待复核”(&amp;I)…</translation>
        </message>
        <message>
            <source>Clo&amp;se after escalation…</source>
            <translation>升级后关闭(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Cancel case…</source>
            <translation>撤销整改单(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Waive…</source>
            <translation>豁免(&amp;W)…</translation>
        </message>
        <message>
            <source>Choose a case on the Cases screen first</source>
            <translation>请先在“整改”页面选择一个整改单</translation>
        </message>
        <message>
            <source>Choose a user first (User menu)</source>
            <translation>请先选择用户（“用户”菜单）</translation>
        </message>
        <message>
            <source>Case %1 is %2 and can no longer change</source>
            <translation>整改单 %1 状态为“%2”，不能再变更</translation>
        </message>
        <message>
            <source>Only for a case that is %1; case %2 is %3</source>
            <translation>仅适用于状态为%1的整改单；整改单 %2 为%3</translation>
        </message>
        <message>
            <source>That is for: %1 (you act as %2)</source>
            <translation>此操作仅限：%1（您当前的身份是%2）</translation>
        </message>
        <message>
            <source>&amp;Case</source>
            <translation>整改单(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Edit case…</source>
            <translation>编辑整改单(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Print notice…</source>
            <translation>打印通知书(&amp;P)…</translation>
        </message>
        <message>
            <source>Save notice as P&amp;DF…</source>
            <translation>将通知书另存为 PDF(&amp;D)…</translation>
        </message>
        <message>
            <source>No purchases yet. Log your first mystery purchase with New purchase (Ctrl+N); the Sampling plan screen can suggest what to buy. To look around first, load the demo data (administrators).</source>
            <translation>还没有神买。请用“新建神买”（Ctrl+N）记录第一笔神买；“抽检计划”页面可以建议买什么。想先熟悉一下，可以载入演示数据（限管理员）。</translation>
        </message>
        <message>
            <source>Load demo data…</source>
            <translation>载入演示数据…</translation>
        </message>
        <message>
            <source>Print the rectification notice (Ctrl+Shift+P); printing it notifies the merchant</source>
            <translation>打印整改通知书（Ctrl+Shift+P）；打印即视为已通知商家</translation>
        </message>
        <message>
            <source>Save notice as PDF…</source>
            <translation>将通知书另存为 PDF…</translation>
        </message>
        <message>
            <source>Save the rectification notice as a PDF file (Ctrl+Shift+S) to send it</source>
            <translation>将整改通知书另存为 PDF 文件（Ctrl+Shift+S），以便发送</translation>
        </message>
        <message numerus="yes">
            <source>Sent %n page(s) of the notice to the printer; a copy is in %1</source>
            <translation>
                <numerusform>已将通知书的 %n 页发送到打印机；副本保存在 %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Restart now</source>
            <translation>立即重启</translation>
        </message>
        <message>
            <source>Close Inspector and start it again in the chosen language</source>
            <translation>关闭 Inspector，并以所选语言重新启动</translation>
        </message>
        <message>
            <source>Inspector was not restarted.</source>
            <translation>Inspector 未重新启动。</translation>
        </message>
        <message>
            <source>No cases yet. A rectification case is opened from findings: on the Findings screen, select findings of one merchant and choose Open rectification case (Ctrl+Shift+R).</source>
            <translation>还没有整改单。整改单从问题开立：在“问题”页面选择同一商家的问题，然后选择“开立整改单”（Ctrl+Shift+R）。</translation>
        </message>
        <message>
            <source>Go to Findings</source>
            <translation>转到“问题”</translation>
        </message>
        <message>
            <source>Rectification notice %1</source>
            <translation>整改通知书 %1</translation>
        </message>
        <message>
            <source>Replace file?</source>
            <translation>替换文件？</translation>
        </message>
        <message>
            <source>%1 already exists. Replace it?</source>
            <translation>%1 已存在。要替换吗？</translation>
        </message>
        <message>
            <source>Save notice %1 as PDF</source>
            <translation>将通知书 %1 另存为 PDF</translation>
        </message>
        <message>
            <source>No findings yet. Findings are recorded while inspecting a purchase: open a purchase on the Purchases screen and add a finding. Cases are then opened from here.</source>
            <translation>还没有问题。问题在检验神买时记录：在“神买”页面打开一笔神买并添加问题。之后即可在此开立整改单。</translation>
        </message>
        <message>
            <source>Go to Purchases</source>
            <translation>转到“神买”</translation>
        </message>
        <message>
            <source>Show this month's purchases</source>
            <translation>查看本月的神买</translation>
        </message>
        <message>
            <source>Show the findings</source>
            <translation>查看问题</translation>
        </message>
        <message>
            <source>Show the merchants with findings</source>
            <translation>查看有问题的商家</translation>
        </message>
        <message>
            <source>Show the active cases</source>
            <translation>查看进行中整改单</translation>
        </message>
        <message>
            <source>Show the overdue cases</source>
            <translation>查看逾期整改单</translation>
        </message>
        <message>
            <source>Printing is not available: this installation lacks Qt's print support.</source>
            <translation>无法打印：此安装缺少 Qt 的打印支持。</translation>
        </message>
        <message>
            <source>Sync conflicts</source>
            <translation>同步冲突</translation>
        </message>
        <message>
            <source>These records were changed on this laptop and on the server. Nothing was lost: choose which version to keep.</source>
            <translation>这些记录在本笔记本和服务器上都被修改过。没有任何内容丢失：请选择保留哪个版本。</translation>
        </message>
        <message>
            <source>Mine (this laptop)</source>
            <translation>我的（本笔记本）</translation>
        </message>
        <message>
            <source>Theirs (the server, shown now)</source>
            <translation>服务器的（当前显示）</translation>
        </message>
        <message>
            <source>Keep &amp;mine</source>
            <translation>保留我的(&amp;M)</translation>
        </message>
        <message>
            <source>Keep &amp;theirs</source>
            <translation>保留服务器的(&amp;T)</translation>
        </message>
        <message>
            <source>S&amp;ync with the team server</source>
            <translation>与团队服务器同步(&amp;Y)</translation>
        </message>
        <message>
            <source>Sync &amp;conflicts…</source>
            <translation>同步冲突(&amp;C)…</translation>
        </message>
        <message>
            <source>Checking the server…</source>
            <translation>正在检查服务器…</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>在线</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>离线</translation>
        </message>
        <message>
            <source>never</source>
            <translation>从未</translation>
        </message>
        <message>
            <source>%1 · last sync %2 · %3 waiting</source>
            <translation>%1 · 上次同步 %2 · %3 项等待中</translation>
        </message>
        <message>
            <source>%1 conflicts</source>
            <translation>%1 个冲突</translation>
        </message>
        <message>
            <source>Laptop copy of %1 (login %2)</source>
            <translation>%1 的笔记本副本（登录名 %2）</translation>
        </message>
        <message>
            <source>The team server does not answer: work goes on offline and waits here</source>
            <translation>团队服务器无响应：工作可离线继续，更改在此等待</translation>
        </message>
        <message>
            <source>Send this laptop's changes and receive the server's</source>
            <translation>发送本笔记本的更改并接收服务器的更改</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>同步</translation>
        </message>
        <message>
            <source>Password of %1 on the team server:</source>
            <translation>%1 在团队服务器上的密码：</translation>
        </message>
        <message>
            <source>Syncing with the team server…</source>
            <translation>正在与团队服务器同步…</translation>
        </message>
        <message>
            <source>Sync done: %1 sent, %2 received, %3 waiting</source>
            <translation>同步完成：已发送 %1 项，已接收 %2 项，%3 项等待中</translation>
        </message>
        <message>
            <source>%1 refused by the server</source>
            <translation>%1 项被服务器拒绝</translation>
        </message>
        <message>
            <source>%1 no longer yours to see, removed here</source>
            <translation>%1 条已不再对你可见，已从本机移除</translation>
        </message>
        <message>
            <source>Refused by the team server, kept here as they are: %1.</source>
            <translation>被团队服务器拒绝、按原样保留在本机：%1 条。</translation>
        </message>
        <message>
            <source>No longer shown to you by the team server, kept here because they hold changes not sent: %1.</source>
            <translation>团队服务器已不再向你显示、但含有未发送的更改而保留在本机：%1 条。</translation>
        </message>
        <message>
            <source>… and %1 more (inspector sync lists them all)</source>
            <translation>……另有 %1 条（inspector sync 会全部列出）</translation>
        </message>
        <message>
            <source>Sync cancelled: what was sent stays sent; the next sync goes on</source>
            <translation>同步已取消：已发送的内容保持不变；下次同步将继续</translation>
        </message>
        <message>
            <source>Merge merchants</source>
            <translation>合并商家</translation>
        </message>
        <message>
            <source>Merge products</source>
            <translation>合并商品</translation>
        </message>
        <message>
            <source>Choose the one to keep. Everything recorded against the others moves to it in one step; the others go to Deleted items, from where they can be restored.</source>
            <translation>请选择要保留的一项。其他各项名下的全部记录会一次性转到它名下；其他各项移入回收站，可以从那里恢复。</translation>
        </message>
        <message>
            <source>Keep</source>
            <translation>保留</translation>
        </message>
        <message>
            <source>&amp;Merge</source>
            <translation>合并(&amp;M)</translation>
        </message>
        <message>
            <source>Moves to %1:</source>
            <translation>转到 %1 名下：</translation>
        </message>
        <message>
            <source>nothing (no records point at the others)</source>
            <translation>无（没有记录引用其他各项）</translation>
        </message>
        <message>
            <source>Stays with the merged ones (kept in Deleted items):</source>
            <translation>留在被合并的各项名下（保存在回收站中）：</translation>
        </message>
        <message>
            <source>Users</source>
            <translation>用户</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>启用</translation>
        </message>
        <message>
            <source>Password / login</source>
            <translation>密码 / 登录名</translation>
        </message>
        <message>
            <source>&amp;Add user…</source>
            <translation>添加用户(&amp;A)…</translation>
        </message>
        <message>
            <source>Change &amp;role…</source>
            <translation>更改角色(&amp;R)…</translation>
        </message>
        <message>
            <source>&amp;Deactivate…</source>
            <translation>停用(&amp;D)…</translation>
        </message>
        <message>
            <source>Set pass&amp;word…</source>
            <translation>设置密码(&amp;W)…</translation>
        </message>
        <message>
            <source>no login</source>
            <translation>无登录名</translation>
        </message>
        <message>
            <source>password set</source>
            <translation>已设密码</translation>
        </message>
        <message>
            <source>no password</source>
            <translation>无密码</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>Select a user first.</source>
            <translation>请先选中一个用户。</translation>
        </message>
        <message>
            <source>&amp;Reactivate</source>
            <translation>重新启用(&amp;R)</translation>
        </message>
        <message>
            <source>Change role</source>
            <translation>更改角色</translation>
        </message>
        <message>
            <source>Role of %1:</source>
            <translation>%1 的角色：</translation>
        </message>
        <message>
            <source>Deactivate user</source>
            <translation>停用用户</translation>
        </message>
        <message>
            <source>Deactivate %1? They can no longer act or log in; their records stay, and an administrator can reactivate them.</source>
            <translation>停用 %1？停用后不能再操作或登录；其记录保留，管理员可以重新启用。</translation>
        </message>
        <message>
            <source>New password for %1:</source>
            <translation>%1 的新密码：</translation>
        </message>
        <message>
            <source>Set by &amp;hand</source>
            <translation>手动设置(&amp;H)</translation>
        </message>
        <message>
            <source>Unticked, the status follows the dates: an order date means Ordered, a received date Received, a verdict Inspected. Ticked, the status you choose is kept.</source>
            <translation>不勾选时，状态随日期而定：有下单时间即为已下单，有收货时间即为已收货，有检验结论即为已检验。勾选后，保留您选择的状态。</translation>
        </message>
        <message>
            <source>The printer could not be started for %1</source>
            <translation>无法为 %1 启动打印机</translation>
        </message>
        <message>
            <source>Printing %1…</source>
            <translation>正在打印 %1…</translation>
        </message>
        <message>
            <source>Working offline on this laptop's copy: File → Sync when the server answers</source>
            <translation>正在离线使用本笔记本的副本：服务器可连接时请用 文件 → 与团队服务器同步</translation>
        </message>
        <message>
            <source>That is no server address: give HOST/DATABASE or postgresql+psycopg://HOST/DATABASE</source>
            <translation>这不是服务器地址：请填写 主机/数据库 或 postgresql+psycopg://主机/数据库</translation>
        </message>
        <message>
            <source>Cannot reach the team server: %1</source>
            <translation>无法连接团队服务器：%1</translation>
        </message>
        <message>
            <source>Join a team server</source>
            <translation>加入团队服务器</translation>
        </message>
        <message>
            <source>This laptop gets its own copy of what your login may read on the team server. You then work on the copy, also without a network, and File → Sync exchanges the changes.</source>
            <translation>本笔记本将保存一份副本，包含您的登录名在团队服务器上可读取的数据。之后您在副本上工作（没有网络也可以），用 文件 → 与团队服务器同步 交换更改。</translation>
        </message>
        <message>
            <source>Server address:</source>
            <translation>服务器地址：</translation>
        </message>
        <message>
            <source>Join</source>
            <translation>加入</translation>
        </message>
        <message>
            <source>Give the server address, your login and your password.</source>
            <translation>请填写服务器地址、登录名和密码。</translation>
        </message>
        <message>
            <source>Connecting to the team server…</source>
            <translation>正在连接团队服务器…</translation>
        </message>
        <message>
            <source>Joining was cancelled: nothing was changed on this laptop.</source>
            <translation>已取消加入：本笔记本上没有任何更改。</translation>
        </message>
        <message>
            <source>Work offline</source>
            <translation>离线工作</translation>
        </message>
        <message>
            <source>Open this laptop's copy of the team server and sync later</source>
            <translation>打开本笔记本上的团队服务器副本，稍后再同步</translation>
        </message>
        <message>
            <source>Enter your login.</source>
            <translation>请输入登录名。</translation>
        </message>
        <message>
            <source>This laptop has its copy of this server: you may work offline and sync later.</source>
            <translation>本笔记本有此服务器的副本：您可以离线工作，稍后再同步。</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>This copy cannot be opened offline yet: sync it once while connected.</source>
            <translation>此副本还不能离线打开：请在联网时先同步一次。</translation>
        </message>
        <message>
            <source>That is not the password the server last accepted for %1 on this laptop: the copy stays closed.</source>
            <translation>这不是服务器上次在本笔记本上为 %1 接受的密码：副本保持关闭。</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
            <translation>&lt;b&gt;%1&lt;/b&gt;：%2</translation>
        </message>
        <message>
            <source>Choose which to keep…</source>
            <translation>选择保留哪个版本…</translation>
        </message>
        <message>
            <source>Edited here and on the server; choose which to keep</source>
            <translation>此处和服务器上都改过；请选择保留哪个版本</translation>
        </message>
        <message>
            <source>Conflict</source>
            <translation>冲突</translation>
        </message>
        <message>
            <source>Restart Inspector</source>
            <translation>重新启动 Inspector</translation>
        </message>
        <message>
            <source>Inspector could not start again by itself: please start it again.</source>
            <translation>Inspector 无法自行重新启动：请手动再次启动。</translation>
        </message>
        <message>
            <source>The database this laptop uses now is kept as a file in the data folder (inspector-before-joining-DATE.sqlite3), not deleted. Inspector then restarts on the copy.</source>
            <translation>本笔记本当前使用的数据库会作为文件保留在数据文件夹中（inspector-before-joining-日期.sqlite3），不会被删除。之后 Inspector 在副本上重新启动。</translation>
        </message>
        <message>
            <source>This laptop is now a copy of the team server. Inspector restarts on it.</source>
            <translation>本笔记本现在是团队服务器的副本。Inspector 将在副本上重新启动。</translation>
        </message>
        <message>
            <source>The database used before is kept as %1.</source>
            <translation>之前使用的数据库保留为 %1。</translation>
        </message>
        <message>
            <source>Leave the team on this laptop</source>
            <translation>在本笔记本上退出团队</translation>
        </message>
        <message>
            <source>Inspector then restarts without a database and offers to create one.</source>
            <translation>之后 Inspector 在没有数据库的情况下重新启动，并提示新建一个。</translation>
        </message>
        <message>
            <source>This laptop still has the database it had before joining (%1): Inspector can restart on it, or without a database.</source>
            <translation>本笔记本仍保留着加入之前的数据库（%1）：Inspector 可以在它上面重新启动，也可以在没有数据库的情况下重新启动。</translation>
        </message>
        <message>
            <source>Leave and go back to it</source>
            <translation>退出并回到该数据库</translation>
        </message>
        <message>
            <source>Leave without a database</source>
            <translation>退出且不使用数据库</translation>
        </message>
        <message>
            <source>Stop working on this laptop's copy of %1 (login %2)? Nothing changes on the server. The copy is kept as %3, not deleted.</source>
            <translation>停止使用本笔记本上 %1 的副本（登录名 %2）？服务器上不会有任何更改。副本保留为 %3，不会被删除。</translation>
        </message>
        <message>
            <source>&amp;Join a team server…</source>
            <translation>加入团队服务器(&amp;J)…</translation>
        </message>
        <message>
            <source>Make this laptop a copy of a team server, to work offline</source>
            <translation>让本笔记本成为团队服务器的副本，以便离线工作</translation>
        </message>
        <message>
            <source>Team server on this laptop</source>
            <translation>本笔记本与团队服务器</translation>
        </message>
        <message>
            <source>Join a team server…</source>
            <translation>加入团队服务器…</translation>
        </message>
        <message>
            <source>Leave the team on this laptop…</source>
            <translation>在本笔记本上退出团队…</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>立即同步</translation>
        </message>
        <message>
            <source>Server:</source>
            <translation>服务器：</translation>
        </message>
        <message>
            <source>Last sync:</source>
            <translation>上次同步：</translation>
        </message>
        <message>
            <source>Waiting to be sent:</source>
            <translation>等待发送：</translation>
        </message>
        <message>
            <source>This laptop works on the team server directly, online only. Join to keep a copy here and work offline.</source>
            <translation>本笔记本直接使用团队服务器，只能在线工作。加入后可在本机保留副本并离线工作。</translation>
        </message>
        <message>
            <source>This laptop works on its own database. Join a team server to work on a copy of the team's data and sync it.</source>
            <translation>本笔记本使用自己的数据库。加入团队服务器后可在团队数据的副本上工作并同步。</translation>
        </message>
        <message>
            <source>This laptop works on its copy of the team server, also offline; File → Sync exchanges the changes.</source>
            <translation>本笔记本在团队服务器的副本上工作，也可离线；文件 → 与团队服务器同步 交换更改。</translation>
        </message>
        <message>
            <source>%1 changes</source>
            <translation>%1 项更改</translation>
        </message>
        <message>
            <source>%1 changes wait to be sent: sync first</source>
            <translation>%1 项更改等待发送：请先同步</translation>
        </message>
        <message>
            <source>Stop using this copy; it is kept as a file</source>
            <translation>停止使用此副本；副本会作为文件保留</translation>
        </message>
    </context>
</TS>
