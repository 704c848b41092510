<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="117"/>
        <source>PyTorch Autograd Tutorial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="121"/>
        <source>No web browser could be opened. The tutorial is at this address (select it, or press Copy Address):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="126"/>
        <source>Copy Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="159"/>
        <location filename="../../graphstudio/ui/run/install.py" line="182"/>
        <source>Gradient hook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="164"/>
        <source>{0}.register_hook(fn): fn sees (and may replace) the gradient for {0} in the backward; shown as its own step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="166"/>
        <source>Only tensors that require grad have hooks: a Parameter or an op&apos;s result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="167"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="167"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="168"/>
        <source>Scale by k…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="168"/>
        <source>Clip to ±c…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="182"/>
        <source>Scale the gradient by k:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="183"/>
        <source>Clip the gradient to ±c, c:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="119"/>
        <source>StepsDock</source>
        <comment>The gradient for {0} is complete: {1}. Its hook (registered with {0}.register_hook) runs before it flows on</comment>
        <extracomment>tensors up to this many elements are spelled out in the step detail</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="123"/>
        <source>StepsDock</source>
        <comment>prints: &lt;code&gt;{0}&lt;/code&gt;</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="125"/>
        <source>StepsDock</source>
        <comment>and replaces it with &lt;b&gt;{0}&lt;/b&gt;</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="135"/>
        <source>StepsDock</source>
        <comment>inside {0}: &lt;code&gt;{1}&lt;/code&gt;</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="139"/>
        <source>StepsDock</source>
        <comment>{0}&apos;s inner backward starts at {1} with the seed {2}</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="142"/>
        <source>StepsDock</source>
        <comment>received {0}</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="145"/>
        <source>StepsDock</source>
        <comment>the gradient w.r.t. {0} is {1}&apos;s result: &lt;b&gt;{2}&lt;/b&gt; ({0}.grad is not touched)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="150"/>
        <source>StepsDock</source>
        <comment>sends → {0}</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="152"/>
        <source>StepsDock</source>
        <comment>create_graph=True: these gradient ops are recorded, so the backward from the loss can run through them later</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArrayPanel</name>
    <message>
        <location filename="../../graphstudio/ui/run/array_view.py" line="202"/>
        <source>{0} elements</source>
        <translation>{0} 个元素</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/array_view.py" line="205"/>
        <source>min {0} · max {1} · mean {2}</source>
        <translation>最小 {0} · 最大 {1} · 平均 {2}</translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message>
        <location filename="../../graphstudio/ui/canvas/clipboard.py" line="44"/>
        <source>a tensor must be an object</source>
        <extracomment>What the palette drags: the node type id as UTF-8 bytes.</extracomment>
        <translation>张量必须是一个对象</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/clipboard.py" line="83"/>
        <source>not a GraphStudio node payload</source>
        <translation>不是 GraphStudio 的节点数据</translation>
    </message>
