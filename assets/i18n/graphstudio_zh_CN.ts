<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Language</name>
    <message>
        <location filename="../../graphstudio/ui/language.py" line="77"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/language.py" line="95"/>
        <source>Language: {0}. Restart GraphStudio to show every menu and panel in it.</source>
        <translation>语言：{0}。重新启动 GraphStudio 后，所有菜单和面板都会使用该语言。</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="133"/>
        <source>&lt;b&gt;Lessons&lt;/b&gt;: guided practice on a live graph. Each step says what to do and checks that it happened.</source>
        <translation>&lt;b&gt;课程&lt;/b&gt;：在真实的计算图上进行引导式练习。每一步都会说明要做什么，并检查你是否完成。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="135"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="136"/>
        <source>Open Lesson File…</source>
        <translation>打开课程文件…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="137"/>
        <source>Lessons</source>
        <translation>课程列表</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="137"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="138"/>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="138"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="139"/>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="198"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="156"/>
        <source>{0}: cannot be used: {1}</source>
        <translation>{0}：无法使用：{1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="162"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="163"/>
        <source>step {0} of {1}</source>
        <translation>第 {0} 步，共 {1} 步</translation>
    </message>
    <message numerus="yes">
        <location filename="../../graphstudio/ui/lessons/panel.py" line="164"/>
        <source>%n steps</source>
        <translation>
            <numerusform>%n 步</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="181"/>
        <source>Step {0} of {1}: {2}</source>
        <translation>第 {0} 步，共 {1} 步：{2}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="191"/>
        <source>Do what the step asks; the highlighted parts of the window show where.</source>
        <translation>按这一步的要求操作；窗口中高亮的部分告诉你在哪里操作。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="193"/>
        <source>Hint: {0}</source>
        <translation>提示：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="198"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="208"/>
        <source>Done: Next is open.</source>
        <translation>已完成：可以进入下一步。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="216"/>
        <source>Use {0}</source>
        <translation>使用 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="218"/>
        <source>Run the forward pass</source>
        <translation>运行前向传播</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="219"/>
        <source>Run the backward pass</source>
        <translation>运行反向传播</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="220"/>
        <source>Step the backward to {0}</source>
        <translation>单步执行反向传播，直到 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="221"/>
        <source>Change {0} of {1}</source>
        <translation>修改 {1} 的 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="222"/>
        <source>Change the run option {0}</source>
        <translation>修改运行选项 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="223"/>
        <source>Connect {0} to {1}</source>
        <translation>把 {0} 连接到 {1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/panel.py" line="224"/>
        <source>Train the network</source>
        <translation>训练网络</translation>
    </message>
</context>
<context>
    <name>LessonsUI</name>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="44"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="62"/>
        <source>Open &amp;Lesson…</source>
        <translation>打开课程(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="63"/>
        <source>Open a lesson file (.gslesson) from anywhere</source>
        <translation>从任意位置打开课程文件（.gslesson）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="73"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="74"/>
        <source>Guided lessons: the autograd tutorial step by step</source>
        <translation>引导式课程：一步一步学习自动求导教程</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="90"/>
        <source>Open Lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="91"/>
        <source>GraphStudio lessons (*{0});;All files (*)</source>
        <translation>GraphStudio 课程 (*{0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="99"/>
        <location filename="../../graphstudio/ui/lessons/install.py" line="105"/>
        <source>Cannot open lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="100"/>
        <source>{0} could not be opened.</source>
        <translation>无法打开 {0}。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/lessons/install.py" line="106"/>
        <source>{0} names parts of the window that do not exist:</source>
        <translation>{0} 提到了窗口中不存在的部分：</translation>
    </message>
</context>
</TS>
