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
    <name>RunController</name>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="307"/>
        <source>The session stopped at {0}</source>
        <extracomment>edits that do not change any computed number events that change no number a run shows (order_changed: undo putting the node and wire order back; nothing is added, removed or altered) run options that re-run at once (the person asked to see their effect) run options that change what the shown run would be</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="411"/>
        <source>Results are stale ({0}): Step, Forward or Run to End computes them again; undoing the edits brings them back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="424"/>
        <source>The graph is back to what this run was made on: its results are valid again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SceneDisplay</name>
    <message>
        <location filename="../../graphstudio/ui/run/scene_display.py" line="387"/>
        <source>error: {0}</source>
        <extracomment>a jump over more steps than this recomputes every node instead of the steps&apos; nodes a full refresh of more cards than this updates the visible ones at once, the rest in slices of about SLICE_MS from the event loop (a step never freezes a big graph)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionDock</name>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="61"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="61"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="62"/>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="62"/>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="99"/>
        <source>The program&apos;s actions, replayed in order by Step and Run to End.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="101"/>
        <source>No session: Step runs one forward and backward. Add actions to replay a program&apos;s cells.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="146"/>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="147"/>
        <source>Forward under torch.no_grad()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="149"/>
        <source>Backward from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="155"/>
        <source>Zero .grad of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="156"/>
        <source>Print .grad of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/session_dock.py" line="161"/>
        <source>Print</source>
        <translation type="unfinished"></translation>
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
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="444"/>
        <source>Stale: {0}. These numbers are from before the edit: Step or Run to End runs it again, Undo back to the run makes them valid again.</source>
        <extracomment>tensors up to this many elements are spelled out in the step detail</extracomment>
        <translation type="unfinished"></translation>
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
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="175"/>
        <source>run the graph to see its value (F10 steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="178"/>
        <source>not computed in this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="180"/>
        <source>computed at step {0} (forward), no value to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="181"/>
        <source>before the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="181"/>
        <source>at step {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="182"/>
        <source>computed at step {0} (forward)
now {1}: F10 steps on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