</context>
<context>
    <name>DocumentCommands</name>
    <message>
        <location filename="../../graphstudio/ui/commands/document_commands.py" line="34"/>
        <source>the clipboard holds no nodes ({0})</source>
        <translation>剪贴板里没有节点（{0}）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/document_commands.py" line="36"/>
        <source>Paste {0}</source>
        <translation>粘贴 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/document_commands.py" line="45"/>
        <source>the clipboard holds no nodes</source>
        <translation>剪贴板里没有节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/document_commands.py" line="50"/>
        <source>unknown node type {0} on the clipboard</source>
        <translation>剪贴板里有未知的节点类型 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/document_commands.py" line="80"/>
        <source>Auto-layout</source>
        <translation>自动布局</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/document_commands.py" line="87"/>
        <source>there is nothing to lay out</source>
        <translation>没有可以布局的节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/document_commands.py" line="90"/>
        <source>the graph is already laid out</source>
        <translation>计算图已经排好了</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/document_commands.py" line="111"/>
        <source>{0} is already {1}</source>
        <translation>{0} 已经是 {1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/document_commands.py" line="125"/>
        <source>Set run option {0} = {1}</source>
        <translation>设置运行选项 {0} = {1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/document_commands.py" line="135"/>
        <source>Set {0}</source>
        <translation>设置 {0}</translation>
    </message>
</context>
<context>
    <name>EdgeItem</name>
    <message>
        <location filename="../../graphstudio/ui/canvas/edge_item.py" line="226"/>
        <source>Dashed teal: a gradient inside a Grad node&apos;s forward step (torch.autograd.grad with create_graph=True). Orange: the backward from the loss.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphCommand</name>
    <message>
        <location filename="../../graphstudio/ui/commands/base.py" line="23"/>
        <source>{0} node</source>
        <translation>{0} 个节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/base.py" line="24"/>
        <source>{0} nodes</source>
        <translation>{0} 个节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/base.py" line="83"/>
        <source>no node with id {0}</source>
        <translation>没有 id 为 {0} 的节点</translation>
    </message>
</context>
<context>
    <name>GraphScene</name>
    <message>
        <location filename="../../graphstudio/ui/canvas/scene.py" line="148"/>
        <source>no node with id {0}</source>
        <extracomment>a refusal, a hint or a confirmation for the status bar a node was double-clicked on its body (e.g. to show it in the inspector) a wire was dropped on empty canvas: (scene position, connect_from tuple) the inline title editor while a rename is in progress True while the view drags a rubber band (it selects nodes, not wires)</extracomment>
        <translation>没有 id 为 {0} 的节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/scene.py" line="162"/>
        <source>{0} is trainable (requires_grad=True)</source>
        <translation>{0} 可训练（requires_grad=True）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/scene.py" line="163"/>
        <source>{0} is frozen (requires_grad=False)</source>
        <translation>{0} 已冻结（requires_grad=False）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/scene.py" line="233"/>
        <source>canvas error while showing {0}: {1}</source>
        <translation>画布显示 {0} 时出错：{1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/scene.py" line="321"/>
        <source>shape inference failed: {0}</source>
        <translation>形状推断失败：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/scene.py" line="361"/>
        <location filename="../../graphstudio/ui/canvas/scene.py" line="371"/>
        <location filename="../../graphstudio/ui/canvas/scene.py" line="388"/>
        <location filename="../../graphstudio/ui/canvas/scene.py" line="414"/>
        <source>that did not work: {0}</source>
        <translation>操作没有成功：{0}</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="269"/>
        <source>that did not work: {0}</source>
        <extracomment>the scale changed (wheel, keys, framing); the new zoom</extracomment>
        <translation>操作没有成功：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="361"/>
        <source>nothing selected to delete</source>
        <translation>没有选中要删除的内容</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="367"/>
        <source>Delete {0} items</source>
        <translation>删除 {0} 项</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="368"/>
        <source>Delete {0} wires</source>
        <translation>删除 {0} 条连线</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="369"/>
        <source>Delete wire</source>
        <translation>删除连线</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="382"/>
        <source>nothing selected to copy</source>
        <translation>没有选中要复制的内容</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="386"/>
        <source>copied {0}</source>
        <translation>已复制 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="393"/>
        <source>Cut {0}</source>
        <translation>剪切 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="404"/>
        <source>the clipboard holds no nodes</source>
        <translation>剪贴板里没有节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="415"/>
        <source>nothing selected to duplicate</source>
        <translation>没有选中要创建副本的节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="418"/>
        <source>Duplicate {0}</source>
        <translation>创建 {0}的副本</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="426"/>
        <source>laid out by topological layers</source>
        <translation>已按拓扑层次排列</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <location filename="../../graphstudio/ui/share/handout.py" line="142"/>
        <source>Notes</source>
        <extracomment>a value printed on a page is cut after this many lines</extracomment>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/handout.py" line="148"/>
        <source>{nodes} nodes. The run has {n} steps: {f} forward, {b} backward</source>
        <translation>{nodes} 个节点。运行共 {n} 步：前向 {f} 步，反向 {b} 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/handout.py" line="153"/>
        <source> (from {loss})</source>
        <translation>（从 {loss} 开始）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/handout.py" line="157"/>
        <source>File: {name}.</source>
        <translation>文件：{name}。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/handout.py" line="178"/>
        <source>What this step did</source>
        <translation>这一步做了什么</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/handout.py" line="183"/>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/handout.py" line="235"/>
        <source>page {i} of {n}</source>
        <translation>第 {i} 页，共 {n} 页</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="235"/>
        <source>False: an Input never requires grad (use a Parameter to learn it)</source>
        <extracomment>a refused edit&apos;s reason, or a short confirmation</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="269"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="339"/>
        <source>name not changed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../graphstudio/ui/language.py" line="98"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/language.py" line="116"/>
        <source>Language: {0}. Restart GraphStudio to show every menu and panel in it.</source>
        <translation>语言：{0}。重新启动 GraphStudio 后，所有菜单和面板都会使用该语言。</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="137"/>
        <source>&lt;b&gt;Lessons&lt;/b&gt;: guided practice on a live graph. Each step says what to do and checks that it happened.</source>
        <translation>&lt;b&gt;课程&lt;/b&gt;：在真实的计算图上进行引导式练习。每一步都会说明要做什么，并检查你是否完成。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="139"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="140"/>
        <source>Open Lesson File…</source>
        <translation>打开课程文件…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="141"/>
        <source>Lessons</source>
        <translation>课程列表</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="141"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="142"/>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="142"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="143"/>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="202"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="160"/>
        <source>{0}: cannot be used: {1}</source>
        <translation>{0}：无法使用：{1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="166"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="167"/>
        <source>step {0} of {1}</source>
        <translation>第 {0} 步，共 {1} 步</translation>
    </message>
    <message numerus="yes">
        <location filename="../../graphstudio/ui/lessons/panel.py" line="168"/>
        <source>%n steps</source>
        <translation>
            <numerusform>%n 步</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="185"/>
        <source>Step {0} of {1}: {2}</source>
        <translation>第 {0} 步，共 {1} 步：{2}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="195"/>
        <source>Do what the step asks; the highlighted parts of the window show where.</source>
        <translation>按这一步的要求操作；窗口中高亮的部分告诉你在哪里操作。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="197"/>
        <source>Hint: {0}</source>
        <translation>提示：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="202"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="212"/>
        <source>Done: Next is open.</source>
        <translation>已完成：可以进入下一步。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="220"/>
        <source>Use {0}</source>
        <translation>使用 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="222"/>
        <source>Run the forward pass</source>
        <translation>运行前向传播</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="223"/>
        <source>Run the backward pass</source>
        <translation>运行反向传播</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="224"/>
        <source>Step the backward to {0}</source>
        <translation>单步执行反向传播，直到 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="225"/>
        <source>Change {0} of {1}</source>
        <translation>修改 {1} 的 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="226"/>
        <source>Change the run option {0}</source>
        <translation>修改运行选项 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="227"/>
        <source>Connect {0} to {1}</source>
        <translation>把 {0} 连接到 {1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="228"/>
        <source>Train the network</source>
        <translation>训练网络</translation>
    </message>
</context>
<context>
    <name>LessonsUI</name>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="45"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="64"/>
        <source>Open &amp;Lesson…</source>
        <translation>打开课程(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="65"/>
        <source>Open a lesson file (.gslesson) from anywhere</source>
        <translation>从任意位置打开课程文件（.gslesson）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="75"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="76"/>
        <source>Guided lessons: the autograd tutorial step by step</source>
        <translation>引导式课程：一步一步学习自动求导教程</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="92"/>
        <source>Open Lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="93"/>
        <source>GraphStudio lessons (*{0});;All files (*)</source>
        <translation>GraphStudio 课程 (*{0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="101"/>
        <location filename="../../graphstudio/ui/lessons/install.py" line="107"/>
        <source>Cannot open lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="102"/>
        <source>{0} could not be opened.</source>
        <translation>无法打开 {0}。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="108"/>
        <source>{0} names parts of the window that do not exist:</source>
        <translation>{0} 提到了窗口中不存在的部分：</translation>
    </message>
</context>
<context>
    <name>NodeCommands</name>
    <message>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="31"/>
        <source>Add {0}</source>
        <translation>添加 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="40"/>
        <source>unknown node type {0}</source>
        <translation>未知的节点类型 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="57"/>
        <source>{0} has no port {1}</source>
        <translation>{0} 没有端口 {1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="60"/>
        <source>{0} has no input to connect to</source>
        <translation>{0} 没有可以连入的输入端口</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="63"/>
        <source>{0} has no output to connect from</source>
        <translation>{0} 没有可以连出的输出端口</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="68"/>
        <source>input {0} of {1} is already connected</source>
        <translation>{1} 的输入 {0} 已经连接了</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="98"/>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="101"/>
        <source>Delete {0}</source>
        <translation>删除 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="108"/>
        <source>nothing selected to delete</source>
        <translation>没有选中要删除的内容</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="132"/>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="135"/>
        <source>Move {0}</source>
        <translation>移动 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="141"/>
        <source>nothing moved</source>
        <translation>没有移动任何节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="152"/>
        <source>Rename {0} → {1}</source>
        <translation>重命名 {0} → {1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="160"/>
        <source>the name did not change</source>
        <translation>名称没有变化</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="174"/>
        <source>Unfreeze {0}</source>
        <translation>解冻 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="175"/>
        <source>Freeze {0}</source>
        <translation>冻结 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="177"/>
        <source>Set {0}.{1} = {2}</source>
        <translation>设置 {0}.{1} = {2}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="194"/>
        <source>{0} is already {1}</source>
        <translation>{0} 已经是 {1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="205"/>
        <source>Set tensor of {0}</source>
        <translation>设置 {0} 的张量</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="214"/>
        <source>{0} does not hold a tensor</source>
        <translation>{0} 不含张量</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/node_commands.py" line="217"/>
        <source>the tensor did not change</source>
        <translation>张量没有变化</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <location filename="../../graphstudio/ui/canvas/node_item.py" line="63"/>
        <source>Frozen (requires_grad=False): click to train it again</source>
        <translation>已冻结（requires_grad=False）：点击后重新参与训练</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/node_item.py" line="65"/>
        <source>Trainable (requires_grad=True): click to freeze</source>
        <translation>可训练（requires_grad=True）：点击冻结</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/node_item.py" line="82"/>
        <source>could not change requires_grad: {0}</source>
        <translation>无法修改 requires_grad：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/node_item.py" line="296"/>
        <source>needs input {0}</source>
        <translation>需要输入 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/node_item.py" line="299"/>
        <source>waiting for {0}</source>
        <translation>等待 {0}</translation>
    </message>
</context>
<context>
    <name>PortItem</name>
    <message>
        <location filename="../../graphstudio/ui/canvas/port_item.py" line="53"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; (output)</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;（输出）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/port_item.py" line="55"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; (optional input)</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;（可选输入）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/port_item.py" line="57"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; (input)</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;（输入）</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <location filename="../../graphstudio/ui/run/presentation.py" line="94"/>
        <source>Presentation Caption</source>
        <extracomment>text is at least this large while presenting panels hidden while presenting</extracomment>
        <translation>演示字幕</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/presentation.py" line="101"/>
        <source>&amp;Presentation</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/presentation.py" line="102"/>
        <source>Large text and a caption for a class: ←/→ step, Home/End, Space plays, Esc leaves</source>
        <translation>课堂用的大字和字幕：←/→ 单步，Home/End 到开头/结尾，空格播放，Esc 退出</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <location filename="../../graphstudio/ui/canvas/preview.py" line="89"/>
        <source>{0}: shape {1}</source>
        <translation>{0}: 形状 {1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/preview.py" line="97"/>
        <source>min {0}  max {1}</source>
        <translation>最小 {0}  最大 {1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/preview.py" line="266"/>
        <source>error: {0}</source>
        <translation>错误：{0}</translation>
    </message>
</context>
<context>
    <name>QuickAddPopup</name>
    <message>
        <location filename="../../graphstudio/ui/canvas/quick_add.py" line="87"/>
        <source>Add node: type to search…</source>
        <translation>添加节点：输入名称搜索…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/quick_add.py" line="100"/>
        <source>connect the wire to a new…</source>
        <translation>把连线接到一个新的…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/quick_add.py" line="134"/>
        <source>no node type matches</source>
        <translation>没有匹配的节点类型</translation>
    </message>
</context>
<context>
    <name>RunActions</name>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="40"/>
        <source>Run the forward pass (Runner.forward): every node computes its value</source>
        <extracomment>play speeds in steps per second, one per slider notch tooltips, translated where they are shown (context RunActions)</extracomment>
        <translation>运行前向传播（Runner.forward）：每个节点计算出自己的值</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="42"/>
        <source>Run backward from the loss on the last forward (loss.backward())</source>
        <translation>在上一次前向的基础上从损失开始反向传播（loss.backward()）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="44"/>
        <source>One step on: the next node computes, or the next grad_fn runs (F10)</source>
        <translation>前进一步：计算下一个节点，或运行下一个 grad_fn（F10）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="46"/>
        <source>One step back: show the run as it was a step earlier (Shift+F10)</source>
        <translation>后退一步：显示上一步时的运行状态（Shift+F10）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="48"/>
        <source>Play the run step by step at the chosen speed (F5 pauses)</source>
        <translation>按选定的速度一步一步播放运行过程（F5 暂停）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="50"/>
        <source>Finish the run and show the end: values and every .grad</source>
        <translation>完成运行并显示结果：所有数值和每个 .grad</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="52"/>
        <source>Forget the run: nothing shown, and every accumulated .grad dropped</source>
        <translation>丢弃这次运行：不再显示结果，所有累加的 .grad 都被清除</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="54"/>
        <source>Set every parameter&apos;s .grad to None (optimizer.zero_grad())</source>
        <translation>把每个参数的 .grad 设为 None（optimizer.zero_grad()）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="56"/>
        <source>Clear .grad before each backward (off: gradients accumulate across runs, as in the tutorial)</source>
        <translation>每次反向传播前清空 .grad（关闭时梯度会在多次运行之间累加，和教程中一样）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="58"/>
        <source>Run the forward under torch.no_grad(): no grad_fn, no backward</source>
        <translation>在 torch.no_grad() 下运行前向：没有 grad_fn，也不能反向传播</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="60"/>
        <source>Keep the saved values after backward so Backward can run again on the same forward (backward(retain_graph=True))</source>
        <translation>反向传播后保留保存的中间值，这样可以在同一次前向上再次反向传播（backward(retain_graph=True)）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="62"/>
        <source>The gradient a non-scalar loss starts backward with (out.backward(gradient))</source>
        <translation>非标量损失开始反向传播时使用的梯度（out.backward(gradient)）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="88"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="97"/>
        <source>&amp;Forward</source>
        <translation>前向(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="98"/>
        <source>&amp;Backward</source>
        <translation>反向(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="101"/>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="102"/>
        <source>Step B&amp;ack</source>
        <translation>后退一步(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="104"/>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="254"/>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="105"/>
        <source>Run to &amp;End</source>
        <translation>运行到结束(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="108"/>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="110"/>
        <source>&amp;Zero Grads</source>
        <translation>梯度清零(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="113"/>
        <source>&amp;Options</source>
        <translation>选项(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="116"/>
        <source>&amp;Zero Grads Before Backward</source>
        <translation>反向传播前清零梯度(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="117"/>
        <source>Forward under &amp;no_grad</source>
        <translation>在 no_grad 下前向(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="118"/>
        <source>&amp;Retain Graph</source>
        <translation>保留计算图(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="125"/>
        <source>&amp;Gradient Seed…</source>
        <translation>梯度种子(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="140"/>
        <source>Run Toolbar</source>
        <translation>运行工具栏</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="150"/>
        <source>Play speed (steps per second)</source>
        <translation>播放速度（每秒步数）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="155"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="159"/>
        <source>The node backward starts from (right-click a node &gt; Backward from Here)</source>
        <translation>反向传播的起点节点（也可以右键点击节点 &gt; 从这里反向传播）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="164"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="166"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="167"/>
        <source>Run options: zero grads, no_grad, retain_graph, gradient seed</source>
        <translation>运行选项：梯度清零、no_grad、retain_graph、梯度种子</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="248"/>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="261"/>
        <source>Add nodes first: the graph is empty</source>
        <translation>请先添加节点：计算图是空的</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="250"/>
        <source>No backward: {0}</source>
        <translation>无法反向传播：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="254"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="264"/>
        <source>At the start of the run</source>
        <translation>已在运行的开头</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="266"/>
        <source>Nothing run yet: Step (F10) starts a run</source>
        <translation>还没有运行：单步（F10）开始一次运行</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="281"/>
        <source>auto: the scalar output</source>
        <translation>自动：标量输出</translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="103"/>
        <source>the graph is empty</source>
        <extracomment>edits that do not change any computed number events that change no number a run shows (order_changed: undo putting the node and wire order back; nothing is added, removed or altered) run options that re-run at once (the person asked to see their effect) run options that change what the shown run would be</extracomment>
        <translation>计算图是空的</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="105"/>
        <source>no_grad is on: the forward runs under torch.no_grad(), so nothing gets a grad_fn and there is no backward (untick Run ▸ Options ▸ Forward under no_grad)</source>
        <translation>no_grad 已开启：前向在 torch.no_grad() 下运行，没有任何张量得到 grad_fn，因此无法反向传播（取消勾选 运行 ▸ 选项 ▸ 在 no_grad 下前向）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="112"/>
        <source> (Run ▸ Options ▸ Gradient Seed…)</source>
        <translation>（运行 ▸ 选项 ▸ 梯度种子…）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="131"/>
        <source>Forward</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="139"/>
        <source>No backward: {0}</source>
        <translation>无法反向传播：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="145"/>
        <source>Backward</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="154"/>
        <source>Zeroed .grad of {0} (now None)</source>
        <translation>已清零 {0} 的 .grad（现在是 None）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="155"/>
        <source>No parameter requires grad</source>
        <translation>没有需要梯度的参数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="161"/>
        <source>; forward ready, Backward computes fresh gradients</source>
        <translation>；前向已就绪，反向传播将计算新的梯度</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="175"/>
        <source>Reset: results cleared and every .grad forgotten</source>
        <translation>已重置：结果已清除，所有 .grad 都已丢弃</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="205"/>
        <source>Nothing to step back through: run first (F10 steps forward)</source>
        <translation>没有可以后退的步骤：请先运行（F10 前进一步）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="208"/>
        <source>At the start of the run</source>
        <translation>已在运行的开头</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="229"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="243"/>
        <source>Nothing to play: the graph is empty</source>
        <translation>没有可播放的内容：计算图是空的</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="268"/>
        <source>Stopped playing: {0}</source>
        <translation>已停止播放：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="286"/>
        <source>The run failed: {0}</source>
        <translation>运行失败：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="296"/>
        <source>The graph changed: started a new run</source>
        <translation>计算图已改变：开始了新的运行</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="308"/>
        <source>The session stopped at {0}</source>
        <translation>会话停在了 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="356"/>
        <source>run option {0}</source>
        <translation>运行选项 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="358"/>
        <source>run option {0} changed</source>
        <translation>运行选项 {0} 已改变</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="364"/>
        <source>a parameter</source>
        <translation>某个参数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="365"/>
        <source>{0} frozen</source>
        <translation>{0} 已冻结</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="366"/>
        <source>{0} trainable</source>
        <translation>{0} 可训练</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="368"/>
        <source>the graph changed</source>
        <translation>计算图已改变</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="387"/>
        <source>Results are stale ({0}): Step, Forward or Run to End computes them again; undoing the edits brings them back</source>
        <translation>结果已过期（{0}）：单步、前向或运行到结束会重新计算；撤销这些修改可以恢复原来的结果</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="400"/>
        <source>The graph is back to what this run was made on: its results are valid again</source>
        <translation>计算图已恢复到这次运行时的状态：结果重新有效</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="420"/>
        <source>Re-ran ({0})</source>
        <translation>已重新运行（{0}）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="425"/>
        <source>re-running after {0} failed: {1}</source>
        <translation>{0} 后重新运行失败：{1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="439"/>
        <source>Backward from {0}</source>
        <translation>从 {0} 反向传播</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="456"/>
        <source>Retain grad of {0}</source>
        <translation>保留 {0} 的梯度</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="457"/>
        <source>Stop retaining grad of {0}</source>
        <translation>不再保留 {0} 的梯度</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="464"/>
        <source>{0}.retain_grad() on: the next backward keeps its .grad</source>
        <translation>{0}.retain_grad() 已开启：下一次反向传播会保留它的 .grad</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="465"/>
        <source>{0}.retain_grad() off</source>
        <translation>{0}.retain_grad() 已关闭</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="480"/>
        <source>Gradient hook on {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="481"/>
        <source>Remove the gradient hook of {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunDisplay</name>
    <message>
        <location filename="../../graphstudio/ui/run/display.py" line="151"/>
        <source>seed v</source>
        <translation>种子 v</translation>
    </message>
</context>
<context>
    <name>RunMessages</name>
    <message>
        <location filename="../../graphstudio/ui/run/messages.py" line="17"/>
        <source>The run stopped: {0}</source>
        <translation>运行中止：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/messages.py" line="20"/>
        <source>End of the forward. No backward: {0}</source>
        <translation>前向结束。无法反向传播：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/messages.py" line="22"/>
        <source>End of the run. Backward runs it again (with Zero grads off the .grad values accumulate); Reset starts over</source>
        <translation>运行结束。反向传播会再运行一次（关闭“梯度清零”时 .grad 的值会累加）；重置则从头开始</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/messages.py" line="31"/>
        <location filename="../../graphstudio/ui/run/messages.py" line="41"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/messages.py" line="33"/>
        <source>{0} forward + {1} backward steps</source>
        <translation>{0} 步前向 + {1} 步反向</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/messages.py" line="37"/>
        <source>{0} forward steps</source>
        <translation>{0} 步前向</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/messages.py" line="39"/>
        <source>{0} under torch.no_grad(): no graph recorded, so there is no backward · {1}</source>
        <translation>{0}（在 torch.no_grad() 下）：没有记录计算图，因此无法反向传播 · {1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/messages.py" line="50"/>
        <source>no backward: {0}</source>
        <translation>无法反向传播：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/messages.py" line="54"/>
        <source>cards overlap now that they show values: L lays the graph out</source>
        <translation>显示数值后卡片互相重叠：按 L 重新排列计算图</translation>
    </message>
</context>
<context>
    <name>RunUI</name>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="59"/>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="65"/>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="71"/>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="126"/>
        <source>Backward from {0}</source>
        <translation>从 {0} 反向传播</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="130"/>
        <source>inputs, parameters and constants are leaves</source>
        <translation>输入、参数和常量都是叶子节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="133"/>
        <source>{0}.backward(): make it the loss and run backward</source>
        <translation>{0}.backward()：把它设为损失并运行反向传播</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="136"/>
        <source>Not here: {0}</source>
        <translation>这里不行：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="138"/>
        <source>Retain Grad</source>
        <translation>保留梯度</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="145"/>
        <source>{0}.retain_grad(): keep this non-leaf&apos;s .grad after backward</source>
        <translation>{0}.retain_grad()：反向传播后保留这个非叶子节点的 .grad</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="147"/>
        <source>{0} is a leaf (or shows another node): nothing to retain</source>
        <translation>{0} 是叶子节点（或显示的是另一个节点）：没有需要保留的</translation>
    </message>
</context>
<context>
    <name>SceneDisplay</name>
    <message>
        <location filename="../../graphstudio/ui/run/scene_display.py" line="393"/>
        <source>error: {0}</source>
        <extracomment>a jump over more steps than this recomputes every node instead of the steps&apos; nodes a full refresh of more cards than this updates the visible ones at once, the rest in slices of about SLICE_MS from the event loop (a step never freezes a big graph)</extracomment>
        <translation>错误：{0}</translation>
    </message>
</context>
<context>
    <name>SeedDialog</name>
    <message>
        <location filename="../../graphstudio/ui/run/seed_dialog.py" line="48"/>
        <source>Gradient Seed</source>
        <translation>梯度种子</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/seed_dialog.py" line="53"/>
        <source>Backward from a non-scalar output needs the gradient to start with: &lt;code&gt;out.backward(gradient)&lt;/code&gt; computes the vector-Jacobian product gradient&lt;sup&gt;T&lt;/sup&gt;·J. &lt;code&gt;torch.ones_like(out)&lt;/code&gt; sums every element&apos;s gradient.</source>
        <translation>从非标量输出开始反向传播，需要给定起始梯度：&lt;code&gt;out.backward(gradient)&lt;/code&gt; 计算向量-雅可比积 gradient&lt;sup&gt;T&lt;/sup&gt;·J。&lt;code&gt;torch.ones_like(out)&lt;/code&gt; 会把每个元素的梯度加起来。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/seed_dialog.py" line="63"/>
        <source>Ones Like the Loss</source>
        <translation>与损失同形的全 1</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/seed_dialog.py" line="66"/>
        <source>Remove Seed</source>
        <translation>移除种子</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/seed_dialog.py" line="67"/>
        <source>No seed: backward needs a scalar loss</source>
        <translation>不使用种子：反向传播需要标量损失</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/seed_dialog.py" line="85"/>
        <source>&lt;i&gt;Choose the loss node first&lt;/i&gt; (toolbar Loss box, or right-click a node &gt; Backward from Here).</source>
        <translation>&lt;i&gt;请先选择损失节点&lt;/i&gt;（工具栏的“损失”框，或右键点击节点 &gt; 从这里反向传播）。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/seed_dialog.py" line="88"/>
        <source>Backward starts from &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>反向传播从 &lt;b&gt;{0}&lt;/b&gt; 开始</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/seed_dialog.py" line="90"/>
        <source>, shape &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>，形状 &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/seed_dialog.py" line="93"/>
        <source>The seed&apos;s shape {0} does not match.</source>
        <translation>种子的形状 {0} 不匹配。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/seed_dialog.py" line="96"/>
        <source> (a scalar: no seed needed)</source>
        <translation>（标量：不需要种子）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/seed_dialog.py" line="114"/>
        <source>Set gradient seed</source>
        <translation>设置梯度种子</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/seed_dialog.py" line="116"/>
        <source>Remove gradient seed</source>
        <translation>移除梯度种子</translation>
    </message>
</context>
<context>
    <name>SessionCommands</name>
    <message>
        <location filename="../../graphstudio/ui/commands/session_commands.py" line="29"/>
        <source>Add session action {0}</source>
        <translation>添加会话动作 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/session_commands.py" line="40"/>
        <source>Remove session action {0}</source>
        <translation>移除会话动作 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/session_commands.py" line="52"/>
        <source>Move session action {0}</source>
        <translation>移动会话动作 {0}</translation>
    </message>
</context>
<context>
    <name>SessionDock</name>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="61"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="61"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="62"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="62"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="99"/>
        <source>The program&apos;s actions, replayed in order by Step and Run to End.</source>
        <translation>程序的动作，单步和运行到结束会按顺序重放它们。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="101"/>
        <source>No session: Step runs one forward and backward. Add actions to replay a program&apos;s cells.</source>
        <translation>没有会话：单步运行一次前向和反向传播。添加动作可以重放程序中的各个单元。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="146"/>
        <source>Forward</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="147"/>
        <source>Forward under torch.no_grad()</source>
        <translation>在 torch.no_grad() 下前向传播</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="149"/>
        <source>Backward from</source>
        <translation>反向传播，起点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="155"/>
        <source>Zero .grad of</source>
        <translation>清零 .grad：</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="156"/>
        <source>Print .grad of</source>
        <translation>打印 .grad：</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="161"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>StepCaption</name>
    <message>
        <location filename="../../graphstudio/ui/run/caption.py" line="29"/>
        <source>No run yet: press → to take the first step.</source>
        <translation>还没有运行：按 → 走出第一步。</translation>
    </message>
</context>
<context>
    <name>StepText</name>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="36"/>
        <source>Before the run · {n} steps</source>
        <extracomment>the translation context of every sentence here</extracomment>
        <translation>运行之前 · 共 {n} 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="37"/>
        <source>backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="38"/>
        <source>forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="39"/>
        <source>Step {k} of {n} · {phase}</source>
        <translation>第 {k} 步，共 {n} 步 · {phase}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="47"/>
        <source>Before the run: nothing is computed yet; the forward pass computes the nodes one by one, then backward carries gradients back to the leaves.</source>
        <translation>运行之前：还没有计算任何东西；前向传播逐个计算节点，然后反向传播把梯度传回叶子张量。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="70"/>
        <source> and </source>
        <translation> 和 </translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="78"/>
        <source>{name} shows the value of {inputs}.</source>
        <translation>{name} 显示 {inputs} 的值。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="82"/>
        <source>{name} is a leaf tensor with requires_grad=False: autograd computes no gradient for it.</source>
        <translation>{name} 是 requires_grad=False 的叶子张量：autograd 不为它计算梯度。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="86"/>
        <source>{name} is a leaf tensor with requires_grad=True: backward will store its gradient in {name}.grad.</source>
        <translation>{name} 是 requires_grad=True 的叶子张量：反向传播会把它的梯度存入 {name}.grad。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="91"/>
        <source>{name} is computed from {inputs} under torch.no_grad(): no graph is recorded, so it has no grad_fn and requires_grad=False.</source>
        <translation>{name} 在 torch.no_grad() 下由 {inputs} 计算得到：不记录计算图，所以它没有 grad_fn，requires_grad=False。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="95"/>
        <source>{name} is computed from {inputs}; an input requires grad, so autograd records grad_fn=&lt;{grad_fn}&gt; for the backward pass.</source>
        <translation>{name} 由 {inputs} 计算得到；有输入需要梯度，所以 autograd 记录 grad_fn=&lt;{grad_fn}&gt;，供反向传播使用。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="99"/>
        <source>{name} is computed from {inputs} but cut from the graph (requires_grad=False): no gradient flows back through it.</source>
        <translation>{name} 由 {inputs} 计算得到，但已从计算图中断开（requires_grad=False）：梯度不会从它流回。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="103"/>
        <source>{name} is computed from {inputs}; no input requires grad, so nothing is recorded for backward.</source>
        <translation>{name} 由 {inputs} 计算得到；没有输入需要梯度，所以不为反向传播记录任何东西。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="109"/>
        <source>{received}, then {sent}.</source>
        <translation>{received}，然后{sent}。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="119"/>
        <source>Backward starts at {owner}: {fn} receives the seed v given to {owner}.backward(gradient=v)</source>
        <translation>反向传播从 {owner} 开始：{fn} 接收传给 {owner}.backward(gradient=v) 的种子 v</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="122"/>
        <source>{owner}.backward() starts here: {fn} receives the gradient 1 (∂{owner}/∂{owner})</source>
        <translation>{owner}.backward() 从这里开始：{fn} 接收梯度 1（∂{owner}/∂{owner}）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="125"/>
        <source>{fn} sums the {n} gradients that arrived from {sources}</source>
        <translation>{fn} 把来自 {sources} 的 {n} 个梯度相加</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="130"/>
        <source>{fn} receives the gradient of {owner}</source>
        <translation>{fn} 接收 {owner} 的梯度</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="139"/>
        <source>leaves {leaf}.grad unchanged</source>
        <translation>保持 {leaf}.grad 不变</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="141"/>
        <source>stores it in {leaf}.grad (it was None)</source>
        <translation>把它存入 {leaf}.grad（原来是 None）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="143"/>
        <source>adds it to what {leaf}.grad already held</source>
        <translation>把它累加到 {leaf}.grad 已有的值上</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="146"/>
        <source>applies the chain rule and sends the result back to {targets}</source>
        <translation>按链式法则把结果传回 {targets}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="150"/>
        <source>passes it on to the next grad_fn inside {owner}</source>
        <translation>把它传给 {owner} 内部的下一个 grad_fn</translation>
    </message>
    <message>
        <location filename="../../graphstudio/run/step_text.py" line="152"/>
        <source>sends no gradient further (no input requires grad)</source>
        <translation>不再向后传梯度（没有输入需要梯度）</translation>
    </message>
</context>
<context>
    <name>StepsDock</name>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="59"/>
        <source>Before the run</source>
        <translation>运行之前</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="64"/>
        <source>Forward · {0} step</source>
        <translation>前向 · {0} 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="65"/>
        <source>Forward · {0} steps</source>
        <translation>前向 · {0} 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="79"/>
        <source>Backward from {0} · {1} step</source>
        <translation>从 {0} 反向传播 · {1} 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="80"/>
        <source>Backward from {0} · {1} steps</source>
        <translation>从 {0} 反向传播 · {1} 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="100"/>
        <source>hook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="107"/>
        <source>{0} · grad op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="345"/>
        <source>(cannot describe this step: {0})</source>
        <translation>（无法描述这一步：{0}）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="369"/>
        <source>No run yet.</source>
        <translation>还没有运行。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="372"/>
        <source>backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="373"/>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="381"/>
        <source>- - inside {0}: its own backward (torch.autograd.grad, create_graph=True); teal dashed wires carry its gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="386"/>
        <source>Stale: {0}. These numbers are from before the edit: Step or Run to End runs it again, Undo back to the run makes them valid again.</source>
        <translation>已过期：{0}。这些数值来自修改之前：单步或运行到结束会重新运行，撤销回到这次运行时的状态会让它们重新有效。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="404"/>
        <source>Could not show that step: {0}</source>
        <translation>无法显示这一步：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_steps.py" line="23"/>
        <source>backward #{0}</source>
        <translation>反向传播 #{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_steps.py" line="25"/>
        <source>forward under torch.no_grad()</source>
        <translation>在 torch.no_grad() 下前向</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_steps.py" line="26"/>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="372"/>
        <source>forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_steps.py" line="33"/>
        <source>Before the session</source>
        <translation>会话之前</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_steps.py" line="34"/>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="60"/>
        <source>nothing computed yet</source>
        <translation>还没有计算</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_steps.py" line="38"/>
        <source>{0} step</source>
        <translation>{0} 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_steps.py" line="39"/>
        <source>{0} steps</source>
        <translation>{0} 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_steps.py" line="62"/>
        <source>Step {0}</source>
        <translation>第 {0} 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_steps.py" line="66"/>
        <source>prints:</source>
        <translation>输出：</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_steps.py" line="70"/>
        <source>{0}.grad is set to zeros in place: it stays a tensor (not None), and the next backward adds to those zeros.</source>
        <translation>{0}.grad 被原地置为零：它仍然是张量（不是 None），下一次反向传播会在这些零上累加。</translation>
    </message>
</context>
<context>
    <name>TensorEditor</name>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="399"/>
        <source>{0!r} is not a number: write e.g. 0.5 or 1e-3</source>
        <extracomment>a new spec the person asked for (push it as a SetTensorCommand) why an edit was refused (for the status bar)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TensorTableModel</name>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="135"/>
        <source>value not changed: {0}</source>
        <extracomment>(row, column, text) of the last value refused, to put back in the cell&apos;s editor</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ValuesDock</name>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="82"/>
        <source>One colour scale for value and gradient</source>
        <translation>数值和梯度使用同一色标</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="85"/>
        <source>Colour the value and the gradient against the same ±max, so colours compare (off: each symmetric about zero on its own scale, so a small gradient stays visible)</source>
        <translation>数值和梯度按同一个 ±最大值着色，颜色可以直接比较（关闭时各自以零为中心、用自己的刻度，小梯度也能看清）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="91"/>
        <source>Local derivative</source>
        <translation>局部导数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="93"/>
        <source>PyTorch computes</source>
        <translation>PyTorch 的计算</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="95"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="96"/>
        <source>Gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="136"/>
        <source>(cannot show this node: {0})</source>
        <translation>（无法显示这个节点：{0}）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="151"/>
        <source>Select one node to read its value and gradient at this step.</source>
        <translation>选中一个节点，查看它在这一步的数值和梯度。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="185"/>
        <source>run the graph to see its value (F10 steps)</source>
        <translation>运行计算图来查看它的值（F10 单步）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="188"/>
        <source>not computed in this run</source>
        <translation>这次运行中没有计算</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="190"/>
        <source>computed at step {0} (forward), no value to show</source>
        <translation>在第 {0} 步（前向）计算，没有可显示的值</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="191"/>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="207"/>
        <source>before the run</source>
        <translation>运行之前</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="191"/>
        <source>at step {0}</source>
        <translation>在第 {0} 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="192"/>
        <source>computed at step {0} (forward)
now {1}: F10 steps on</source>
        <translation>在第 {0} 步（前向）计算
现在{1}：按 F10 前进</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="196"/>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="205"/>
        <source>No run yet.</source>
        <translation>还没有运行。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="208"/>
        <source>backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="208"/>
        <source>forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="209"/>
        <source>at step {0} of {1} · {2}</source>
        <translation>第 {0} 步，共 {1} 步 · {2}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="212"/>
        <source>stale: the graph changed since this run</source>
        <translation>已过期：这次运行之后计算图改变了</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="226"/>
        <source>shape {0}</source>
        <translation>形状 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="244"/>
        <source>given to {0}.backward(gradient=v)</source>
        <translation>传给 {0}.backward(gradient=v)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="245"/>
        <source>passing through</source>
        <translation>正在经过</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="252"/>
        <source>value ±{0}; gradient ±{1}</source>
        <translation>数值 ±{0}；梯度 ±{1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="262"/>
        <source>A Python number, not a tensor: it has no .grad.</source>
        <translation>这是 Python 数字，不是张量：它没有 .grad。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="264"/>
        <source>{0} was computed under torch.no_grad(): no graph is recorded, so it has requires_grad=False, no grad_fn and no gradient can reach it.</source>
        <translation>{0} 是在 torch.no_grad() 下计算的：没有记录计算图，所以它的 requires_grad=False，没有 grad_fn，梯度也无法到达它。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="268"/>
        <source>{0} does not require grad (an input, a frozen parameter, after a detach or under no_grad): no gradient flows here, {0}.grad is None.</source>
        <translation>{0} 不需要梯度（输入、冻结的参数、detach 之后或在 no_grad 下）：没有梯度流到这里，{0}.grad 是 None。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="273"/>
        <source>{0} is not a leaf, so PyTorch does not keep its .grad (None): the gradient only passes through. Right-click &gt; Retain Grad keeps it.</source>
        <translation>{0} 不是叶子节点，所以 PyTorch 不保留它的 .grad（None）：梯度只是经过这里。右键 &gt; 保留梯度 可以保留它。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="276"/>
        <source>{0} is not a leaf: its .grad stays None unless you call {0}.retain_grad() (right-click &gt; Retain Grad).</source>
        <translation>{0} 不是叶子节点：除非调用 {0}.retain_grad()（右键 &gt; 保留梯度），它的 .grad 一直是 None。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="279"/>
        <source>backward has not reached it yet.</source>
        <translation>反向传播还没有到达它。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="280"/>
        <source>None until a backward pass reaches it.</source>
        <translation>在反向传播到达之前是 None。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="282"/>
        <source>AccumulateGrad stored this in .grad (it adds to what was there).</source>
        <translation>AccumulateGrad 把它存入了 .grad（加到原有的值上）。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="283"/>
        <source>{0}.retain_grad() is on, so its .grad is kept.</source>
        <translation>{0}.retain_grad() 已开启，所以保留了它的 .grad。</translation>
    </message>
</context>
<context>
    <name>ViewOptions</name>
    <message>
        <location filename="../../graphstudio/ui/run/view_options.py" line="52"/>
        <source>&amp;Follow Step</source>
        <translation>跟随步骤(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/view_options.py" line="53"/>
        <source>Pan the canvas to each step&apos;s node (and, backward, the wire carrying the gradient)</source>
        <translation>把画布移到每一步的节点（反向时还有传递梯度的连线）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/view_options.py" line="56"/>
        <source>Text &amp;Size</source>
        <translation>文字大小(&amp;S)</translation>
    </message>
</context>
<context>
    <name>WireCommands</name>
    <message>
        <location filename="../../graphstudio/ui/commands/wire_commands.py" line="16"/>
        <source>Connect {0} → {1}.{2}</source>
        <translation>连接 {0} → {1}.{2}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/wire_commands.py" line="29"/>
        <source>Disconnect {0} → {1}.{2}</source>
        <translation>断开 {0} → {1}.{2}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/wire_commands.py" line="37"/>
        <location filename="../../graphstudio/ui/commands/wire_commands.py" line="56"/>
        <source>there is no wire {0}</source>
        <translation>没有连线 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/wire_commands.py" line="49"/>
        <source>Reconnect {0} → {1}.{2}</source>
        <translation>重新连接 {0} → {1}.{2}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/commands/wire_commands.py" line="58"/>
        <source>the wire did not change</source>
        <translation>连线没有变化</translation>
    </message>
</context>
<context>
    <name>WireDrag</name>
    <message>
        <location filename="../../graphstudio/ui/canvas/interactions.py" line="80"/>
        <source>cannot connect an output to an output: drop the wire on an input port (left side of a node)</source>
        <translation>不能把输出连到输出：请把连线放到输入端口上（节点的左侧）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/interactions.py" line="83"/>
        <source>cannot connect an input to an input: drop the wire on an output port (right side of a node)</source>
        <translation>不能把输入连到输入：请把连线放到输出端口上（节点的右侧）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/interactions.py" line="144"/>
        <source>{0} has no output port to connect to</source>
        <translation>{0} 没有可以连接的输出端口</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/interactions.py" line="146"/>
        <source>{0} has no input port to connect to</source>
        <translation>{0} 没有可以连接的输入端口</translation>
    </message>
</context>
</TS>
