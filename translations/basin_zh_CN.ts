<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="24"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="25"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="26"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="22"/>
        <source>Levels</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../app/gui/render_settings.cpp" line="67"/>
        <source>&apos;%1&apos; is not a number; give loss levels separated by commas</source>
        <translation>&apos;%1&apos; 不是数字；请用逗号分隔给出损失值</translation>
    </message>
    <message>
        <location filename="../app/gui/help.cpp" line="52"/>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <location filename="../app/gui/help.cpp" line="61"/>
        <source>&lt;h2&gt;Basin in five minutes&lt;/h2&gt;&lt;p&gt;A &lt;b&gt;loss surface&lt;/b&gt; is the loss of a trained network at the points &amp;theta;* + x&amp;middot;d&lt;sub&gt;1&lt;/sub&gt; + y&amp;middot;d&lt;sub&gt;2&lt;/sub&gt; of a plane through its weights &amp;theta;*. The directions d&lt;sub&gt;1&lt;/sub&gt;, d&lt;sub&gt;2&lt;/sub&gt; are random and &lt;b&gt;filter-normalized&lt;/b&gt; (each filter scaled to the norm of the network&apos;s own), so surfaces of different networks can be compared (Li et al., 2018).&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Open&lt;/b&gt; a trained model and a data set (File &amp;gt; Open, File &amp;gt; Open data folder, or drop them on the window): Basin&apos;s HDF5 checkpoints, ONNX exports, PyTorch files (torch.save), safetensors; MNIST, Fashion-MNIST, CIFAR-10/100 folders.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Compute&lt;/b&gt; (Compute &amp;gt; Surface, Ctrl+R): pick the architecture if the file holds only weights, the normalization of the training script, 51 x 51 points over [-1, 1]&amp;sup2; and, to start, 1,000 images. The surface fills in from coarse to fine; Cancel whenever you like, computing again resumes.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Look&lt;/b&gt;: the 3-D view turns with the left mouse button and zooms with the wheel; the contour view shows the levels and, for a PCA plane, the training path. Render settings (right) switch to the log scale, clip, change colors. The status bar reads the loss under the cursor.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Compare&lt;/b&gt;: compute the same for the network without skip connections, select both surfaces in the Session panel (Ctrl+click) and press Ctrl+M. One color scale, cameras that turn together, and numbers: the &lt;b&gt;non-convex share&lt;/b&gt; is the share of grid points where the surface curves down along some direction; low for a smooth basin, high for a chaotic one.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Trajectory&lt;/b&gt; (Compute &amp;gt; Trajectory, Ctrl+T): the PCA of a folder of checkpoints; Basin then offers the surface on that plane, with the path drawn on it.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Export&lt;/b&gt; (File &amp;gt; Export figure, Ctrl+E): contour, heat and 1-D figures as PDF or SVG, any view as PNG, in pixels, inches, cm or a journal column.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;The same computations run headless on a cluster with &lt;tt&gt;basin-cli&lt;/tt&gt; (&lt;tt&gt;basin-cli --help&lt;/tt&gt;).&lt;/p&gt;</source>
        <translation>&lt;h2&gt;五分钟上手 Basin&lt;/h2&gt;&lt;p&gt;&lt;b&gt;损失曲面&lt;/b&gt;是训练好的网络在穿过其权重 &amp;theta;* 的平面上各点 &amp;theta;* + x&amp;middot;d&lt;sub&gt;1&lt;/sub&gt; + y&amp;middot;d&lt;sub&gt;2&lt;/sub&gt; 处的损失。方向 d&lt;sub&gt;1&lt;/sub&gt;、d&lt;sub&gt;2&lt;/sub&gt; 是随机的，并经过&lt;b&gt;滤波器归一化&lt;/b&gt;（每个滤波器缩放到网络自身对应滤波器的范数），因此不同网络的曲面可以相互比较（Li 等，2018）。&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;打开&lt;/b&gt;训练好的模型和数据集（文件 &amp;gt; 打开、文件 &amp;gt; 打开数据文件夹，或拖放到窗口）：Basin 的 HDF5 检查点、ONNX 导出、PyTorch 文件（torch.save）、safetensors；MNIST、Fashion-MNIST、CIFAR-10/100 文件夹。&lt;/li&gt;&lt;li&gt;&lt;b&gt;计算&lt;/b&gt;（计算 &amp;gt; 曲面，Ctrl+R）：如果文件只含权重，请选择架构；选择训练脚本所用的归一化、[-1, 1]&amp;sup2; 上 51 x 51 个点，开始时用 1,000 张图像。曲面由粗到细逐步填充；可随时取消，再次计算会继续。&lt;/li&gt;&lt;li&gt;&lt;b&gt;查看&lt;/b&gt;：3-D 视图用鼠标左键旋转、用滚轮缩放；等高线视图显示等值线，在 PCA 平面上还显示训练路径。右侧的渲染设置可切换对数刻度、截断、更改颜色。状态栏显示光标处的损失。&lt;/li&gt;&lt;li&gt;&lt;b&gt;比较&lt;/b&gt;：对不带跳跃连接的网络做同样的计算，在会话面板中选中两个曲面（Ctrl+单击）并按 Ctrl+M。统一的色标、同步旋转的相机以及数值：&lt;b&gt;非凸比例&lt;/b&gt;是曲面沿某个方向向下弯曲的网格点所占的比例；平滑的盆地较低，混乱的曲面较高。&lt;/li&gt;&lt;li&gt;&lt;b&gt;轨迹&lt;/b&gt;（计算 &amp;gt; 轨迹，Ctrl+T）：对一个文件夹的检查点做 PCA；随后 Basin 提供在该平面上计算曲面，并在其上绘制路径。&lt;/li&gt;&lt;li&gt;&lt;b&gt;导出&lt;/b&gt;（文件 &amp;gt; 导出图像，Ctrl+E）：等高线图、热图和 1-D 图可导出为 PDF 或 SVG，任何视图可导出为 PNG，尺寸可用像素、英寸、厘米或期刊栏宽。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;同样的计算可在集群上用 &lt;tt&gt;basin-cli&lt;/tt&gt; 无界面运行（&lt;tt&gt;basin-cli --help&lt;/tt&gt;）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/help.cpp" line="93"/>
        <source>Guide</source>
        <translation>指南</translation>
    </message>
    <message>
        <location filename="../app/gui/help.cpp" line="103"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../app/gui/help.cpp" line="103"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../app/gui/help.cpp" line="112"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../app/gui/help.cpp" line="122"/>
        <source>About Basin</source>
        <translation>关于 Basin</translation>
    </message>
    <message>
        <location filename="../app/gui/help.cpp" line="123"/>
        <source>&lt;h3&gt;Basin %1&lt;/h3&gt;&lt;p&gt;Loss landscapes of neural networks: filter-normalized surfaces, PCA training trajectories, plain vs skip-connection comparisons.&lt;/p&gt;&lt;p&gt;If Basin helps your research, please cite the method:&lt;br&gt;&lt;i&gt;%2&lt;/i&gt;&lt;/p&gt;&lt;p&gt;Licence: proprietary, © the Basin authors. Built on Qt %3 (LGPL 3), VTK %4 (BSD), HDF5 %5.%6.%7 (BSD-style), Eigen %8.%9.%10 (MPL 2), ONNX (Apache 2).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Basin %1&lt;/h3&gt;&lt;p&gt;神经网络的损失景观：滤波器归一化曲面、PCA 训练轨迹、有无跳跃连接的比较。&lt;/p&gt;&lt;p&gt;如果 Basin 对您的研究有帮助，请引用该方法：&lt;br&gt;&lt;i&gt;%2&lt;/i&gt;&lt;/p&gt;&lt;p&gt;许可：专有，© Basin 作者。基于 Qt %3（LGPL 3）、VTK %4（BSD）、HDF5 %5.%6.%7（类 BSD）、Eigen %8.%9.%10（MPL 2）、ONNX（Apache 2）。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>basin::gui::ArchChoice</name>
    <message>
        <location filename="../app/gui/arch_choice.cpp" line="15"/>
        <source>From the file (checkpoint, ONNX)</source>
        <translation>来自文件（检查点、ONNX）</translation>
    </message>
    <message>
        <location filename="../app/gui/arch_choice.cpp" line="19"/>
        <source>PyTorch and safetensors weights need the zoo architecture they belong to, or the path of an ONNX export of the same model</source>
        <translation>PyTorch 和 safetensors 权重需要指定其所属的模型库架构，或同一模型的 ONNX 导出文件路径</translation>
    </message>
    <message>
        <location filename="../app/gui/arch_choice.cpp" line="23"/>
        <source>input channels: </source>
        <translation>输入通道数：</translation>
    </message>
