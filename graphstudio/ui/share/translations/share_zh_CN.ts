<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Handout</name>
    <message>
        <location filename="../handout.py" line="142"/>
        <source>Notes</source>
        <extracomment>a value printed on a page is cut after this many lines</extracomment>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../handout.py" line="148"/>
        <source>{nodes} nodes. The run has {n} steps: {f} forward, {b} backward</source>
        <translation>{nodes} 个节点。运行共 {n} 步：前向 {f} 步，反向 {b} 步</translation>
    </message>
    <message>
        <location filename="../handout.py" line="153"/>
        <source> (from {loss})</source>
        <translation>（从 {loss} 开始）</translation>
    </message>
    <message>
        <location filename="../handout.py" line="157"/>
        <source>File: {name}.</source>
        <translation>文件：{name}。</translation>
    </message>
    <message>
        <location filename="../handout.py" line="178"/>
        <source>What this step did</source>
        <translation>这一步做了什么</translation>
    </message>
    <message>
        <location filename="../handout.py" line="183"/>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../handout.py" line="235"/>
        <source>page {i} of {n}</source>
        <translation>第 {i} 页，共 {n} 页</translation>
    </message>
</context>
<context>
    <name>StepText</name>
    <message>
        <location filename="../../../run/step_text.py" line="36"/>
        <source>Before the run · {n} steps</source>
        <extracomment>the translation context of every sentence here</extracomment>
        <translation>运行之前 · 共 {n} 步</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="37"/>
        <source>backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="38"/>
        <source>forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="39"/>
        <source>Step {k} of {n} · {phase}</source>
        <translation>第 {k} 步，共 {n} 步 · {phase}</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="47"/>
        <source>Before the run: nothing is computed yet; the forward pass computes the nodes one by one, then backward carries gradients back to the leaves.</source>
        <translation>运行之前：还没有计算任何东西；前向传播逐个计算节点，然后反向传播把梯度传回叶子张量。</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="70"/>
        <source> and </source>
        <translation> 和 </translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="78"/>
        <source>{name} shows the value of {inputs}.</source>
        <translation>{name} 显示 {inputs} 的值。</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="82"/>
        <source>{name} is a leaf tensor with requires_grad=False: autograd computes no gradient for it.</source>
        <translation>{name} 是 requires_grad=False 的叶子张量：autograd 不为它计算梯度。</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="86"/>
        <source>{name} is a leaf tensor with requires_grad=True: backward will store its gradient in {name}.grad.</source>
        <translation>{name} 是 requires_grad=True 的叶子张量：反向传播会把它的梯度存入 {name}.grad。</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="91"/>
        <source>{name} is computed from {inputs} under torch.no_grad(): no graph is recorded, so it has no grad_fn and requires_grad=False.</source>
        <translation>{name} 在 torch.no_grad() 下由 {inputs} 计算得到：不记录计算图，所以它没有 grad_fn，requires_grad=False。</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="95"/>
        <source>{name} is computed from {inputs}; an input requires grad, so autograd records grad_fn=&lt;{grad_fn}&gt; for the backward pass.</source>
        <translation>{name} 由 {inputs} 计算得到；有输入需要梯度，所以 autograd 记录 grad_fn=&lt;{grad_fn}&gt;，供反向传播使用。</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="99"/>
        <source>{name} is computed from {inputs} but cut from the graph (requires_grad=False): no gradient flows back through it.</source>
        <translation>{name} 由 {inputs} 计算得到，但已从计算图中断开（requires_grad=False）：梯度不会从它流回。</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="103"/>
        <source>{name} is computed from {inputs}; no input requires grad, so nothing is recorded for backward.</source>
        <translation>{name} 由 {inputs} 计算得到；没有输入需要梯度，所以不为反向传播记录任何东西。</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="109"/>
        <source>{received}, then {sent}.</source>
        <translation>{received}，然后{sent}。</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="119"/>
        <source>Backward starts at {owner}: {fn} receives the seed v given to {owner}.backward(gradient=v)</source>
        <translation>反向传播从 {owner} 开始：{fn} 接收传给 {owner}.backward(gradient=v) 的种子 v</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="122"/>
        <source>{owner}.backward() starts here: {fn} receives the gradient 1 (∂{owner}/∂{owner})</source>
        <translation>{owner}.backward() 从这里开始：{fn} 接收梯度 1（∂{owner}/∂{owner}）</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="125"/>
        <source>{fn} sums the {n} gradients that arrived from {sources}</source>
        <translation>{fn} 把来自 {sources} 的 {n} 个梯度相加</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="130"/>
        <source>{fn} receives the gradient of {owner}</source>
        <translation>{fn} 接收 {owner} 的梯度</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="139"/>
        <source>leaves {leaf}.grad unchanged</source>
        <translation>保持 {leaf}.grad 不变</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="141"/>
        <source>stores it in {leaf}.grad (it was None)</source>
        <translation>把它存入 {leaf}.grad（原来是 None）</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="143"/>
        <source>adds it to what {leaf}.grad already held</source>
        <translation>把它累加到 {leaf}.grad 已有的值上</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="146"/>
        <source>applies the chain rule and sends the result back to {targets}</source>
        <translation>按链式法则把结果传回 {targets}</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="150"/>
        <source>passes it on to the next grad_fn inside {owner}</source>
        <translation>把它传给 {owner} 内部的下一个 grad_fn</translation>
    </message>
    <message>
        <location filename="../../../run/step_text.py" line="152"/>
        <source>sends no gradient further (no input requires grad)</source>
        <translation>不再向后传梯度（没有输入需要梯度）</translation>
    </message>
</context>
</TS>
