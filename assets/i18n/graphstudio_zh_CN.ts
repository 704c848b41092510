<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
    <name>AttrEditors</name>
    <message>
        <location filename="../../graphstudio/ui/editors/attr_editors.py" line="37"/>
        <location filename="../../graphstudio/ui/editors/attr_editors.py" line="61"/>
        <source>None (all)</source>
        <translation>None（全部）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/attr_editors.py" line="62"/>
        <source>e.g. 0, 1</source>
        <translation>例如 0, 1</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <location filename="../../graphstudio/ui/document.py" line="312"/>
        <location filename="../../graphstudio/ui/document.py" line="349"/>
        <source>could not write the recovery file: {0}</source>
        <extracomment>documents holding more tensor values than this are autosaved on a background thread a document with more nodes than this is written in the background too (seconds of JSON) a recovery file was written (its path) writing the recovery file failed (the reason) a write finished on the background thread: revision, path, error (&quot;&quot; if none) the folder that could not be created (no retries until ``directory`` changes) discard() came while a background write was under way: delete when it finishes the document as an immutable copy kept current edit by edit: taking it is cheap, and the writer thread reads it while the person goes on editing</extracomment>
        <translation>无法写入恢复文件：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/document.py" line="315"/>
        <source>could not write the recovery file: no free recovery slot</source>
        <translation>无法写入恢复文件：没有空闲的恢复位置</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/document.py" line="384"/>
        <source>could not remove {0}: {1}</source>
        <translation>无法删除 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>BoundaryView</name>
    <message>
        <location filename="../../graphstudio/ui/tools/training_plots.py" line="25"/>
        <source>Press Start to train: a classifier of 2-D points shows its decision boundary here</source>
        <extracomment>Okabe &amp; Ito&apos;s colour-blind-safe categorical colours (blue, orange, green, vermillion, ...)</extracomment>
        <translation>按“开始”进行训练：二维点的分类器会在这里显示它的决策边界</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_plots.py" line="185"/>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
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
    <name>CodeDock</name>
    <message>
        <location filename="../../graphstudio/ui/tools/code_dock.py" line="62"/>
        <source>All values</source>
        <extracomment>&quot;All values&quot; still leaves out tensors bigger than this (a 1000x1000 parameter made 12 MB of text: seconds to write and to lay out on every change; the exported script has them all)</extracomment>
        <translation>全部数值</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/code_dock.py" line="65"/>
        <source>Write every tensor&apos;s values (otherwise tensors with more than {0} elements show only their shape); beyond {1} elements only the exported script (File &gt; Export) writes them</source>
        <translation>写出每个张量的全部数值（否则超过 {0} 个元素的张量只显示形状）；超过 {1} 个元素时，只有导出的脚本（文件 &gt; 导出）会写出它们</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/code_dock.py" line="68"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/code_dock.py" line="70"/>
        <source>Copy the program to the clipboard</source>
        <translation>把程序复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/code_dock.py" line="81"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/code_dock.py" line="83"/>
        <source>Save the program (with every value) as a .py file</source>
        <translation>把程序（含全部数值）保存为 .py 文件</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/code_dock.py" line="109"/>
        <source># The graph cannot be written as PyTorch yet:
# {0}
</source>
        <translation># 这个计算图暂时无法写成 PyTorch 代码：
# {0}
</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/code_dock.py" line="119"/>
        <source>PyTorch · {0} lines</source>
        <translation>PyTorch · {0} 行</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/code_dock.py" line="120"/>
        <source>PyTorch · empty graph</source>
        <translation>PyTorch · 空计算图</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/code_dock.py" line="125"/>
        <source>Copied the PyTorch program</source>
        <translation>已复制 PyTorch 程序</translation>
    </message>