</context>
<context>
    <name>basin::gui::CompareView</name>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="44"/>
        <source>Non-convex share: the share of grid points where the surface curves down along some direction (the discrete Hessian&apos;s smallest eigenvalue is below -1 % of its largest in magnitude). Low for smooth, convex-looking basins; high for chaotic ones.</source>
        <translation>非凸比例：曲面在某个方向上向下弯曲的网格点所占的比例（离散 Hessian 矩阵的最小特征值低于其绝对值最大特征值的 -1 %）。平滑、近似凸的盆地该值低；混乱的曲面该值高。</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="50"/>
        <source>3-D surfaces</source>
        <translation>三维曲面</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="51"/>
        <source>Contour lines</source>
        <translation>等高线</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="52"/>
        <source>Filled contours</source>
        <translation>填充等高线</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="53"/>
        <source>Heat maps</source>
        <translation>热图</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="63"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="100"/>
        <source>Select two or more surfaces in the Session panel (Ctrl+click), then View &gt; Compare selected surfaces (Ctrl+M).</source>
        <translation>在会话面板中选择两个或更多曲面（Ctrl+单击），然后选择 视图 &gt; 比较所选曲面（Ctrl+M）。</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="178"/>
        <source>A 1-D surface: compare 1-D surfaces in the 1-D tab.</source>
        <translation>一维曲面：请在“一维”标签页中比较一维曲面。</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="260"/>
        <source>Curvature along x</source>
        <translation>沿 x 的曲率</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="260"/>
        <source>Curvature along y</source>
        <translation>沿 y 的曲率</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="261"/>
        <source>Surface</source>
        <translation>曲面</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="261"/>
        <source>Loss at centre</source>
        <translation>中心处损失</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="261"/>
        <source>Accuracy at centre</source>
        <translation>中心处准确率</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="262"/>
        <source>Minimum loss</source>
        <translation>最小损失</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="327"/>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="333"/>
        <source>Over %1 seeds: mean %2, standard deviation %3, from %4 to %5</source>
        <translation>%1 个种子：均值 %2，标准差 %3，范围 %4 至 %5</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="359"/>
        <source>Smoothest: &lt;b&gt;%1&lt;/b&gt; (%2 of its points curve down). Roughest: &lt;b&gt;%3&lt;/b&gt; (%4).</source>
        <translation>最平滑：&lt;b&gt;%1&lt;/b&gt;（%2 的点向下弯曲）。最粗糙：&lt;b&gt;%3&lt;/b&gt;（%4）。</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="380"/>
        <source>%1 (the seeds agree exactly)</source>
        <translation>%1（各种子完全一致）</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="382"/>
        <source>%1 (%2 sd)</source>
        <translation>%1（%2 个标准差）</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="386"/>
        <source>Compute both with several seeds to tell their difference from the choice of random directions.</source>
        <translation>请用多个种子计算两者，以区分其差异与随机方向的选择。</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="390"/>
        <source>No measure of &lt;b&gt;%1&lt;/b&gt; and &lt;b&gt;%2&lt;/b&gt; differs by %3 pooled standard deviations of the seeds: the random directions may explain the difference.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 与 &lt;b&gt;%2&lt;/b&gt; 没有任何度量相差 %3 个种子合并标准差：随机方向可能解释这一差异。</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="394"/>
        <source>&lt;b&gt;%1&lt;/b&gt; and &lt;b&gt;%2&lt;/b&gt; differ by more than the spread between seeds in %3 (sd: pooled standard deviations of the seeds).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 与 &lt;b&gt;%2&lt;/b&gt; 在以下度量上的差异超过种子间的离散：%3（标准差：种子的合并标准差）。</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="396"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="259"/>
        <source>Area below %1</source>
        <translation>低于 %1 的面积</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="260"/>
        <source>Non-convex share</source>
        <translation>非凸比例</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="285"/>
        <source>%1 (%2 seeds)</source>
        <translation>%1（%2 个种子）</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="286"/>
        <source>The first seed&apos;s</source>
        <translation>第一个种子的值</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="302"/>
        <source>%1 (%2 %)</source>
        <translation>%1（%2 %）</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="357"/>
        <source>The surfaces are equally smooth by the non-convex share.</source>
        <translation>按非凸比例衡量，这些曲面同样平滑。</translation>
    </message>
