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
            <source>Purchases</source>
            <translation>神买</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>问题</translation>
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
        <message numerus="yes">
            <source>%n photo(s)</source>
            <translation>
                <numerusform>%n 张照片</numerusform>
            </translation>
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
            <source>Restore</source>
            <translation>恢复</translation>
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
            <source>Default deadline of a rectification case</source>
            <translation>整改期限默认值</translation>
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
            <source>Save deadlines</source>
            <translation>保存期限</translation>
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
            <source>Deadlines saved.</source>
            <translation>期限已保存。</translation>
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
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
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
            <source>Merchant</source>
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
            <source>Nobody yet</source>
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
            <source>Category:</source>
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
            <source>e.g. 129.90</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