</context>
<context>
    <name>DockTitleBar</name>
    <message>
        <location filename="../../graphstudio/ui/window_chrome.py" line="47"/>
        <source>Float or dock this panel</source>
        <translation>让此面板浮动或停靠</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_chrome.py" line="48"/>
        <source>Close this panel (View ▸ Panels shows it again)</source>
        <translation>关闭此面板（视图 ▸ 面板 可以再次显示）</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <location filename="../../graphstudio/ui/document.py" line="89"/>
        <source>Untitled</source>
        <extracomment>the document&apos;s file changed (new path, or &quot;&quot; for an untitled document) unsaved changes appeared (True) or were saved/discarded (False) the graph was replaced wholesale (new, open, revert, restore) for untitled copies of an example: the example&apos;s file name, shown in the title opened while another window has the file open: Save goes to Save As the file&apos;s lock, watch and stamp (another writer is noticed)</extracomment>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/document.py" line="129"/>
        <source>the document has no file yet: choose where to save it</source>
        <translation>文档还没有文件：请选择保存位置</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/document.py" line="141"/>
        <source>the document has never been saved, so there is nothing to revert to</source>
        <translation>文档从未保存过，没有可以还原到的版本</translation>
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
        <location filename="../../graphstudio/ui/canvas/edge_item.py" line="293"/>
        <source>Dashed teal: a gradient inside a Grad node&apos;s forward step (torch.autograd.grad with create_graph=True). Orange: the backward from the loss.</source>
        <extracomment>a wire is drawn piece by piece when less than this part of its box is to be repainted</extracomment>
        <translation>青色虚线：Grad 节点前向步骤内部的梯度（torch.autograd.grad，create_graph=True）。橙色：从损失开始的反向传播。</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../graphstudio/ui/errors.py" line="42"/>
        <source>GraphStudio: unexpected error</source>
        <translation>GraphStudio：意外错误</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/errors.py" line="44"/>
        <source>&lt;b&gt;Something went wrong:&lt;/b&gt;&lt;br&gt;{0}</source>
        <translation>&lt;b&gt;出了点问题：&lt;/b&gt;&lt;br&gt;{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/errors.py" line="46"/>
        <source>GraphStudio is still running and your document is unchanged by this error. Saving your work now is a good idea. The details were written to the log.</source>
        <translation>GraphStudio 仍在运行，这个错误没有改动你的文档。建议现在保存你的工作。详细信息已写入日志。</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../../graphstudio/ui/tools/export_actions.py" line="22"/>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation>Python 脚本 (*.py);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/export_actions.py" line="38"/>
        <source>Export PyTorch Script</source>
        <translation>导出 PyTorch 脚本</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/export_actions.py" line="50"/>
        <location filename="../../graphstudio/ui/tools/export_actions.py" line="58"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/export_actions.py" line="51"/>
        <source>The graph could not be written as PyTorch.</source>
        <translation>无法把计算图写成 PyTorch 代码。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/export_actions.py" line="59"/>
        <source>{0} could not be written.</source>
        <translation>无法写入 {0}。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/export_actions.py" line="60"/>
        <source>{0}. The previous file (if any) is unchanged.</source>
        <translation>{0}。原有文件（如果有）保持不变。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/export_actions.py" line="64"/>
        <source>Exported {0}: run it with PyTorch to print what Run shows</source>
        <translation>已导出 {0}：用 PyTorch 运行它，会打印出与“运行”显示相同的结果</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="71"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="72"/>
        <source>Start an empty graph</source>
        <translation>新建一个空的计算图</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="73"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="74"/>
        <source>Open a graph file</source>
        <translation>打开计算图文件</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="75"/>
        <source>Open &amp;Example</source>
        <translation>打开示例(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="77"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="80"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="81"/>
        <source>Save the graph</source>
        <translation>保存计算图</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="82"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="83"/>
        <source>Save the graph under a new name</source>
        <translation>用新名称保存计算图</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="84"/>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="85"/>
        <source>Go back to the last saved version</source>
        <translation>回到上次保存的版本</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="87"/>
        <source>&amp;Export Image…</source>
        <translation>导出图片(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="88"/>
        <source>Save a picture of the canvas as PNG or SVG</source>
        <translation>把画布保存为 PNG 或 SVG 图片</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="92"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="106"/>
        <source>Open the example {0}</source>
        <translation>打开示例 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="121"/>
        <source>&amp;Clear Recent Files</source>
        <translation>清除最近文件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="129"/>
        <source>GraphStudio graphs (*{0});;All files (*)</source>
        <translation>GraphStudio 计算图 (*{0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="154"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="155"/>
        <source>Do you want to save the changes you made to {0}?</source>
        <translation>要保存对 {0} 所做的更改吗？</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="157"/>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation>如果不保存，你的更改将会丢失。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="168"/>
        <source>New graph</source>
        <translation>新计算图</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="172"/>
        <source>Open Graph</source>
        <translation>打开计算图</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="192"/>
        <source>This is Python code, not a graph file: File &gt; New From Code (Load File…) turns PyTorch code into a graph.</source>
        <translation>这是 Python 代码，不是计算图文件：“文件 &gt; 从代码新建”（加载文件…）可以把 PyTorch 代码变成计算图。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="195"/>
        <source>Cannot open graph</source>
        <translation>无法打开计算图</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="196"/>
        <source>{0} could not be opened.</source>
        <translation>无法打开 {0}。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="203"/>
        <source>Opened {0}</source>
        <translation>已打开 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="214"/>
        <source>Save Graph As</source>
        <translation>计算图另存为</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="231"/>
        <source>{0}. The previous file (if any) is unchanged.</source>
        <translation>{0}。原有文件（如果有）保持不变。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="240"/>
        <source>Cannot save graph</source>
        <translation>无法保存计算图</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="241"/>
        <location filename="../../graphstudio/ui/file_actions.py" line="406"/>
        <source>{0} could not be written.</source>
        <translation>无法写入 {0}。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="246"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="257"/>
        <source>File already open</source>
        <translation>文件已经打开</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="258"/>
        <source>{name} is already open in another GraphStudio window.</source>
        <translation>{name} 已在另一个 GraphStudio 窗口中打开。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="260"/>
        <source>Open it read-only to look without changing it (Save asks for a new name), or open it anyway: saving over another window&apos;s changes then asks first.</source>
        <translation>以只读方式打开可以只看不改（保存时会要求新名称）；也可以照常打开：之后若要覆盖另一个窗口的更改，会先询问你。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="263"/>
        <source>Open Read-Only</source>
        <translation>只读打开</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="263"/>
        <source>Open Anyway</source>
        <translation>仍然打开</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="277"/>
        <source>File open elsewhere</source>
        <translation>文件在别处打开</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="278"/>
        <source>{name} is open in another GraphStudio window.</source>
        <translation>{name} 正在另一个 GraphStudio 窗口中打开。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="279"/>
        <source>Saving over it makes that window&apos;s copy out of date.</source>
        <translation>覆盖保存会让那个窗口中的副本过时。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="280"/>
        <location filename="../../graphstudio/ui/file_actions.py" line="292"/>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="286"/>
        <location filename="../../graphstudio/ui/file_actions.py" line="355"/>
        <source>File changed on disk</source>
        <translation>磁盘上的文件已更改</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="287"/>
        <source>{name} was changed on disk since you opened or saved it (by another window or program).</source>
        <translation>自你打开或保存以来，{name} 在磁盘上已被（另一个窗口或程序）更改。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="289"/>
        <source>Overwrite it with this window&apos;s graph, save this graph under a new name, reload the file (losing this window&apos;s changes), or compare the two.</source>
        <translation>可以用本窗口的计算图覆盖它、用新名称保存本计算图、重新加载文件（丢弃本窗口的更改），或比较两者。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="293"/>
        <location filename="../../graphstudio/ui/file_actions.py" line="316"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="294"/>
        <location filename="../../graphstudio/ui/file_actions.py" line="358"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="294"/>
        <source>Compare…</source>
        <translation>比较…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="311"/>
        <source>File deleted on disk</source>
        <translation>文件已在磁盘上被删除</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="312"/>
        <source>{name} was deleted or moved on disk since you opened or saved it.</source>
        <translation>自你打开或保存以来，{name} 已在磁盘上被删除或移动。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="314"/>
        <source>Save this window&apos;s graph there again, or save it under a new name.</source>
        <translation>将此窗口的计算图重新保存到原位置，或以新名称保存。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="329"/>
        <source>The file on disk cannot be read: {error}</source>
        <translation>无法读取磁盘上的文件：{error}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="330"/>
        <source>The file on disk holds the same graph as this window.</source>
        <translation>磁盘上的文件与本窗口的计算图相同。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="331"/>
        <source>Compare with disk</source>
        <translation>与磁盘比较</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="332"/>
        <source>How {name} on disk differs from this window:</source>
        <translation>磁盘上的 {name} 与本窗口的不同之处：</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="344"/>
        <source>{name} was deleted or moved on disk</source>
        <translation>{name} 已在磁盘上被删除或移动</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="348"/>
        <source>{name} is back on disk</source>
        <translation>{name} 已重新出现在磁盘上</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="351"/>
        <source>{name} changed on disk: saving will ask what to do</source>
        <translation>{name} 在磁盘上已更改：保存时会询问如何处理</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="356"/>
        <source>{name} was changed on disk by another window or program.</source>
        <translation>{name} 在磁盘上已被另一个窗口或程序更改。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="357"/>
        <source>Reload it? This window has no unsaved changes.</source>
        <translation>要重新加载吗？本窗口没有未保存的更改。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="359"/>
        <source>Keep This Version</source>
        <translation>保留此版本</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="367"/>
        <source>The graph has never been saved: nothing to revert to</source>
        <translation>计算图从未保存过：没有可以还原到的版本</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="371"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="372"/>
        <source>Discard your changes and go back to the saved {0}?</source>
        <translation>放弃你的更改，回到已保存的 {0} 吗？</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="374"/>
        <source>This cannot be undone.</source>
        <translation>此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="383"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="383"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="385"/>
        <source>Export Image</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="400"/>
        <source>Export cancelled: {0} was not written</source>
        <translation>导出已取消：未写入 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="405"/>
        <source>Cannot export image</source>
        <translation>无法导出图片</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="408"/>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="421"/>
        <source> (example)</source>
        <translation>（示例）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="423"/>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="425"/>
        <source> (deleted on disk)</source>
        <translation>（已在磁盘上删除）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="458"/>
        <source>Opened {0}; GraphStudio shows one graph per window</source>
        <translation>已打开 {0}；GraphStudio 每个窗口只显示一个计算图</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="473"/>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="474"/>
        <source>GraphStudio did not shut down normally last time.

Restore {0}?</source>
        <translation>GraphStudio 上次没有正常关闭。

要恢复{0}吗？</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="476"/>
        <source>If you discard it, the autosaved copy is deleted.</source>
        <translation>如果放弃，自动保存的副本会被删除。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="484"/>
        <source>Cannot recover</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="484"/>
        <source>The autosaved copy could not be read.</source>
        <translation>无法读取自动保存的副本。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_actions.py" line="491"/>
        <source>Recovered unsaved work: save it to keep it</source>
        <translation>已恢复未保存的工作：请保存以保留它</translation>
    </message>
</context>
<context>
    <name>FileErrors</name>
    <message>
        <location filename="../../graphstudio/ui/file_guard.py" line="242"/>
        <source>a folder, not a regular file</source>
        <extracomment>why a file cannot be read or written: the path names something else</extracomment>
        <translation>是文件夹，不是普通文件</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_guard.py" line="243"/>
        <source>a named pipe (FIFO), not a regular file</source>
        <translation>是命名管道（FIFO），不是普通文件</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_guard.py" line="245"/>
        <source>a character device, not a regular file</source>
        <translation>是字符设备，不是普通文件</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_guard.py" line="247"/>
        <source>a block device, not a regular file</source>
        <translation>是块设备，不是普通文件</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_guard.py" line="248"/>
        <source>a socket, not a regular file</source>
        <translation>是套接字，不是普通文件</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_guard.py" line="249"/>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
</context>
<context>
    <name>FileGuard</name>
    <message>
        <location filename="../../graphstudio/ui/file_guard.py" line="209"/>
        <source> and {n} more</source>
        <extracomment>the stamp of a file: (modification time in ns, size, inode); None when it does not exist what the file on disk is, against what the window opened or last saved (FileGuard.state) the file changed on disk, went away or came back since it was opened or saved here: its path (:attr:`FileGuard.state` says which) the hash of the bytes last read or written here (None: not known) what the file on disk was when last looked at: SAME, CHANGED or MISSING</extracomment>
        <translation> 等另外 {n} 个</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_guard.py" line="216"/>
        <source>Only in this window: {names}</source>
        <translation>只在本窗口中：{names}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_guard.py" line="219"/>
        <source>Only in the file on disk: {names}</source>
        <translation>只在磁盘文件中：{names}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_guard.py" line="223"/>
        <source>Changed: {names}</source>
        <translation>已更改：{names}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_guard.py" line="226"/>
        <source>Wires that differ: {n}</source>
        <translation>不同的连线：{n}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_guard.py" line="229"/>
        <source>The title, notes or run settings differ</source>
        <translation>标题、说明或运行设置不同</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/file_guard.py" line="232"/>
        <source>Nodes placed differently: {n}</source>
        <translation>位置不同的节点：{n}</translation>
    </message>
</context>
<context>
    <name>GradcheckDialog</name>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="44"/>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="45"/>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="46"/>
        <source>Max abs error</source>
        <translation>最大绝对误差</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="47"/>
        <source>Max rel error</source>
        <translation>最大相对误差</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="48"/>
        <source>Worst element</source>
        <translation>最差元素</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="49"/>
        <source>Autograd there</source>
        <translation>该处自动求导值</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="50"/>
        <source>Numerical there</source>
        <translation>该处数值梯度</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="51"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="55"/>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="220"/>
        <source>scalar</source>
        <translation>标量</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="104"/>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="167"/>
        <source>Check Gradients</source>
        <translation>检查梯度</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="123"/>
        <source>Central-difference step</source>
        <translation>中心差分步长</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="125"/>
        <source>Absolute tolerance</source>
        <translation>绝对容差</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="126"/>
        <source>Relative tolerance</source>
        <translation>相对容差</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="127"/>
        <source>Check Again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="139"/>
        <source>An element passes when |autograd − numerical| ≤ atol + rtol·|numerical| (torch.autograd.gradcheck&apos;s rule), computed in float64.</source>
        <translation>当 |autograd − numerical| ≤ atol + rtol·|numerical| 时元素通过（torch.autograd.gradcheck 的规则），以 float64 计算。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="165"/>
        <source>Comparing gradients with central differences…</source>
        <translation>正在用中心差分比较梯度…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="166"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="188"/>
        <source>Cannot check gradients: {0}</source>
        <translation>无法检查梯度：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="200"/>
        <source>The graph changed while it was being checked: these results describe the graph as it was. Check Again for current results.</source>
        <translation>检查期间计算图发生了变化：这些结果描述的是变化前的计算图。点“重新检查”获取当前结果。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="217"/>
        <source>skipped: {0}</source>
        <translation>已跳过：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="225"/>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="225"/>
        <source>FAIL</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="247"/>
        <source> ({0} skipped)</source>
        <translation>（跳过 {0} 个）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="249"/>
        <source>{0} of {1} checked parameters FAIL: {2}{3}. They are selected on the canvas.</source>
        <translation>已检查的 {1} 个参数中有 {0} 个失败：{2}{3}。它们已在画布上选中。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="254"/>
        <source>{0} parameter checked: all pass</source>
        <translation>已检查 {0} 个参数：全部通过</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="255"/>
        <source>{0} parameters checked: all pass</source>
        <translation>已检查 {0} 个参数：全部通过</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="258"/>
        <source>No parameter was checked{0}</source>
        <translation>没有检查任何参数{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="267"/>
        <source>grad ✓  max err {0}</source>
        <translation>grad ✓  最大误差 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="269"/>
        <source>grad ✗  at {0}</source>
        <translation>grad ✗  位于 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="270"/>
        <source>{0}: max abs error {1}, max rel error {2}</source>
        <translation>{0}：最大绝对误差 {1}，最大相对误差 {2}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="274"/>
        <source>; worst element {0}: autograd {1}, numerical {2}</source>
        <translation>；最差元素 {0}：自动求导 {1}，数值 {2}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="318"/>
        <source>The graph changed since: Check Again for current results.</source>
        <translation>计算图已经改变：点“重新检查”获取当前结果。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/gradcheck_dialog.py" line="327"/>
        <source>Another graph is open: Check Again checks it.</source>
        <translation>已打开另一个计算图：点“重新检查”来检查它。</translation>
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
        <location filename="../../graphstudio/ui/canvas/scene.py" line="201"/>
        <source>no node with id {0}</source>
        <extracomment>a refusal, a hint or a confirmation for the status bar a node was double-clicked on its body (e.g. to show it in the inspector) a wire was dropped on empty canvas: (scene position, connect_from tuple) a big document&apos;s card was built (it came into view, or was asked for by id) the inline title editor while a rename is in progress True while the view drags a rubber band (it selects nodes, not wires) set by a run display: node id -&gt; NodeItem&apos;s ``run_look`` for a card built now over LAZY_CARDS nodes, FIRST_CARDS cards are built at once, the others only when they come near what a view shows (zoomed in to BLOCK_ZOOM or more; until then the sketch draws them), or when asked for; over DEFER_LAYOUT cards changed by an edit, those off screen are laid out later after a big edit, per event-loop turn: nodes whose downstream is marked stale, and nodes settled for one card (a few milliseconds each)</extracomment>
        <translation>没有 id 为 {0} 的节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/scene.py" line="215"/>
        <source>{0} is trainable (requires_grad=True)</source>
        <translation>{0} 可训练（requires_grad=True）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/scene.py" line="216"/>
        <source>{0} is frozen (requires_grad=False)</source>
        <translation>{0} 已冻结（requires_grad=False）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/scene.py" line="353"/>
        <source>canvas error while showing {0}: {1}</source>
        <translation>画布显示 {0} 时出错：{1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/scene.py" line="293"/>
        <location filename="../../graphstudio/ui/canvas/scene.py" line="498"/>
        <source>shape inference failed: {0}</source>
        <translation>形状推断失败：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/scene_gestures.py" line="27"/>
        <source>that did not work: {0}</source>
        <translation>操作没有成功：{0}</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="273"/>
        <source>that did not work: {0}</source>
        <extracomment>the scale changed (wheel, keys, framing); the new zoom</extracomment>
        <translation>操作没有成功：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="362"/>
        <source>nothing selected to delete</source>
        <translation>没有选中要删除的内容</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="368"/>
        <source>Delete {0} items</source>
        <translation>删除 {0} 项</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="369"/>
        <source>Delete {0} wires</source>
        <translation>删除 {0} 条连线</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="370"/>
        <source>Delete wire</source>
        <translation>删除连线</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="383"/>
        <source>nothing selected to copy</source>
        <translation>没有选中要复制的内容</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="387"/>
        <source>copied {0}</source>
        <translation>已复制 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="394"/>
        <source>Cut {0}</source>
        <translation>剪切 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="405"/>
        <source>the clipboard holds no nodes</source>
        <translation>剪贴板里没有节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="416"/>
        <source>nothing selected to duplicate</source>
        <translation>没有选中要创建副本的节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="419"/>
        <source>Duplicate {0}</source>
        <translation>创建 {0}的副本</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/view.py" line="427"/>
        <source>laid out by topological layers</source>
        <translation>已按拓扑层次排列</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <location filename="../../graphstudio/ui/share/handout.py" line="156"/>
        <source>Notes</source>
        <extracomment>a value printed on a page is cut after this many lines</extracomment>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/handout.py" line="162"/>
        <source>{nodes} nodes. The run has {n} steps: {f} forward, {b} backward</source>
        <translation>{nodes} 个节点。运行共 {n} 步：前向 {f} 步，反向 {b} 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/handout.py" line="167"/>
        <source> (from {loss})</source>
        <translation>（从 {loss} 开始）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/handout.py" line="171"/>
        <source>File: {name}.</source>
        <translation>文件：{name}。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/handout.py" line="192"/>
        <source>What this step did</source>
        <translation>这一步做了什么</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/handout.py" line="197"/>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/handout.py" line="249"/>
        <source>page {i} of {n}</source>
        <translation>第 {i} 页，共 {n} 页</translation>
    </message>
</context>
<context>
    <name>Heatmap</name>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="479"/>
        <source>scale ±{0} · hover for values</source>
        <translation>色阶 ±{0} · 悬停查看数值</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="489"/>
        <source>[{0}, {1}] = {2}   (scale ±{3})</source>
        <translation>[{0}, {1}] = {2}   （色阶 ±{3}）</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="24"/>
        <source>Add a node by name</source>
        <translation>按名称添加节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="25"/>
        <source>Tab, or double-click empty canvas</source>
        <translation>Tab，或双击画布空白处</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="26"/>
        <source>Add a node from the palette</source>
        <translation>从节点面板添加节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="27"/>
        <source>Drag it onto the canvas, or double-click it</source>
        <translation>拖到画布上，或双击它</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="28"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="29"/>
        <source>Drag from an output port to an input port</source>
        <translation>从输出端口拖到输入端口</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="30"/>
        <source>Disconnect / reconnect</source>
        <translation>断开 / 重新连接</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="31"/>
        <source>Drag a wire&apos;s input end away / to another port</source>
        <translation>把连线的输入端拖开 / 拖到另一个端口</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="32"/>
        <source>Rename a node</source>
        <translation>重命名节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="33"/>
        <source>Double-click its title</source>
        <translation>双击节点标题</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="34"/>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="34"/>
        <source>Middle-drag, or Space + drag</source>
        <translation>中键拖动，或按住空格拖动</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="35"/>
        <source>Zoom around the cursor</source>
        <translation>以光标为中心缩放</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="35"/>
        <source>Mouse wheel</source>
        <translation>鼠标滚轮</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="36"/>
        <source>Select several</source>
        <translation>选择多个</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="37"/>
        <source>Rubber-band drag, Ctrl/Shift + click</source>
        <translation>框选拖动，Ctrl/Shift + 单击</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="38"/>
        <source>Cancel a wire / clear selection</source>
        <translation>取消连线 / 清除选择</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="39"/>
        <source>Escape</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="70"/>
        <source>Canvas</source>
        <translation>画布</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="74"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="77"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="78"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="109"/>
        <source>About {0}</source>
        <translation>关于 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="113"/>
        <source>Build a computational graph on a canvas and watch PyTorch-style autograd run it, forward and backward, one step at a time.</source>
        <translation>在画布上搭建计算图，看 PyTorch 式的自动求导一步一步地运行它的前向与反向传播。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="135"/>
        <source>PyTorch Autograd Tutorial</source>
        <translation>PyTorch 自动求导教程</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="139"/>
        <source>No web browser could be opened. The tutorial is at this address (select it, or press Copy Address):</source>
        <translation>无法打开网页浏览器。教程在下面这个地址（选中它，或点“复制地址”）：</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="145"/>
        <source>Copy Address</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="158"/>
        <source>An empty graph</source>
        <translation>空的计算图</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/help.py" line="159"/>
        <source>Drag a node type from the palette onto the canvas,&lt;br&gt;press &lt;b&gt;Tab&lt;/b&gt; to add one by name,&lt;br&gt;or open an example from &lt;b&gt;File ▸ Open Example&lt;/b&gt;.</source>
        <translation>从节点面板把节点类型拖到画布上，&lt;br&gt;按 &lt;b&gt;Tab&lt;/b&gt; 按名称添加节点，&lt;br&gt;或从 &lt;b&gt;文件 ▸ 打开示例&lt;/b&gt; 打开一个示例。</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="169"/>
        <source>untitled</source>
        <extracomment>a refused edit&apos;s reason, or a short confirmation</extracomment>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="172"/>
        <source>Set title</source>
        <translation>设置标题</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="173"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="175"/>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="180"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="182"/>
        <source>Tips</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="184"/>
        <source>Select a node to edit its name, attributes and tensor.&lt;br&gt;Drag node types from the palette onto the canvas, or press &lt;b&gt;Tab&lt;/b&gt; on the canvas to add one by name. Drag from an output port to an input port to connect.</source>
        <translation>选中一个节点即可编辑它的名称、属性和张量。&lt;br&gt;从节点面板把节点类型拖到画布上，或在画布上按 &lt;b&gt;Tab&lt;/b&gt; 按名称添加。从输出端口拖到输入端口即可连接。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="192"/>
        <source>{0} nodes selected</source>
        <translation>已选中 {0} 个节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="198"/>
        <source>{0} wire between them</source>
        <translation>它们之间有 {0} 条连线</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="199"/>
        <source>{0} wires between them</source>
        <translation>它们之间有 {0} 条连线</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="201"/>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="218"/>
        <location filename="../../graphstudio/ui/inspector.py" line="331"/>
        <source>A Python identifier, unique in the graph</source>
        <translation>一个 Python 标识符，在计算图中唯一</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="221"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="223"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="227"/>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="237"/>
        <source>False: an Input never requires grad (use a Parameter to learn it)</source>
        <translation>False：Input 从不需要梯度（要学习它，请用 Parameter）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="245"/>
        <source>Tensor</source>
        <translation>张量</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="255"/>
        <source>About</source>
        <translation>简介</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="264"/>
        <source>&lt;i&gt;Derivative:&lt;/i&gt; {0}</source>
        <translation>&lt;i&gt;导数：&lt;/i&gt;{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="266"/>
        <source>&lt;i&gt;Formula:&lt;/i&gt; {0}</source>
        <translation>&lt;i&gt;公式：&lt;/i&gt;{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="267"/>
        <source> (optional)</source>
        <translation>（可选）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="271"/>
        <source>&lt;i&gt;Inputs:&lt;/i&gt;</source>
        <translation>&lt;i&gt;输入：&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="276"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="347"/>
        <source>name not changed: {0}</source>
        <translation>名称未更改：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="412"/>
        <source>{0} nodes · {1} wires</source>
        <translation>{0} 个节点 · {1} 条连线</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="432"/>
        <source>‹{0} values, {1}›</source>
        <translation>‹{0} 个数值，{1}›</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/inspector.py" line="444"/>
        <source># cannot write this node as PyTorch: {0}</source>
        <translation># 无法把这个节点写成 PyTorch 代码：{0}</translation>
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
    <name>LossPlot</name>
    <message>
        <location filename="../../graphstudio/ui/tools/training_plots.py" line="61"/>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_plots.py" line="63"/>
        <source>Show the loss (and gradient norms) on a logarithmic axis</source>
        <translation>在对数坐标轴上显示损失（和梯度范数）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_plots.py" line="65"/>
        <source>Gradient norms</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_plots.py" line="67"/>
        <source>Also plot each trained parameter&apos;s gradient norm per step</source>
        <translation>同时绘制每个被训练参数每一步的梯度范数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_plots.py" line="71"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../graphstudio/ui/main_window.py" line="45"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/main_window.py" line="46"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/main_window.py" line="47"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/main_window.py" line="48"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/main_window.py" line="210"/>
        <source>&lt;opened document&gt;</source>
        <extracomment>emitted once, the first time the window is shown (used by the start-up benchmark)</extracomment>
        <translation>&lt;打开的文档&gt;</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/main_window.py" line="212"/>
        <source>Palette</source>
        <translation>节点面板</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/main_window.py" line="213"/>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/main_window.py" line="214"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/main_window.py" line="228"/>
        <source>Zoom (Ctrl+0 for actual size, F to frame)</source>
        <translation>缩放（Ctrl+0 实际大小，F 适应视图）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/main_window.py" line="335"/>
        <source>{0} node</source>
        <translation>{0} 个节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/main_window.py" line="335"/>
        <source>{0} nodes</source>
        <translation>{0} 个节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/main_window.py" line="336"/>
        <source>{0} wire</source>
        <translation>{0} 条连线</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/main_window.py" line="336"/>
        <source>{0} wires</source>
        <translation>{0} 条连线</translation>
    </message>
</context>
<context>
    <name>NewFromCodeDialog</name>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="56"/>
        <source>Paste PyTorch-style code. It is read, never run: tensors (&lt;tt&gt;torch.tensor&lt;/tt&gt;, &lt;tt&gt;ones&lt;/tt&gt;, &lt;tt&gt;zeros&lt;/tt&gt;, &lt;tt&gt;randn&lt;/tt&gt;, …; &lt;tt&gt;requires_grad=True&lt;/tt&gt; makes a Parameter), operators, &lt;tt&gt;torch.*&lt;/tt&gt; and &lt;tt&gt;F.*&lt;/tt&gt; functions, tensor methods and &lt;tt&gt;loss.backward()&lt;/tt&gt;. &lt;tt&gt;randn&lt;/tt&gt; draws from GraphStudio&apos;s generator, so its numbers differ from PyTorch&apos;s; write values with &lt;tt&gt;torch.tensor([...])&lt;/tt&gt; to keep them.</source>
        <extracomment>the code of PyTorch&apos;s autograd tutorial, what the dialog starts with</extracomment>
        <translation>粘贴 PyTorch 风格的代码。代码只会被读取，绝不会被运行：支持张量（&lt;tt&gt;torch.tensor&lt;/tt&gt;、&lt;tt&gt;ones&lt;/tt&gt;、&lt;tt&gt;zeros&lt;/tt&gt;、&lt;tt&gt;randn&lt;/tt&gt; 等；&lt;tt&gt;requires_grad=True&lt;/tt&gt; 会生成 Parameter）、运算符、&lt;tt&gt;torch.*&lt;/tt&gt; 和 &lt;tt&gt;F.*&lt;/tt&gt; 函数、张量方法以及 &lt;tt&gt;loss.backward()&lt;/tt&gt;。&lt;tt&gt;randn&lt;/tt&gt; 使用 GraphStudio 的随机数生成器，得到的数与 PyTorch 的不同；要保留具体数值，请用 &lt;tt&gt;torch.tensor([...])&lt;/tt&gt; 写出。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="76"/>
        <source>New From Code</source>
        <translation>从代码新建</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="98"/>
        <source>Create Graph</source>
        <translation>创建计算图</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="100"/>
        <source>Load File…</source>
        <translation>加载文件…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="102"/>
        <source>Put the contents of a .py file in the editor (it is not run)</source>
        <translation>把 .py 文件的内容放进编辑器（不会运行）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="104"/>
        <source>Tutorial Code</source>
        <translation>教程代码</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="105"/>
        <source>Start again from the autograd tutorial&apos;s code</source>
        <translation>从自动求导教程的代码重新开始</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="138"/>
        <source>write or paste some code first</source>
        <translation>请先写入或粘贴一些代码</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="140"/>
        <source>the code is longer than {0} characters</source>
        <translation>代码超过了 {0} 个字符</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="164"/>
        <source>{0}, {1}, {2}: Create Graph replaces the open document</source>
        <translation>{0}，{1}，{2}：“创建计算图”会替换当前打开的文档</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="171"/>
        <source>line {0}: {1}</source>
        <translation>第 {0} 行：{1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="187"/>
        <source>{0} node</source>
        <translation>{0} 个节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="188"/>
        <source>{0} nodes</source>
        <translation>{0} 个节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="189"/>
        <source>{0} wire</source>
        <translation>{0} 条连线</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="190"/>
        <source>{0} wires</source>
        <translation>{0} 条连线</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="191"/>
        <source>{0} parameter</source>
        <translation>{0} 个参数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="192"/>
        <source>{0} parameters</source>
        <translation>{0} 个参数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="196"/>
        <source>Load Code</source>
        <translation>加载代码</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="197"/>
        <source>Python files (*.py);;All files (*)</source>
        <translation>Python 文件 (*.py);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="206"/>
        <source>{0} could not be read: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/new_from_code.py" line="232"/>
        <source>{0} would hold {1} elements: at most {2}</source>
        <translation>{0} 将包含 {1} 个元素：最多允许 {2} 个</translation>
    </message>
</context>
<context>
    <name>NodeCategory</name>
    <message>
        <location filename="../../graphstudio/ui/theme.py" line="33"/>
        <source>Inputs</source>
        <extracomment>The node categories, in palette order (shown translated in the &quot;NodeCategory&quot; context).</extracomment>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/theme.py" line="33"/>
        <source>Math</source>
        <translation>数学运算</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/theme.py" line="34"/>
        <source>Activations</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/theme.py" line="35"/>
        <source>Reductions</source>
        <translation>归约</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/theme.py" line="35"/>
        <source>Shape</source>
        <translation>形状变换</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/theme.py" line="36"/>
        <source>Losses</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/theme.py" line="36"/>
        <source>Autograd</source>
        <translation>自动求导</translation>
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
        <location filename="../../graphstudio/ui/canvas/freeze_toggle.py" line="31"/>
        <source>Frozen (requires_grad=False): click to train it again</source>
        <translation>已冻结（requires_grad=False）：点击后重新参与训练</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/freeze_toggle.py" line="33"/>
        <source>Trainable (requires_grad=True): click to freeze</source>
        <translation>可训练（requires_grad=True）：点击冻结</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/freeze_toggle.py" line="50"/>
        <source>could not change requires_grad: {0}</source>
        <translation>无法修改 requires_grad：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/node_item.py" line="246"/>
        <source>needs input {0}</source>
        <translation>需要输入 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/canvas/node_item.py" line="249"/>
        <source>waiting for {0}</source>
        <translation>等待 {0}</translation>
    </message>
</context>
<context>
    <name>PaletteWidget</name>
    <message>
        <location filename="../../graphstudio/ui/palette.py" line="63"/>
        <source>Drag onto the canvas, or double-click to add.</source>
        <translation>拖到画布上，或双击添加。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/palette.py" line="108"/>
        <source>Filter nodes…</source>
        <extracomment>a type was double-clicked or chosen with Enter: add it at the view&apos;s centre</extracomment>
        <translation>筛选节点…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/palette.py" line="110"/>
        <source>Type part of a name, PyTorch function or alias; Enter adds the highlighted node</source>
        <translation>输入名称、PyTorch 函数或别名的一部分；按 Enter 添加高亮的节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/palette.py" line="148"/>
        <source>{0} node types</source>
        <translation>{0} 种节点类型</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/palette.py" line="191"/>
        <source>No node type matches “{0}”: try a PyTorch name such as matmul, relu or cross_entropy</source>
        <translation>没有与“{0}”匹配的节点类型：试试 PyTorch 的名称，比如 matmul、relu 或 cross_entropy</translation>
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
        <location filename="../../graphstudio/ui/canvas/preview.py" line="270"/>
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
    <name>RecoveryInfo</name>
    <message>
        <location filename="../../graphstudio/ui/document.py" line="171"/>
        <source>an untitled graph</source>
        <translation>一个未命名的计算图</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/document.py" line="172"/>
        <source>unsaved changes to {0} (autosaved {1})</source>
        <translation>对 {0} 的未保存更改（自动保存于 {1}）</translation>
    </message>
</context>
<context>
    <name>Render</name>
    <message>
        <location filename="../../graphstudio/ui/render.py" line="94"/>
        <source>an SVG of {0:,} cards would take minutes to draw and hundreds of megabytes (at most {1:,}): export a PNG, which shows a document this big whole, as blocks</source>
        <translation>{0:,} 张卡片的 SVG 需要几分钟绘制、占用数百 MB（最多 {1:,} 张）：请导出 PNG，它会把这么大的文档整体画成色块</translation>
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
        <location filename="../../graphstudio/ui/run/toolbar.py" line="112"/>
        <source>&amp;Run</source>
        <extracomment>above this many nodes the Loss box lists every candidate only when it is opened</extracomment>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="121"/>
        <source>&amp;Forward</source>
        <translation>前向(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="122"/>
        <source>&amp;Backward</source>
        <translation>反向(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="125"/>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="126"/>
        <source>Step B&amp;ack</source>
        <translation>后退一步(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="128"/>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="280"/>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="129"/>
        <source>Run to &amp;End</source>
        <translation>运行到结束(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="132"/>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="134"/>
        <source>&amp;Zero Grads</source>
        <translation>梯度清零(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="137"/>
        <source>&amp;Options</source>
        <translation>选项(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="140"/>
        <source>&amp;Zero Grads Before Backward</source>
        <translation>反向传播前清零梯度(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="141"/>
        <source>Forward under &amp;no_grad</source>
        <translation>在 no_grad 下前向(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="142"/>
        <source>&amp;Retain Graph</source>
        <translation>保留计算图(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="149"/>
        <source>&amp;Gradient Seed…</source>
        <translation>梯度种子(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="164"/>
        <source>Run Toolbar</source>
        <translation>运行工具栏</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="174"/>
        <source>Play speed (steps per second)</source>
        <translation>播放速度（每秒步数）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="179"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="183"/>
        <source>The node backward starts from (right-click a node &gt; Backward from Here)</source>
        <translation>反向传播的起点节点（也可以右键点击节点 &gt; 从这里反向传播）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="188"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="190"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="191"/>
        <source>Run options: zero grads, no_grad, retain_graph, gradient seed</source>
        <translation>运行选项：梯度清零、no_grad、retain_graph、梯度种子</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="274"/>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="287"/>
        <source>Add nodes first: the graph is empty</source>
        <translation>请先添加节点：计算图是空的</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="276"/>
        <source>No backward: {0}</source>
        <translation>无法反向传播：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="280"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="290"/>
        <source>At the start of the run</source>
        <translation>已在运行的开头</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="292"/>
        <source>Nothing run yet: Step (F10) starts a run</source>
        <translation>还没有运行：单步（F10）开始一次运行</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/toolbar.py" line="311"/>
        <source>auto: the scalar output</source>
        <translation>自动：标量输出</translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="104"/>
        <source>the graph is empty</source>
        <extracomment>edits that do not change any computed number events that change no number a run shows (order_changed: undo putting the node and wire order back; nothing is added, removed or altered) run options that re-run at once (the person asked to see their effect) run options that change what the shown run would be</extracomment>
        <translation>计算图是空的</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="106"/>
        <source>no_grad is on: the forward runs under torch.no_grad(), so nothing gets a grad_fn and there is no backward (untick Run ▸ Options ▸ Forward under no_grad)</source>
        <translation>no_grad 已开启：前向在 torch.no_grad() 下运行，没有任何张量得到 grad_fn，因此无法反向传播（取消勾选 运行 ▸ 选项 ▸ 在 no_grad 下前向）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="113"/>
        <source> (Run ▸ Options ▸ Gradient Seed…)</source>
        <translation>（运行 ▸ 选项 ▸ 梯度种子…）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="132"/>
        <source>Forward</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="140"/>
        <source>No backward: {0}</source>
        <translation>无法反向传播：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="146"/>
        <source>Backward</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="155"/>
        <source>Zeroed .grad of {0} (now None)</source>
        <translation>已清零 {0} 的 .grad（现在是 None）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="156"/>
        <source>No parameter requires grad</source>
        <translation>没有需要梯度的参数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="162"/>
        <source>; forward ready, Backward computes fresh gradients</source>
        <translation>；前向已就绪，反向传播将计算新的梯度</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="176"/>
        <source>Reset: results cleared and every .grad forgotten</source>
        <translation>已重置：结果已清除，所有 .grad 都已丢弃</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="206"/>
        <source>Nothing to step back through: run first (F10 steps forward)</source>
        <translation>没有可以后退的步骤：请先运行（F10 前进一步）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="209"/>
        <source>At the start of the run</source>
        <translation>已在运行的开头</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="230"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="244"/>
        <source>Nothing to play: the graph is empty</source>
        <translation>没有可播放的内容：计算图是空的</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="269"/>
        <source>Stopped playing: {0}</source>
        <translation>已停止播放：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="287"/>
        <source>The run failed: {0}</source>
        <translation>运行失败：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="297"/>
        <source>The graph changed: started a new run</source>
        <translation>计算图已改变：开始了新的运行</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="309"/>
        <source>The session stopped at {0}</source>
        <translation>会话停在了 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="359"/>
        <source>run option {0}</source>
        <translation>运行选项 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="361"/>
        <source>run option {0} changed</source>
        <translation>运行选项 {0} 已改变</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="367"/>
        <source>a parameter</source>
        <translation>某个参数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="368"/>
        <source>{0} frozen</source>
        <translation>{0} 已冻结</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="369"/>
        <source>{0} trainable</source>
        <translation>{0} 可训练</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="371"/>
        <source>the graph changed</source>
        <translation>计算图已改变</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="390"/>
        <source>Results are stale ({0}): Step, Forward or Run to End computes them again; undoing the edits brings them back</source>
        <translation>结果已过期（{0}）：单步、前向或运行到结束会重新计算；撤销这些修改可以恢复原来的结果</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="403"/>
        <source>The graph is back to what this run was made on: its results are valid again</source>
        <translation>计算图已恢复到这次运行时的状态：结果重新有效</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="423"/>
        <source>Re-ran ({0})</source>
        <translation>已重新运行（{0}）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="428"/>
        <source>re-running after {0} failed: {1}</source>
        <translation>{0} 后重新运行失败：{1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="442"/>
        <source>Backward from {0}</source>
        <translation>从 {0} 反向传播</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="459"/>
        <source>Retain grad of {0}</source>
        <translation>保留 {0} 的梯度</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="460"/>
        <source>Stop retaining grad of {0}</source>
        <translation>不再保留 {0} 的梯度</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="467"/>
        <source>{0}.retain_grad() on: the next backward keeps its .grad</source>
        <translation>{0}.retain_grad() 已开启：下一次反向传播会保留它的 .grad</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="468"/>
        <source>{0}.retain_grad() off</source>
        <translation>{0}.retain_grad() 已关闭</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="483"/>
        <source>Gradient hook on {0}: {1}</source>
        <translation>{0} 上的梯度钩子：{1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/controller.py" line="484"/>
        <source>Remove the gradient hook of {0}</source>
        <translation>移除 {0} 的梯度钩子</translation>
    </message>
</context>
<context>
    <name>RunDisplay</name>
    <message>
        <location filename="../../graphstudio/ui/run/display.py" line="152"/>
        <source>seed v</source>
        <translation>种子 v</translation>
    </message>
</context>
<context>
    <name>RunInstall</name>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="159"/>
        <location filename="../../graphstudio/ui/run/install.py" line="188"/>
        <source>Gradient hook</source>
        <translation>梯度钩子</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="164"/>
        <source>{0}.register_hook(fn): fn sees (and may replace) the gradient for {0} in the backward; shown as its own step</source>
        <translation>{0}.register_hook(fn)：反向传播时 fn 会看到（并可替换）{0} 的梯度；显示为单独的一步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="166"/>
        <source>Only tensors that require grad have hooks: a Parameter or an op&apos;s result</source>
        <translation>只有需要梯度（requires_grad）的张量才能挂钩子：参数或运算的结果</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="169"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="170"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="171"/>
        <source>Scale by k…</source>
        <translation>乘以 k…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="172"/>
        <source>Clip to ±c…</source>
        <translation>截断到 ±c…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="185"/>
        <source>Scale the gradient by k:</source>
        <translation>把梯度乘以 k：</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/install.py" line="186"/>
        <source>Clip the gradient to ±c, c:</source>
        <translation>把梯度截断到 ±c，c：</translation>
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
        <location filename="../../graphstudio/ui/run/scene_display.py" line="459"/>
        <source>error: {0}</source>
        <extracomment>a jump over more steps than this recomputes every node instead of the steps&apos; nodes a full refresh of more cards than this updates the visible ones at once, the rest in slices of about SLICE_MS from the event loop (a step never freezes a big graph) a jump that changes more cards than this does the same (a step changes two or three)</extracomment>
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
    <name>ShareExport</name>
    <message>
        <location filename="../../graphstudio/ui/share/export_dialog.py" line="47"/>
        <source>Drawing {cards:,} cards for {name}…</source>
        <translation>正在为 {name} 绘制 {cards:,} 张卡片…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/export_dialog.py" line="49"/>
        <location filename="../../graphstudio/ui/share/export_dialog.py" line="143"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/export_dialog.py" line="51"/>
        <source>Export Image</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/export_dialog.py" line="82"/>
        <source>Export &amp;Animation…</source>
        <translation>导出动画(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/export_dialog.py" line="84"/>
        <source>Save the run as an animated GIF, PNG or WebP, a frame per step</source>
        <translation>把这次运行存为动画 GIF、PNG 或 WebP，每一步一帧</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/export_dialog.py" line="86"/>
        <source>Export &amp;Handout…</source>
        <translation>导出讲义(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/export_dialog.py" line="88"/>
        <source>Save the run as a PDF: a title page and a page per step</source>
        <translation>把这次运行存为 PDF：一页标题页，每一步一页</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/export_dialog.py" line="101"/>
        <source>Export Animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/export_dialog.py" line="112"/>
        <source>Export Handout</source>
        <translation>导出讲义</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/export_dialog.py" line="133"/>
        <source>An export is still running</source>
        <translation>还有一个导出正在进行</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/export_dialog.py" line="142"/>
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/export_dialog.py" line="145"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/export_dialog.py" line="172"/>
        <source>Exported {name}</source>
        <translation>已导出 {name}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/export_dialog.py" line="181"/>
        <source>Export cancelled: {name} was not written</source>
        <translation>导出已取消：没有写入 {name}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/export_dialog.py" line="195"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/share/export_dialog.py" line="196"/>
        <source>{path} could not be written.</source>
        <translation>无法写入 {path}。</translation>
    </message>
</context>
<context>
    <name>Slots</name>
    <message>
        <location filename="../../graphstudio/ui/slots.py" line="32"/>
        <source>That did not work: {0}</source>
        <translation>操作没有成功：{0}</translation>
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
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="60"/>
        <source>Before the run</source>
        <translation>运行之前</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="65"/>
        <source>Forward · {0} step</source>
        <translation>前向 · {0} 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="66"/>
        <source>Forward · {0} steps</source>
        <translation>前向 · {0} 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="80"/>
        <source>Backward from {0} · {1} step</source>
        <translation>从 {0} 反向传播 · {1} 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="81"/>
        <source>Backward from {0} · {1} steps</source>
        <translation>从 {0} 反向传播 · {1} 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="101"/>
        <source>hook</source>
        <translation>钩子</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="108"/>
        <source>{0} · grad op</source>
        <translation>{0} · 梯度运算</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="348"/>
        <source>(cannot describe this step: {0})</source>
        <translation>（无法描述这一步：{0}）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="372"/>
        <source>No run yet.</source>
        <translation>还没有运行。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="375"/>
        <source>backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="376"/>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="379"/>
        <source>Step &lt;b&gt;{0}&lt;/b&gt; of {1} · {2}</source>
        <translation>第 &lt;b&gt;{0}&lt;/b&gt; 步，共 {1} 步 · {2}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="384"/>
        <source>- - inside {0}: its own backward (torch.autograd.grad, create_graph=True); teal dashed wires carry its gradients</source>
        <translation>- - 在 {0} 内部：它自己的反向传播（torch.autograd.grad，create_graph=True）；青色虚线传递它的梯度</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="389"/>
        <source>Stale: {0}. These numbers are from before the edit: Step or Run to End runs it again, Undo back to the run makes them valid again.</source>
        <translation>已过期：{0}。这些数值来自修改之前：单步或运行到结束会重新运行，撤销回到这次运行时的状态会让它们重新有效。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="407"/>
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
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="375"/>
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
        <location filename="../../graphstudio/ui/run/steps_dock.py" line="61"/>
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
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="48"/>
        <source>a tensor of shape {0}</source>
        <extracomment>tensors up to this many elements are spelled out in the step detail</extracomment>
        <translation>形状为 {0} 的张量</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="54"/>
        <source>Nothing run yet. &lt;b&gt;F10&lt;/b&gt; steps, &lt;b&gt;F5&lt;/b&gt; plays, &lt;b&gt;F8&lt;/b&gt; runs to the end.</source>
        <translation>还没有运行。&lt;b&gt;F10&lt;/b&gt; 单步，&lt;b&gt;F5&lt;/b&gt; 播放，&lt;b&gt;F8&lt;/b&gt; 运行到结束。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="58"/>
        <source>Before the run: nothing computed yet. Step (F10) computes the first node.</source>
        <translation>运行之前：还没有计算任何东西。单步（F10）计算第一个节点。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="76"/>
        <source>&lt;b&gt;Step {0} · forward&lt;/b&gt;</source>
        <translation>&lt;b&gt;第 {0} 步 · 前向&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="83"/>
        <source>&lt;b&gt;Step {0} · {1}&lt;/b&gt; ({2})</source>
        <translation>&lt;b&gt;第 {0} 步 · {1}&lt;/b&gt;（{2}）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="95"/>
        <source>{0} gradients arrived (from {1}) and are summed: {2} = &lt;b&gt;{3}&lt;/b&gt;</source>
        <translation>到达了 {0} 个梯度（来自 {1}），相加：{2} = &lt;b&gt;{3}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="103"/>
        <source>the seed v given to {0}.backward(gradient=v): {1}</source>
        <translation>传给 {0}.backward(gradient=v) 的种子 v：{1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="107"/>
        <source>the seed gradient: {0}</source>
        <translation>初始梯度：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="110"/>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="185"/>
        <source>received {0}</source>
        <translation>收到 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="116"/>
        <source> (as {0})</source>
        <translation>（作为 {0}）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="120"/>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="193"/>
        <source>sends → {0}</source>
        <translation>传出 → {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="122"/>
        <source>passes it on to the next grad_fn inside {0}</source>
        <translation>把梯度传给 {0} 内部的下一个 grad_fn</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="134"/>
        <source> {0} still holds the previous backward&apos;s gradient (Zero grads is off), so this backward adds to it.</source>
        <translation> {0} 仍然保存着上一次反向传播的梯度（“梯度清零”已关闭），所以这次反向传播会在此基础上累加。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="136"/>
        <source> {0} still hold the previous backward&apos;s gradient (Zero grads is off), so this backward adds to it.</source>
        <translation> {0} 仍然保存着上一次反向传播的梯度（“梯度清零”已关闭），所以这次反向传播会在此基础上累加。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="144"/>
        <source>{0}.grad unchanged</source>
        <translation>{0}.grad 没有变化</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="147"/>
        <source>{0}.grad was None, so it becomes what arrived: {1}</source>
        <translation>{0}.grad 原来是 None，所以变成收到的值：{1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="151"/>
        <source>{0}.grad accumulates: {1} (previous .grad) + {2} (received) = &lt;b&gt;{3}&lt;/b&gt;</source>
        <translation>{0}.grad 累加：{1}（原来的 .grad）+ {2}（收到的）= &lt;b&gt;{3}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="158"/>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="176"/>
        <source>Step {0} · {1}</source>
        <translation>第 {0} 步 · {1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="160"/>
        <source>The gradient for {0} is complete: {1}. Its hook (registered with {0}.register_hook) runs before it flows on</source>
        <translation>{0} 的梯度已算完：{1}。它的钩子（用 {0}.register_hook 注册）在梯度继续传递之前运行</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="164"/>
        <source>prints: &lt;code&gt;{0}&lt;/code&gt;</source>
        <translation>打印：&lt;code&gt;{0}&lt;/code&gt;</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="167"/>
        <source>and replaces it with &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>并把它替换为 &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="177"/>
        <source>inside {0}: &lt;code&gt;{1}&lt;/code&gt;</source>
        <translation>在 {0} 内部：&lt;code&gt;{1}&lt;/code&gt;</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="182"/>
        <source>{0}&apos;s inner backward starts at {1} with the seed {2}</source>
        <translation>{0} 的内部反向传播从 {1} 开始，种子梯度为 {2}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="188"/>
        <source>the gradient w.r.t. {0} is {1}&apos;s result: &lt;b&gt;{2}&lt;/b&gt; ({0}.grad is not touched)</source>
        <translation>对 {0} 的梯度就是 {1} 的结果：&lt;b&gt;{2}&lt;/b&gt;（{0}.grad 不受影响）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/step_detail.py" line="195"/>
        <source>create_graph=True: these gradient ops are recorded, so the backward from the loss can run through them later</source>
        <translation>create_graph=True：这些梯度运算被记录下来，之后从损失开始的反向传播可以穿过它们</translation>
    </message>
</context>
<context>
    <name>TensorEditor</name>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="56"/>
        <source>explicit values</source>
        <translation>显式数值</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="57"/>
        <source>full (one value)</source>
        <translation>full（同一个值）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="58"/>
        <source>eye (identity)</source>
        <translation>eye（单位矩阵）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="59"/>
        <source>rand (uniform 0..1)</source>
        <translation>rand（0..1 均匀分布）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="60"/>
        <source>randn (normal)</source>
        <translation>randn（正态分布）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="61"/>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="201"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="62"/>
        <source>Start</source>
        <translation>起始值</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="63"/>
        <source>Scale</source>
        <translation>幅度</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="176"/>
        <source>scalar</source>
        <extracomment>a new spec the person asked for (push it as a SetTensorCommand) why an edit was refused (for the status bar)</extracomment>
        <translation>标量</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="177"/>
        <source>Sizes separated by commas, e.g. 5, 3 (empty for a scalar)</source>
        <translation>用逗号分隔的各维大小，例如 5, 3（留空表示标量）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="183"/>
        <source>Seed of the random generator: the same seed gives the same numbers on every machine</source>
        <translation>随机数生成器的种子：同一个种子在任何机器上都生成相同的数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="188"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="189"/>
        <source>Convert to explicit values</source>
        <translation>转换为显式数值</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="190"/>
        <source>Replace the initializer by the numbers it makes, so they can be edited one by one</source>
        <translation>用初始化方法生成的数值替换它，这样就可以逐个编辑</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="197"/>
        <source>Initializer</source>
        <translation>初始化</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="198"/>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="200"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="202"/>
        <source>Step</source>
        <translation>步长</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="283"/>
        <source>Cannot make this tensor: {0}</source>
        <translation>无法生成这个张量：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="288"/>
        <source>Empty tensor (a size is 0).</source>
        <translation>空张量（有一维大小为 0）。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="416"/>
        <source>{0!r} is not a number: write e.g. 0.5 or 1e-3</source>
        <translation>{0!r} 不是数字：请写成例如 0.5 或 1e-3</translation>
    </message>
</context>
<context>
    <name>TensorTableModel</name>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_editor.py" line="148"/>
        <source>value not changed: {0}</source>
        <extracomment>(row, column, text) of the last value refused, to put back in the cell&apos;s editor</extracomment>
        <translation>数值未更改：{0}</translation>
    </message>
</context>
<context>
    <name>TensorText</name>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_text.py" line="34"/>
        <source>{0} is not a shape: write sizes like 5, 3</source>
        <translation>{0} 不是形状：请写出各维大小，例如 5, 3</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_text.py" line="37"/>
        <source>sizes must be 0 or more</source>
        <translation>各维大小必须大于或等于 0</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_text.py" line="41"/>
        <source>{0} dimensions is too many (at most {1})</source>
        <translation>{0} 个维度太多了（最多 {1} 个）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_text.py" line="47"/>
        <source>a size of {0} is too large (at most {1})</source>
        <translation>大小 {0} 太大了（最多 {1}）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_text.py" line="53"/>
        <source>{0} elements is too many to edit (at most {1})</source>
        <translation>{0} 个元素太多，无法编辑（最多 {1} 个）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_text.py" line="71"/>
        <source>nan and inf cannot be stored in a graph file: write a finite number (ops like log can still produce them in a run)</source>
        <translation>nan 和 inf 不能存入计算图文件：请写一个有限的数（运行时 log 等运算仍可能产生它们）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_text.py" line="84"/>
        <source>{0} is not True or False</source>
        <translation>{0} 不是 True 或 False</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_text.py" line="88"/>
        <source>{0} is not a number: write e.g. 0.5, -2 or 1e-3</source>
        <translation>{0} 不是数字：请写成例如 0.5、-2 或 1e-3</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_text.py" line="94"/>
        <source>{0} is not a whole number (the tensor is int64)</source>
        <translation>{0} 不是整数（这个张量是 int64）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_text.py" line="99"/>
        <source>{0} does not fit in int64</source>
        <translation>{0} 超出了 int64 的范围</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_text.py" line="103"/>
        <source>{0} is beyond float32 (largest 3.4028e+38)</source>
        <translation>{0} 超出了 float32 的范围（最大 3.4028e+38）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_text.py" line="110"/>
        <source>scalar</source>
        <translation>标量</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_text.py" line="111"/>
        <source>{0} element ({1})</source>
        <translation>{0} 个元素（{1}）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_text.py" line="112"/>
        <source>{0} elements ({1})</source>
        <translation>{0} 个元素（{1}）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_text.py" line="116"/>
        <source>min {0} · max {1} · mean {2}</source>
        <translation>最小 {0} · 最大 {1} · 平均 {2}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_text.py" line="118"/>
        <source>Double-click a cell to edit it.</source>
        <translation>双击单元格即可编辑。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/editors/tensor_text.py" line="119"/>
        <source>Heatmap: blue &amp;lt; 0 &amp;lt; red.</source>
        <translation>热图：蓝 &amp;lt; 0 &amp;lt; 红。</translation>
    </message>
</context>
<context>
    <name>ToolsUI</name>
    <message>
        <location filename="../../graphstudio/ui/tools/install.py" line="62"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/install.py" line="66"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/install.py" line="77"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/install.py" line="79"/>
        <source>&amp;Train…</source>
        <translation>训练(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/install.py" line="80"/>
        <source>Train the parameters with Adam or SGD and watch the loss fall</source>
        <translation>用 Adam 或 SGD 训练参数，看损失下降</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/install.py" line="82"/>
        <source>Check &amp;Gradients…</source>
        <translation>检查梯度(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/install.py" line="84"/>
        <source>Compare every parameter&apos;s autograd gradient with central differences</source>
        <translation>把每个参数的自动求导梯度与中心差分结果比较</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/install.py" line="88"/>
        <source>New From &amp;Code…</source>
        <translation>从代码新建(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/install.py" line="90"/>
        <source>Build a graph from PyTorch-style code (read, never run)</source>
        <translation>从 PyTorch 风格的代码构建计算图（只读取，不运行）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/install.py" line="93"/>
        <source>Export PyTorch &amp;Script…</source>
        <translation>导出 PyTorch 脚本(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/install.py" line="95"/>
        <source>Save the graph as a PyTorch program that prints what Run shows</source>
        <translation>把计算图保存为 PyTorch 程序，它会打印出与“运行”显示相同的结果</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/install.py" line="153"/>
        <source>New From Code cancelled: the open graph is unchanged</source>
        <translation>已取消从代码新建：当前计算图没有改变</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/install.py" line="157"/>
        <source>New graph from code: {0} node (unsaved)</source>
        <translation>从代码新建的计算图：{0} 个节点（未保存）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/install.py" line="158"/>
        <source>New graph from code: {0} nodes (unsaved)</source>
        <translation>从代码新建的计算图：{0} 个节点（未保存）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/install.py" line="167"/>
        <source>the window closed</source>
        <translation>窗口已关闭</translation>
    </message>
</context>
<context>
    <name>TrainCommand</name>
    <message>
        <location filename="../../graphstudio/ui/tools/train_command.py" line="26"/>
        <source>removed or reshaped meanwhile</source>
        <translation>期间已被删除或改变形状</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/train_command.py" line="27"/>
        <source>edited meanwhile: the edit is kept</source>
        <translation>期间已被编辑：保留该编辑</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/train_command.py" line="75"/>
        <source>loss {0} → &lt;b&gt;{1}&lt;/b&gt;</source>
        <translation>损失 {0} → &lt;b&gt;{1}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/train_command.py" line="79"/>
        <source> ({0}× lower)</source>
        <translation>（降低为 1/{0}）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/train_command.py" line="81"/>
        <source>step {0} · {1} steps/s</source>
        <translation>第 {0} 步 · 每秒 {1} 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/train_command.py" line="90"/>
        <source>Stopped after {0} steps</source>
        <translation>{0} 步后停止</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/train_command.py" line="91"/>
        <source>Trained {0} steps</source>
        <translation>已训练 {0} 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/train_command.py" line="94"/>
        <source>loss {0} → {1}</source>
        <translation>损失 {0} → {1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/train_command.py" line="99"/>
        <source>not written to {0} ({1})</source>
        <translation>未写入 {0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/train_command.py" line="101"/>
        <source>Undo (Ctrl+Z) restores the parameters from before</source>
        <translation>撤销（Ctrl+Z）可恢复训练前的参数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/train_command.py" line="102"/>
        <source>no parameter changed</source>
        <translation>没有参数发生变化</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/train_command.py" line="110"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/train_command.py" line="115"/>
        <source>training changed no parameter</source>
        <translation>训练没有改变任何参数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/train_command.py" line="119"/>
        <source>no node with id {0}</source>
        <translation>没有 id 为 {0} 的节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/train_command.py" line="121"/>
        <source>{0} is not a Parameter</source>
        <translation>{0} 不是 Parameter</translation>
    </message>
</context>
<context>
    <name>TrainingDock</name>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="101"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="103"/>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="437"/>
        <source>Train the parameters with these settings</source>
        <translation>用这些设置训练参数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="104"/>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="427"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="106"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="108"/>
        <source>End training now and keep the steps taken so far</source>
        <translation>立即结束训练，保留已经完成的步数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="115"/>
        <source>%v / %m steps</source>
        <translation>%v / %m 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="169"/>
        <source>Cannot train: {0}</source>
        <translation>无法训练：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="185"/>
        <source>Training {0}: {1} steps of {2}</source>
        <translation>正在训练 {0}：{2}，共 {1} 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="194"/>
        <source>Paused at step {0}: Resume goes on, Stop keeps the steps taken</source>
        <translation>已在第 {0} 步暂停：“继续”接着训练，“停止”保留已完成的步数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="221"/>
        <source>Training abandoned: {0}. Nothing was changed</source>
        <translation>训练已放弃：{0}。没有任何改变</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="234"/>
        <source>Undone: the parameters hold their values from before training again (Redo, Ctrl+Shift+Z, puts the trained values back)</source>
        <translation>已撤销：参数恢复为训练前的值（重做 Ctrl+Shift+Z 可放回训练后的值）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="308"/>
        <source> (try a smaller learning rate)</source>
        <translation>（试试更小的学习率）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="309"/>
        <source>Training stopped: {0}{1}. The parameters were left as they were</source>
        <translation>训练已停止：{0}{1}。参数保持原样</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="316"/>
        <source>Train {0} step ({1})</source>
        <translation>训练 {0} 步（{1}）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="316"/>
        <source>Train {0} steps ({1})</source>
        <translation>训练 {0} 步（{1}）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="322"/>
        <source>The trained values could not be written: {0}</source>
        <translation>无法写入训练得到的数值：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="372"/>
        <source>Cards overlap now that they show values: L lays the graph out (training goes on)</source>
        <translation>卡片显示数值后互相重叠了：按 L 重新排列计算图（训练会继续）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="397"/>
        <source>No decision boundary: {0}</source>
        <translation>没有决策边界：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="407"/>
        <source>The decision boundary stopped updating: {0}</source>
        <translation>决策边界已停止更新：{0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="427"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="428"/>
        <source>Go on training</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="429"/>
        <source>Pause training; the window shows the values so far</source>
        <translation>暂停训练；窗口会显示目前为止的数值</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="434"/>
        <source>The graph is empty: open an example or add nodes</source>
        <translation>计算图是空的：请打开一个示例或添加节点</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_dock.py" line="457"/>
        <source>another graph was opened</source>
        <translation>打开了另一个计算图</translation>
    </message>
</context>
<context>
    <name>TrainingForm</name>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="33"/>
        <source>Full speed</source>
        <extracomment>(label, steps per second or None for as fast as possible); labels shown through self.tr</extracomment>
        <translation>全速</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="34"/>
        <source>100 steps/s</source>
        <translation>每秒 100 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="35"/>
        <source>20 steps/s</source>
        <translation>每秒 20 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="36"/>
        <source>5 steps/s</source>
        <translation>每秒 5 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="98"/>
        <source>The scalar node to minimise (loss.backward() each step)</source>
        <translation>要最小化的标量节点（每一步执行 loss.backward()）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="105"/>
        <source>SGD with momentum</source>
        <translation>带动量的 SGD</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="107"/>
        <source>Learning rate (lr)</source>
        <translation>学习率（lr）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="109"/>
        <source>SGD momentum (0: plain SGD)</source>
        <translation>SGD 动量（0：普通 SGD）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="111"/>
        <source>Adam beta1: decay of the mean of the gradients</source>
        <translation>Adam beta1：梯度均值的衰减率</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="113"/>
        <source>Adam beta2: decay of the mean of the squared gradients</source>
        <translation>Adam beta2：梯度平方均值的衰减率</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="115"/>
        <source>Weight decay (L2 penalty added to the gradient, as torch.optim does)</source>
        <translation>权重衰减（L2 惩罚加到梯度上，与 torch.optim 的做法相同）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="122"/>
        <source>How many optimizer steps (forward, backward, step)</source>
        <translation>优化器执行多少步（前向、反向、step）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="127"/>
        <source>Off: gradients pile up across steps, the classic forgotten optimizer.zero_grad()</source>
        <translation>关闭时：梯度会在各步之间累加，正是经典的忘记调用 optimizer.zero_grad() 的错误</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="133"/>
        <source>Slow training down to watch the parameters change on the canvas (the numbers are the same at any pace)</source>
        <translation>放慢训练，在画布上观察参数的变化（无论快慢，数值都相同）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="150"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="151"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="152"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="153"/>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="155"/>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="156"/>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="158"/>
        <source>Pace</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="197"/>
        <source>{0} (the graph&apos;s loss)</source>
        <translation>{0}（计算图的损失）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/tools/training_form.py" line="199"/>
        <source>the graph&apos;s loss (none yet)</source>
        <translation>计算图的损失（还没有）</translation>
    </message>
</context>
<context>
    <name>ValuesDock</name>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="93"/>
        <source>One colour scale for value and gradient</source>
        <extracomment>the least time between two refreshes: stepping faster than this (playing, F10 held) shows every step on the canvas and the latest one here, about ten times a second</extracomment>
        <translation>数值和梯度使用同一色标</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="96"/>
        <source>Colour the value and the gradient against the same ±max, so colours compare (off: each symmetric about zero on its own scale, so a small gradient stays visible)</source>
        <translation>数值和梯度按同一个 ±最大值着色，颜色可以直接比较（关闭时各自以零为中心、用自己的刻度，小梯度也能看清）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="102"/>
        <source>Local derivative</source>
        <translation>局部导数</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="104"/>
        <source>PyTorch computes</source>
        <translation>PyTorch 的计算</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="106"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="107"/>
        <source>Gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="172"/>
        <source>(cannot show this node: {0})</source>
        <translation>（无法显示这个节点：{0}）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="187"/>
        <source>Select one node to read its value and gradient at this step.</source>
        <translation>选中一个节点，查看它在这一步的数值和梯度。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="221"/>
        <source>run the graph to see its value (F10 steps)</source>
        <translation>运行计算图来查看它的值（F10 单步）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="224"/>
        <source>not computed in this run</source>
        <translation>这次运行中没有计算</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="226"/>
        <source>computed at step {0} (forward), no value to show</source>
        <translation>在第 {0} 步（前向）计算，没有可显示的值</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="227"/>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="243"/>
        <source>before the run</source>
        <translation>运行之前</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="227"/>
        <source>at step {0}</source>
        <translation>在第 {0} 步</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="228"/>
        <source>computed at step {0} (forward)
now {1}: F10 steps on</source>
        <translation>在第 {0} 步（前向）计算
现在{1}：按 F10 前进</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="232"/>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="241"/>
        <source>No run yet.</source>
        <translation>还没有运行。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="244"/>
        <source>backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="244"/>
        <source>forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="245"/>
        <source>at step {0} of {1} · {2}</source>
        <translation>第 {0} 步，共 {1} 步 · {2}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="248"/>
        <source>stale: the graph changed since this run</source>
        <translation>已过期：这次运行之后计算图改变了</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="262"/>
        <source>shape {0}</source>
        <translation>形状 {0}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="280"/>
        <source>given to {0}.backward(gradient=v)</source>
        <translation>传给 {0}.backward(gradient=v)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="281"/>
        <source>passing through</source>
        <translation>正在经过</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="288"/>
        <source>value ±{0}; gradient ±{1}</source>
        <translation>数值 ±{0}；梯度 ±{1}</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="298"/>
        <source>A Python number, not a tensor: it has no .grad.</source>
        <translation>这是 Python 数字，不是张量：它没有 .grad。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="300"/>
        <source>{0} was computed under torch.no_grad(): no graph is recorded, so it has requires_grad=False, no grad_fn and no gradient can reach it.</source>
        <translation>{0} 是在 torch.no_grad() 下计算的：没有记录计算图，所以它的 requires_grad=False，没有 grad_fn，梯度也无法到达它。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="304"/>
        <source>{0} does not require grad (an input, a frozen parameter, after a detach or under no_grad): no gradient flows here, {0}.grad is None.</source>
        <translation>{0} 不需要梯度（输入、冻结的参数、detach 之后或在 no_grad 下）：没有梯度流到这里，{0}.grad 是 None。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="309"/>
        <source>{0} is not a leaf, so PyTorch does not keep its .grad (None): the gradient only passes through. Right-click &gt; Retain Grad keeps it.</source>
        <translation>{0} 不是叶子节点，所以 PyTorch 不保留它的 .grad（None）：梯度只是经过这里。右键 &gt; 保留梯度 可以保留它。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="312"/>
        <source>{0} is not a leaf: its .grad stays None unless you call {0}.retain_grad() (right-click &gt; Retain Grad).</source>
        <translation>{0} 不是叶子节点：除非调用 {0}.retain_grad()（右键 &gt; 保留梯度），它的 .grad 一直是 None。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="315"/>
        <source>backward has not reached it yet.</source>
        <translation>反向传播还没有到达它。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="316"/>
        <source>None until a backward pass reaches it.</source>
        <translation>在反向传播到达之前是 None。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="318"/>
        <source>AccumulateGrad stored this in .grad (it adds to what was there).</source>
        <translation>AccumulateGrad 把它存入了 .grad（加到原有的值上）。</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/run/inspector_run.py" line="319"/>
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
    <name>WindowMenus</name>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="36"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="38"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="47"/>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="49"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="51"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="53"/>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="55"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="59"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="61"/>
        <source>Add &amp;Node…</source>
        <translation>添加节点(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="63"/>
        <source>Add a node by name (Tab or double-click on the canvas)</source>
        <translation>按名称添加节点（在画布上按 Tab 或双击）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="65"/>
        <source>&amp;Find Node Type</source>
        <translation>查找节点类型(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="67"/>
        <source>Filter the palette</source>
        <translation>筛选节点面板</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="70"/>
        <source>&amp;History</source>
        <translation>历史(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="82"/>
        <source>&amp;Frame Selection</source>
        <translation>适应选区(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="83"/>
        <source>Fit the selection (or the whole graph) in the view</source>
        <translation>让选中部分（或整个计算图）适应视图</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="86"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="88"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="90"/>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="93"/>
        <source>Auto-&amp;layout</source>
        <translation>自动布局(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="95"/>
        <source>Arrange the graph in topological layers</source>
        <translation>按拓扑层次排列计算图</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="98"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="100"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="100"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="107"/>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="110"/>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="113"/>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="115"/>
        <source>Put the panels back where they started</source>
        <translation>把面板放回初始位置</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="122"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="125"/>
        <source>PyTorch &amp;Autograd Tutorial</source>
        <translation>PyTorch 自动求导教程(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="127"/>
        <source>Open PyTorch&apos;s autograd tutorial, which the examples follow</source>
        <translation>打开 PyTorch 的自动求导教程（示例以它为蓝本）</translation>
    </message>
    <message>
        <location filename="../../graphstudio/ui/window_menus.py" line="131"/>
        <source>&amp;About {0}</source>
        <translation>关于 {0}(&amp;A)</translation>
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