</context>
<context>
    <name>basin::gui::ComputeDialog</name>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="47"/>
        <source>Compute a loss surface</source>
        <translation>计算损失曲面</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="50"/>
        <source>Model and data</source>
        <translation>模型与数据</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="53"/>
        <location filename="../app/gui/compute_dialog.cpp" line="211"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="53"/>
        <location filename="../app/gui/compute_dialog.cpp" line="59"/>
        <location filename="../app/gui/compute_dialog.cpp" line="136"/>
        <location filename="../app/gui/compute_dialog.cpp" line="157"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="55"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="58"/>
        <source>mnist:FOLDER, fashion:FOLDER, cifar10:FOLDER, cifar100:FOLDER or h5:FILE</source>
        <translation>mnist:文件夹、fashion:文件夹、cifar10:文件夹、cifar100:文件夹 或 h5:文件</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="59"/>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="61"/>
        <source>Training split</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="62"/>
        <source>Test split</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="64"/>
        <source>Split</source>
        <translation>数据划分</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="66"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="67"/>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="69"/>
        <source>the first samples</source>
        <translation>前若干个样本</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="70"/>
        <source>With a seed, the samples are drawn at random</source>
        <translation>指定种子时随机抽取样本</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="71"/>
        <source>Subset seed</source>
        <translation>子集种子</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="76"/>
        <location filename="../app/gui/compute_dialog.cpp" line="113"/>
        <source>Normalization</source>
        <translation>归一化</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="78"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="79"/>
        <source>Zero padding</source>
        <translation>零填充</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="80"/>
        <source>Repeat a grey channel as RGB</source>
        <translation>将灰度通道复制为 RGB</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="85"/>
        <source>Grid and directions</source>
        <translation>网格与方向</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="94"/>
        <source> points</source>
        <translation> 个点</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="96"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="101"/>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="102"/>
        <source>2-D surface</source>
        <translation>二维曲面</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="106"/>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="114"/>
        <source>Leave biases and BatchNorm unchanged (biasbn)</source>
        <translation>保持偏置和 BatchNorm 不变（biasbn）</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="118"/>
        <source>weights</source>
        <translation>weights（权重）</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="119"/>
        <source>states (with BatchNorm statistics)</source>
        <translation>states（含 BatchNorm 统计量）</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="121"/>
        <source>Direction type</source>
        <translation>方向类型</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="123"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="125"/>
        <source> seeds</source>
        <translation> 个种子</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="127"/>
        <source>Compute the surface along the random directions of this many seeds (the seed, the seed + 1, ...) to see how much its measures depend on the directions: the Compare tab then shows each measure&apos;s mean and spread. Costs one surface per seed.</source>
        <translation>沿这么多个种子（种子、种子 + 1、……）的随机方向计算曲面，以查看其度量在多大程度上取决于方向：比较页随后显示每个度量的均值和离散。每个种子耗费一个曲面的计算。</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="130"/>
        <source>Seeds</source>
        <translation>种子数</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="132"/>
        <source>new random directions, saved beside the surface</source>
        <translation>新的随机方向，保存在曲面文件旁</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="134"/>
        <source>A direction file (e.g. a trajectory&apos;s PCA directions) to use instead of random directions</source>
        <translation>使用方向文件（例如训练轨迹的 PCA 方向）代替随机方向</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="136"/>
        <location filename="../app/gui/compute_dialog.cpp" line="138"/>
        <source>Direction file</source>
        <translation>方向文件</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="138"/>
        <source>HDF5 (*.h5)</source>
        <translation>HDF5 (*.h5)</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="143"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="146"/>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="147"/>
        <source>MSE on softmax</source>
        <translation>softmax 上的均方误差</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="149"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="151"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="154"/>
        <source>This machine has %1 hardware threads</source>
        <translation>本机有 %1 个硬件线程</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="155"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="157"/>
        <location filename="../app/gui/compute_dialog.cpp" line="227"/>
        <source>Surface file</source>
        <translation>曲面文件</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="164"/>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="212"/>
        <source>Models (*.h5 *.onnx *.pt *.pth *.t7 *.safetensors);;All files (*)</source>
        <translation>模型 (*.h5 *.onnx *.pt *.pth *.t7 *.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="218"/>
        <source>Folder with MNIST (IDX) or CIFAR (.bin) files</source>
        <translation>包含 MNIST（IDX）或 CIFAR（.bin）文件的文件夹</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="228"/>
        <source>HDF5 surface (*.h5)</source>
        <translation>HDF5 曲面 (*.h5)</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="237"/>
        <source>Choose a model.</source>
        <translation>请选择模型。</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="239"/>
        <source>Choose a data set.</source>
        <translation>请选择数据集。</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="241"/>
        <source>Choose where the surface file goes.</source>
        <translation>请选择曲面文件的保存位置。</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="243"/>
        <source>Each axis must run from a smaller to a larger value.</source>
        <translation>每个坐标轴必须从较小值到较大值。</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="253"/>
        <source>%1 exists. Resume it (compute only its missing points) or replace it?</source>
        <translation>%1 已存在。继续计算（只计算缺失的点）还是替换？</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="255"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="256"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="309"/>
        <source>Loading the model and the data…</source>
        <translation>正在加载模型和数据…</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="318"/>
        <source>set “Zero padding” to %1 px</source>
        <translation>将“零填充”设为 %1 像素</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="319"/>
        <source>tick “Repeat a grey channel as RGB”</source>
        <translation>勾选“将灰度通道复制为 RGB”</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="320"/>
        <source>In the compute dialog, %1 and %2.</source>
        <translation>在计算对话框中，%1，并%2。</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="321"/>
        <location filename="../app/gui/compute_dialog.cpp" line="322"/>
        <source>In the compute dialog, %1.</source>
        <translation>在计算对话框中，%1。</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="323"/>
        <source>Choose a data set whose images fit this model.</source>
        <translation>请选择图像与此模型匹配的数据集。</translation>
    </message>
</context>
<context>
    <name>basin::gui::DemoBanner</name>
    <message>
        <location filename="../app/gui/help.cpp" line="144"/>
        <source>&lt;b&gt;The demo:&lt;/b&gt; ResNet-20 with skip connections (left) and the same network without them (right), trained on MNIST. Each surface is the test loss on a plane through the trained weights along two random, filter-normalized directions, on a log scale. The plain network&apos;s surface is rougher: its &lt;b&gt;non-convex share&lt;/b&gt; (the share of points where the surface curves down) is higher. Next: turn a view with the mouse, click a &lt;i&gt;_pca&lt;/i&gt; surface in the Session panel and open the Contour tab to see its training path, or compute your own (Compute &amp;gt; Surface) — Help &amp;gt; Guide walks through it.</source>
        <translation>&lt;b&gt;演示：&lt;/b&gt;带跳跃连接的 ResNet-20（左）和去掉跳跃连接的同一网络（右），在 MNIST 上训练。每个曲面都是沿两个随机、滤波器归一化的方向穿过训练权重的平面上的测试损失，采用对数刻度。无跳跃连接网络的曲面更粗糙：其&lt;b&gt;非凸比例&lt;/b&gt;（曲面向下弯曲的点所占比例）更高。下一步：用鼠标旋转视图，在会话面板中单击一个 &lt;i&gt;_pca&lt;/i&gt; 曲面并打开等高线标签页查看其训练路径，或计算您自己的曲面（计算 &amp;gt; 曲面）——帮助 &amp;gt; 指南会带您完成。</translation>
    </message>
    <message>
        <location filename="../app/gui/help.cpp" line="152"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>basin::gui::ExportDialog</name>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="27"/>
        <location filename="../app/gui/export_dialog.cpp" line="103"/>
        <source>Export figure</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="32"/>
        <source>3-D surface</source>
        <translation>三维曲面</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="33"/>
        <source>Contour lines</source>
        <translation>等高线</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="34"/>
        <source>Filled contours</source>
        <translation>填充等高线</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="35"/>
        <source>Heat map</source>
        <translation>热图</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="37"/>
        <source>1-D loss and accuracy</source>
        <translation>一维损失与准确率</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="40"/>
        <source>Figure</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="43"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="47"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="50"/>
        <source>Single column (%1 × %2 in)</source>
        <translation>单栏 (%1 × %2 英寸)</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="51"/>
        <source>Double column (%1 × %2 in)</source>
        <translation>双栏 (%1 × %2 英寸)</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="55"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="65"/>
        <source>px</source>
        <translation>像素</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="66"/>
        <source>in</source>
        <translation>英寸</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="67"/>
        <source>cm</source>
        <translation>厘米</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="82"/>
        <source>Text is sized in points: twice the pixels at twice the DPI look the same, only sharper</source>
        <translation>文字以磅为单位：像素加倍且 DPI 加倍时外观相同，只是更清晰</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="84"/>
        <source>DPI</source>
        <translation>DPI</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="87"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="88"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="89"/>
        <source>Draw the training trajectory (contour and heat maps)</source>
        <translation>绘制训练轨迹（等高线图和热图）</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="98"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="101"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="196"/>
        <source>%1 × %2 px, %3 × %4 in</source>
        <translation>%1 × %2 像素，%3 × %4 英寸</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="212"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="214"/>
        <source>PDF, vector (*.pdf)</source>
        <translation>PDF，矢量图 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="214"/>
        <source>PDF holding the image (*.pdf)</source>
        <translation>包含图像的 PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="216"/>
        <source>SVG, vector (*.svg)</source>
        <translation>SVG，矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="255"/>
        <source>%1 exists. Replace it?</source>
        <translation>%1 已存在。要替换吗？</translation>
    </message>
</context>
<context>
    <name>basin::gui::GuardedApplication</name>
    <message>
        <location filename="../app/gui/guarded_application.cpp" line="16"/>
        <source>an unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <location filename="../app/gui/guarded_application.cpp" line="22"/>
        <source>Basin could not finish this action:

%1</source>
        <translation>Basin 无法完成此操作：

%1</translation>
    </message>
</context>
<context>
    <name>basin::gui::Inspector</name>
    <message>
        <location filename="../app/gui/inspector.cpp" line="38"/>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="40"/>
        <source>Show accuracy instead of loss</source>
        <translation>显示准确率而非损失</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="43"/>
        <source>Log scale: log(loss + 0.1)</source>
        <translation>对数刻度：log(损失 + 0.1)</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="46"/>
        <source>Clip losses above</source>
        <translation>截断高于此值的损失</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="55"/>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="55"/>
        <source>Magma</source>
        <translation>Magma</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="55"/>
        <source>Cool-warm</source>
        <translation>冷暖</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="55"/>
        <source>Summer</source>
        <translation>Summer</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="55"/>
        <source>Grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="57"/>
        <source>Colormap</source>
        <translation>配色方案</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="60"/>
        <source>3-D surface</source>
        <translation>三维曲面</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="67"/>
        <source>Vertical exaggeration</source>
        <translation>垂直放大</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="68"/>
        <source>Lighting</source>
        <translation>光照</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="73"/>
        <source>Contour and heat map</source>
        <translation>等高线与热图</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="76"/>
        <source>Contour lines</source>
        <translation>等高线</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="76"/>
        <source>Filled contours</source>
        <translation>填充等高线</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="76"/>
        <source>Heat map</source>
        <translation>热图</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="78"/>
        <source>Style</source>
        <translation>样式</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="81"/>
        <source>first:last:step in loss units, as the reference&apos;s vmin:vmax:vlevel</source>
        <translation>起始:结束:步长（损失单位），同参考实现的 vmin:vmax:vlevel</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="83"/>
        <source>Levels</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="84"/>
        <source>Label the contour lines</source>
        <translation>标注等高线</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="87"/>
        <source>Show the training trajectory</source>
        <translation>显示训练轨迹</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="92"/>
        <source>Comparison</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="94"/>
        <source>One color scale and height range</source>
        <translation>统一的颜色刻度和高度范围</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="100"/>
        <source>Loss levels for the area measure, separated by commas</source>
        <translation>面积度量的损失级别，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="102"/>
        <source>Area below</source>
        <translation>低于以下值的面积</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="133"/>
        <source>Still drawn with: %1</source>
        <translation>仍按此绘制：%1</translation>
    </message>
</context>
<context>
    <name>basin::gui::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="70"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="71"/>
        <location filename="../app/gui/main_window.cpp" line="336"/>
        <source>Basin — loss landscapes</source>
        <translation>Basin — 损失景观</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="77"/>
        <source>3-D surface</source>
        <translation>三维曲面</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="78"/>
        <source>Contour / heat map</source>
        <translation>等高线 / 热图</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="79"/>
        <source>1-D</source>
        <translation>一维</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="80"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="89"/>
        <location filename="../app/gui/main_window.cpp" line="259"/>
        <source>Open a surface file (File &gt; Open, or drop it here), or compute one (Compute &gt; Surface).</source>
        <translation>打开一个曲面文件（文件 &gt; 打开，或拖放到此处），或计算一个（计算 &gt; 曲面）。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="99"/>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="104"/>
        <source>Render settings</source>
        <translation>渲染设置</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="117"/>
        <source>%1 lies on the plane of %2; it is drawn on surfaces computed on that plane only.</source>
        <translation>%1 位于 %2 的平面上；只在该平面上计算的曲面上绘制。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="120"/>
        <source>an unknown direction file</source>
        <translation>未知的方向文件</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="142"/>
        <source>%v / %m points</source>
        <translation>%v / %m 个点</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="170"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="171"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="172"/>
        <source>Open data &amp;folder…</source>
        <translation>打开数据文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="172"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="174"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="177"/>
        <source>&amp;Export figure…</source>
        <translation>导出图表(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="177"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="179"/>
        <source>Export co&amp;mpare figure…</source>
        <translation>导出比较图表(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="179"/>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="182"/>
        <source>Export &amp;data (VTS, VTP, CSV)…</source>
        <translation>导出数据(&amp;D)（VTS、VTP、CSV）…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="182"/>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="184"/>
        <source>&amp;Copy image</source>
        <translation>复制图像(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="184"/>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="187"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="188"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="190"/>
        <source>&amp;Compute</source>
        <translation>计算(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="191"/>
        <source>&amp;Surface…</source>
        <translation>曲面(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="191"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="192"/>
        <source>&amp;Trajectory…</source>
        <translation>训练轨迹(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="192"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="194"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="194"/>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="196"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="197"/>
        <source>&amp;Reset camera</source>
        <translation>重置相机(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="197"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="198"/>
        <source>Compare selected &amp;surfaces</source>
        <translation>比较所选曲面(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="198"/>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="200"/>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="213"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="214"/>
        <source>&amp;Guide</source>
        <translation>指南(&amp;G)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="215"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="221"/>
        <source>&amp;Demo: plain vs skip connections</source>
        <translation>演示(&amp;D)：普通网络与跳跃连接</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="223"/>
        <source>&amp;About Basin</source>
        <translation>关于 Basin(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="227"/>
        <location filename="../app/gui/main_window.cpp" line="377"/>
        <source>Basin</source>
        <translation>Basin</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="332"/>
        <source>Compare %1 — Basin</source>
        <translation>比较 %1 — Basin</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="332"/>
        <source> vs </source>
        <translation> 对比 </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="334"/>
        <source>%1 — Basin</source>
        <translation>%1 — Basin</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="271"/>
        <source>A 1-D surface: see the 1-D tab.</source>
        <translation>一维曲面：请查看“一维”标签页。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="293"/>
        <source>Slice at y = 0</source>
        <translation>y = 0 处的切片</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="321"/>
        <source>Select two or more surfaces in the Session panel to compare them.</source>
        <translation>请在“会话”面板中选择两个或更多曲面进行比较。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="352"/>
        <source>Image copied (%1 × %2 pixels)</source>
        <translation>图像已复制（%1 × %2 像素）</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="357"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="360"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="366"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="367"/>
        <source>The language changes at the next start.</source>
        <translation>语言将在下次启动时更改。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="378"/>
        <source>A surface is being computed. Stop it and quit? The points computed so far are saved; computing again resumes.</source>
        <translation>正在计算曲面。停止并退出吗？已计算的点已保存；再次计算会继续。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="46"/>
        <source>Basin: explore the loss landscapes of neural networks.</source>
        <translation>Basin：探索神经网络的损失景观。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="49"/>
        <source>Open the bundled demo: a residual network and its plain twin side by side.</source>
        <translation>打开内置演示：并排显示残差网络及其无捷径连接的孪生网络。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="52"/>
        <source>Models, data sets, surface, direction or projection files to open.</source>
        <translation>要打开的模型、数据集、曲面文件、方向文件或投影文件。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="58"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="59"/>
        <source>Basin files (*.h5 *.hdf5 *.onnx *.pt *.pth *.t7 *.safetensors *-ubyte *-ubyte.gz *.bin);;All files (*)</source>
        <translation>Basin 文件 (*.h5 *.hdf5 *.onnx *.pt *.pth *.t7 *.safetensors *-ubyte *-ubyte.gz *.bin);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="67"/>
        <source>Folder with MNIST / Fashion-MNIST (IDX) or CIFAR (.bin) files</source>
        <translation>包含 MNIST / Fashion-MNIST (IDX) 或 CIFAR (.bin) 文件的文件夹</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="86"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="96"/>
        <source>Could not open %1:

%2</source>
        <translation>无法打开 %1：

%2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="115"/>
        <source>%1 points not computed yet</source>
        <translation>%1 个点尚未计算</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="121"/>
        <source>%1 checkpoints</source>
        <translation>%1 个检查点</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="128"/>
        <source>PCA directions: %1 % and %2 % of the variance</source>
        <translation>PCA 方向：解释了 %1 % 和 %2 % 的方差</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="138"/>
        <source>, %1, %2 parameters</source>
        <translation>，%1，%2 个参数</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="142"/>
        <source> (weights only: choose its architecture when computing)</source>
        <translation>（仅权重：计算时请选择其架构）</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="156"/>
        <source>an error of unknown kind while reading it</source>
        <translation>读取时发生未知类型的错误</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="182"/>
        <source>1,000 MNIST test images (--normalize mnist --pad 2)</source>
        <translation>1,000 张 MNIST 测试图像（--normalize mnist --pad 2）</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="199"/>
        <source>The demo is incomplete (compute its surfaces with resources/demo/make_surfaces.sh):
%1</source>
        <translation>演示不完整（请用 resources/demo/make_surfaces.sh 计算其曲面）：
%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="219"/>
        <source>Resume?</source>
        <translation>继续计算？</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="220"/>
        <source>%1 is not finished. Compute its missing points now?</source>
        <translation>%1 尚未完成。现在计算缺失的点吗？</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="230"/>
        <source>%1 does not record how it was computed (a file of the reference implementation or of an older Basin): use Compute &gt; Surface.</source>
        <translation>%1 没有记录其计算方式（参考实现或旧版 Basin 的文件）：请使用“计算 &gt; 曲面”。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="278"/>
        <location filename="../app/gui/main_window_files.cpp" line="333"/>
        <source>Show a surface first: open one or compute one.</source>
        <translation>请先显示一个曲面：打开或计算一个。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="296"/>
        <location filename="../app/gui/main_window_files.cpp" line="321"/>
        <source>the figure</source>
        <translation>图</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="299"/>
        <source>Figure written to %1</source>
        <translation>图表已写入 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="301"/>
        <location filename="../app/gui/main_window_files.cpp" line="326"/>
        <source>Could not export the figure %1:

%2</source>
        <translation>无法导出图表 %1：

%2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="308"/>
        <source>Compare two or more surfaces first: select them in the Session panel (Ctrl+click), then View &gt; Compare selected surfaces (Ctrl+M).</source>
        <translation>请先比较两个或更多曲面：在会话面板中选择它们（Ctrl+单击），然后选择 视图 &gt; 比较所选曲面（Ctrl+M）。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="314"/>
        <source>Export compare figure</source>
        <translation>导出比较图表</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="324"/>
        <source>Compare figure written to %1</source>
        <translation>比较图表已写入 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="337"/>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="338"/>
        <source>VTK structured grid, all arrays (*.vts);;ParaView surface of the shown array (*.vtp);;CSV table (*.csv)</source>
        <translation>VTK 结构网格，全部数组 (*.vts);;所示数组的 ParaView 曲面 (*.vtp);;CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="344"/>
        <source>the export</source>
        <translation>导出文件</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="346"/>
        <source>Data written to %1</source>
        <translation>数据已写入 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="348"/>
        <source>Could not export %1:

%2</source>
        <translation>无法导出 %1：

%2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="102"/>
        <source>A surface is being computed; cancel it first.</source>
        <translation>正在计算曲面，请先取消。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="144"/>
        <source>being computed</source>
        <translation>正在计算</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="155"/>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="155"/>
        <source>estimating the time left</source>
        <translation>正在估算剩余时间</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="157"/>
        <source>Computing %1: %2 of %3 points, %4</source>
        <translation>正在计算 %1：%3 个点中的 %2 个，%4</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="168"/>
        <source>Surface saved to %1</source>
        <translation>曲面已保存到 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="173"/>
        <source>Stopped: %1 of %2 points are saved in %3; compute again to resume.</source>
        <translation>已停止：%2 个点中的 %1 个已保存到 %3；再次计算即可继续。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="186"/>
        <source>The computation stopped:

%1</source>
        <translation>计算已停止：

%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="214"/>
        <source>A trajectory is being computed; wait for it to finish.</source>
        <translation>正在计算训练轨迹，请等待其完成。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="219"/>
        <source>Computing the trajectory&apos;s PCA…</source>
        <translation>正在计算训练轨迹的 PCA…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="225"/>
        <source>Loaded %1 of %2 checkpoints</source>
        <translation>已加载 %2 个检查点中的 %1 个</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="232"/>
        <source>The trajectory could not be computed:

%1</source>
        <translation>无法计算训练轨迹：

%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="252"/>
        <source>Trajectory: %1 checkpoints; the PCA plane holds %2 % of the variance (%3 % + %4 %)</source>
        <translation>训练轨迹：%1 个检查点；PCA 平面解释了 %2 % 的方差（%3 % + %4 %）</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="260"/>
        <source>Trajectory</source>
        <translation>训练轨迹</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="261"/>
        <source>Compute the loss surface on this PCA plane now?</source>
        <translation>现在计算该 PCA 平面上的损失曲面吗？</translation>
    </message>
</context>
<context>
    <name>basin::gui::ProjectPanel</name>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="22"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="22"/>
        <source>Data sets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="22"/>
        <source>Direction sets</source>
        <translation>方向集</translation>
    </message>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="22"/>
        <source>Surfaces</source>
        <translation>曲面</translation>
    </message>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="23"/>
        <source>Trajectories</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="121"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="123"/>
        <source>Compute similar…</source>
        <translation>计算类似曲面…</translation>
    </message>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="126"/>
        <source>Resume…</source>
        <translation>继续…</translation>
    </message>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="130"/>
        <source>Compare selected surfaces</source>
        <translation>比较所选曲面</translation>
    </message>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="134"/>
        <source>Remove from the session</source>
        <translation>从会话中移除</translation>
    </message>
</context>
<context>
    <name>basin::gui::SurfaceView</name>
    <message>
        <location filename="../app/gui/surface_view.cpp" line="160"/>
        <source>not computed yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <location filename="../app/gui/surface_view.cpp" line="163"/>
        <source>x = %1, y = %2: %3 loss %4</source>
        <translation>x = %1, y = %2：%3 损失 %4</translation>
    </message>
    <message>
        <location filename="../app/gui/surface_view.cpp" line="169"/>
        <source>, accuracy %1 %</source>
        <translation>，准确率 %1 %</translation>
    </message>
</context>
<context>
    <name>basin::gui::TrajectoryDialog</name>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="21"/>
        <source>Compute a training trajectory</source>
        <translation>计算训练轨迹</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="26"/>
        <source>a folder of checkpoints, or a pattern: run/model_*.pt</source>
        <translation>检查点文件夹，或模式：run/model_*.pt</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="27"/>
        <location filename="../app/gui/trajectory_dialog.cpp" line="28"/>
        <source>Checkpoints</source>
        <translation>检查点</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="27"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="32"/>
        <source>the last checkpoint</source>
        <translation>最后一个检查点</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="33"/>
        <location filename="../app/gui/trajectory_dialog.cpp" line="34"/>
        <source>Final model</source>
        <translation>最终模型</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="33"/>
        <location filename="../app/gui/trajectory_dialog.cpp" line="52"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="38"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="40"/>
        <source>weights</source>
        <translation>weights（权重）</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="41"/>
        <source>states (with BatchNorm statistics)</source>
        <translation>states（含 BatchNorm 统计量）</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="43"/>
        <source>Direction type</source>
        <translation>方向类型</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="44"/>
        <source>Leave biases and BatchNorm out of the PCA (biasbn)</source>
        <translation>PCA 中不包含偏置和 BatchNorm（biasbn）</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="50"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="52"/>
        <location filename="../app/gui/trajectory_dialog.cpp" line="53"/>
        <source>Direction file</source>
        <translation>方向文件</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="54"/>
        <source>HDF5 (*.h5)</source>
        <translation>HDF5 (*.h5)</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="58"/>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="80"/>
        <source>Choose the checkpoints and where the direction file goes.</source>
        <translation>请选择检查点以及方向文件的保存位置。</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="85"/>
        <source>%1 exists. Replace it?</source>
        <translation>%1 已存在。要替换吗？</translation>
    </message>
</context>
</TS>
