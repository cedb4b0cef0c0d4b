<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name />
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
            <source>Inspector %1
Mystery purchases, findings and merchant rectification.</source>
            <translation>Inspector %1
神买抽检、问题记录与商家整改。</translation>
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
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 purchases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Purchases</source>
            <translation>神买</translation>
        </message>
        <message>
            <source>Critical</source>
            <translation type="unfinished">严重</translation>
        </message>
        <message>
            <source>Major</source>
            <translation type="unfinished">重要</translation>
        </message>
        <message>
            <source>Minor</source>
            <translation type="unfinished">轻微</translation>
        </message>
        <message>
            <source>Response h (median)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Response h (P90)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Closure h (median)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Closure h (P90)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New purchase…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log a new mystery purchase (Ctrl+N)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open</source>
            <comment>action</comment>
            <translation type="unfinished">待通知</translation>
        </message>
        <message>
            <source>Inspect the selected purchase (Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move the selected purchases to the waste basket (Delete)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (filtered)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>this purchase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete %1 purchases?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted %1 — Undo is offered below the table.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restored %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print notice…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write the rectification notice (PDF) and open it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Findings</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Merchant's response</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verification</source>
            <translation type="unfinished">复核</translation>
        </message>
        <message>
            <source>History</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a case in the table to see it here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type the merchant's response, then save it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is now %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notice written to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merchants</source>
            <translation>商家</translation>
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
            <source>The %1 screen is coming.</source>
            <translation>“%1”页面即将推出。</translation>
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
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paste</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open</source>
            <translation type="unfinished">待通知</translation>
        </message>
        <message>
            <source>Caption</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add photos from files (Ctrl+O); you can also drop files or folders here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paste an image or copied photo files (Ctrl+V)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the selected photo (Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit the caption of the selected photo (F2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete the selected photos (Delete); you can undo it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No photos yet. Drop photos or folders here, paste (Ctrl+V) or use “Add photos…”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Photos: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete this photo?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete these %1 photos?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Photo deleted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 photos deleted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Photo restored.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 photos restored.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n photo(s)</source>
            <translation>
                <numerusform>%n 张照片</numerusform>
            </translation>
        </message>
        <message>
            <source>Add photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The clipboard holds no image or photo files.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No photo files were found in what was dropped.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The image could not be saved for import: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wait for the running import to finish.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete photos</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back to the purchases table (Alt+Left)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In the waste basket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Edit purchase…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete purchase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>It moves to the waste basket; you can undo this.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add finding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select or save a finding to attach its photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Photos of the parcel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Photos of the selected finding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Planned purchase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Findings (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unsaved finding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Discard the changes to this finding?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete the finding “%1”?

You can undo this.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted the finding “%1”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete purchases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete purchase %1?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>They move to the waste basket; you can undo this.</source>
            <translation type="unfinished" />
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
            <source>Save team settings</source>
            <translation>保存团队设置</translation>
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
            <source> days</source>
            <translation> 天</translation>
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
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record response</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Accept response</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rectified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verify and close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verification failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Escalate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Waive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why “%1” for case %2?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Please give a reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select and move shapes; drag the photo to pan (S)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Arrow</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Draw an arrow pointing at the defect (A)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rectangle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Draw a rectangle (R)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ellipse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Draw an ellipse (E)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click where a text note goes (T)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Red</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yellow</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Green</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Blue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>White</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Black</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Annotation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Other colour…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Colour of new shapes and of the selected shapes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete shape</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete the selected shapes (Delete)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Undo the last change to the shapes (Ctrl+Z)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show annotations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show or hide the shapes drawn on the photo (H)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Annotation colour</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Due today</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n h</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>%1 d %2 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merchant</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Days left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Since notice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assignee</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Overdue: the due date has passed and the case is still open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Product</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Severity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter or double-click opens the finding's purchase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search title, description and observed… (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All categories</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All severities</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recorded on or after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recorded on or before</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not yet in a case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only findings that no active rectification case covers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>To:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open rectification case</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n finding(s) of %1 (%2)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n finding(s) of %1 merchants</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>Team deadline for %1 findings: %n day(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>No due date</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n d overdue</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>due today</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n d left</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Merchant:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Due:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nobody yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opened %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>notified %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>first response %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>finished %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What the merchant must put right</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Due date:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assignee:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Summary:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New merchant</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The merchant as the platform shows it. The shop id must be unique.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shop id:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. 10023456</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shop name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A short statement of the problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. GB 18401-2010 §5.3, or the listing's promise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What is wrong, where, how it was found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What the listing or the standard promises</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What the parcel actually held</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save finding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save this finding (Ctrl+S)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete finding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Revert</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Severity:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Category:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Standard or rule broken:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Description:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Expected:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Observed:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New finding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finding %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give the finding a title.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Contact:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key merchant</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New product</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Product name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Brand:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A new brand is added when needed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Listing id:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>List price:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New purchase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit purchase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The platform's order number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ordered at:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Received at:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. 129.90</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The name the order was placed under</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Merchant:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Product:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Status:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Order number:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Price &amp;paid:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Inspector:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Notes:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Private — never shown to merchants</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Buyer alias:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Delivery address:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kept for the inspection team only: never exported, printed or sent to a merchant.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(nobody yet)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pick a merchant from the list, or create a new one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the merchant who sold it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An order number has at most %1 characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opened</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Response recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edited</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search case number, merchant, summary… (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Overdue cases are marked with a warning sign and the days overdue</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n case(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Writing the rectification notice for %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What the merchant answered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why the defect happened</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What was done about these products</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What keeps it from happening again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save response</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Response:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Root cause:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Corrective action:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preventive action:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Response date:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rectification evidence from the merchant</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The case is finished; its response can no longer change.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only merchant managers and quality managers record responses.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Response of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No response recorded yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Response saved for %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The response was already recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Overdue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Passed — close the case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed — back to rectifying</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What the re-check found (required when it failed)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The mystery re-purchase from this merchant that was checked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record verification</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Result:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re-purchase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last result: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re-check the merchant, then record the result.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The case is verified once the merchant reports it rectified.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>None</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: verification recorded (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open rectification case…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open one rectification case for the selected findings (all of one merchant)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open purchase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete finding(s)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Counting…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n finding(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Opened case %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete findings</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Delete %n finding(s)? You can undo this.</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n finding(s) deleted.</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n finding(s) restored.</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Text annotation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Text shown on the photo:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Defect evidence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merchant’s rectification evidence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verification re-check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pasted image %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Photo import: %1 stored, %2 already stored, %3 rejected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled; files not imported: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing photo %1 of %2: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Imported %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing photos…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Photo import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelling after the current photo…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not imported:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>…and %1 more (see the details).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Already attached:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Taken %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Annotations: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Photo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>◀ Previous</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Previous photo (Left)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next ▶</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next photo (Right)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>−</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom out (-, Ctrl+wheel)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>+</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom in (+, Ctrl+wheel)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fit the photo in the window (F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Actual size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the photo's own pixels (1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Describe what the photo shows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Caption:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Photo %1 of %2 — %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The photo could not be shown: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ordered</source>
            <translation type="unfinished">已下单</translation>
        </message>
        <message>
            <source>Brand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Inspected by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verdict</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Price</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buyer alias</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Price paid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Received</source>
            <translation type="unfinished">已收货</translation>
        </message>
        <message>
            <source>Inspected</source>
            <translation type="unfinished">已检验</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buyer alias (private)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delivery address (private)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no product recorded)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search order number, merchant, shop id, product or brand  (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any verdict</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Put on watch…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Suspend…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Eliminate…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reinstate…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a merchant</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key merchant (bought from at least once per plan)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scorecard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Purchases (inspected / failed)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Findings (critical / major / minor)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open cases (overdue)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hours to first response (median / P90)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hours to closure (median / P90)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>To</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rectification cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>since %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Category: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Contact: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clear filters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filters:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any inspector</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pass</source>
            <translation type="unfinished">合格</translation>
        </message>
        <message>
            <source>Nothing wrong: record a pass</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fail</source>
            <translation type="unfinished">不合格</translation>
        </message>
        <message>
            <source>Record a fail (needs at least one finding)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clear verdict</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ask the merchant to rectify these findings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verdict:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not inspected yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cleared</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verdict of %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a rectification case for %1 with %2 finding(s) of this purchase?

The deadline follows the most severe finding; you can change it on the case.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tick when the time is known</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Brands bought</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Styles bought</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem products</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merchants with findings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Overdue cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rectification rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hours to first response</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hours to closure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merchants put on watch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Findings by category (Pareto)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Findings per month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merchants with most findings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No findings in this month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No findings in the last 12 months</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calculating…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not calculate the figures: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 inspected, %2 failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>of %1 bought from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 critical, %2 major</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 opened this month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>of cases opened this month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>median; 90th percentile %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 suspended, %2 eliminated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Draft</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Accepted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>List price</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Seed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Made</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shop ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(any product of the shop)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stratum</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why chosen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Purchase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Claimed by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no limit (budget only)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>optional, e.g. 20000</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>random</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allow products already bought this month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Make plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Month:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Purchases:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Budget:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Seed:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plans:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Make a plan or choose one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Accept plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Discard draft</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Claim selected purchases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plan %1 for %2 (%3): %4 purchases, about %5 at list prices; seed %6.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Warning: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drawing the plan…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plan %1 drawn (draft).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create %1 planned purchases for inspectors to claim?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Creating planned purchases…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plan %1 accepted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 purchases claimed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved purchase %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only new watch/elimination candidates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import work orders…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export to Excel…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a merchant to see its slowest work orders.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Computing the ranking…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 merchants; %2 new candidates (watch at %3, eliminate at %4). Work orders applied in the last 180 days, durations of those finished in the last 30 days or still open; our purchases of the last 180 days.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Slowest work orders of %1 (hours to first handling):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import complaints and work orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Work orders (*.csv *.xlsx);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing work orders…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2 rows, %3 added, %4 already imported, %5 rejected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Row %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export risk ranking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exported to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exporting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Watch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Eliminate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>defect rate %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>complaints %1/mo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>after-sales %1/mo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 overdue rectifications</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>median handling %1 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>p90 handling %1 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 over 24 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Candidate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Complaints/mo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>After-sales/mo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Median h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>P90 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&gt;24 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&gt;48 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&gt;72 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Defect rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Applied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>First handled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Still open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outcome</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Active</source>
            <comment>case filter</comment>
            <translation type="unfinished">正常</translation>
        </message>
        <message>
            <source>Overdue</source>
            <comment>case filter</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All</source>
            <comment>case filter</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change merchant status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2 → %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why? (required; kept in the merchant's history)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search name, shop ID or category (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All statuses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key merchants</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>With findings</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n merchant(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
    </context>
</TS>
