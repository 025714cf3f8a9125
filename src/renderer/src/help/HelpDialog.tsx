// 使用说明: the whole job in the app's own words, offline, one page. Loaded only
// when first opened, so the editor's first load does not carry it.
import { Modal } from '../common/Modal';
import { useHelp } from './help';
import './help.css';

export default function HelpDialog() {
  const hide = useHelp((s) => s.hide);
  return (
    <Modal title="使用说明" className="help-dialog" onClose={hide} cancelLabel="关闭">
      <div className="help-body">
        <section>
          <h3>一、从上年报告和今年的统计表开始</h3>
          <ol>
            <li>
              在报告库点 <b>开始今年的报告</b>，选上年的报告（报告库里的一份，或上年的报告文件：报送的 Word 文档、网站上的网页（另存为的
              .html/.mhtml）、带文字层的 PDF、.json、.xlsx）和今年的统计表（Excel）。也可以把这两个文件一起拖到报告库页面上。
            </li>
            <li>核对机关名称、年度（上年 + 1）和机关层级；层级按名称推断，决定“规章”一栏是否合理，不对请改。</li>
            <li>看一眼预览：三张表按发布的格式排好，蓝色是今年的数（划线的是上年数），黄色是按相近标签推断的格子，请核对。</li>
            <li>
              点 <b>创建</b>。勾选“同时全部修正”时，空格和“—”填
              0、总计按各项重算、上年结转按上年报告的“结转下年度”填入，建好后会列出改了什么。
            </li>
          </ol>
        </section>
        <section>
          <h3>二、写正文</h3>
          <p>
            报告会打开在第一处需要处理的地方。一、五、六节的正文从上年报告带入，只是底稿：与上年相同超过一半会被视为内容雷同，请按本年实际改写。一、总体情况分（一）至（五）五个方面，各写一框；粘贴的整段文字里带有（一）…（五）的，会自动分到五个方面。
          </p>
        </section>
        <section>
          <h3>三、检查与核实说明</h3>
          <ul>
            <li>
              <b>错误</b>（红）：数字对不上或不可能成立（如各栏之和不等于总计、勾稽关系不平衡），正文为空也是错误。有错误不能定稿。
            </li>
            <li>
              <b>需核实</b>（黄）：可能没错但要确认。改正，或点“填写核实说明”写明为什么是对的；“无”“已核实”这样的字样不算说明。
            </li>
            <li>
              <b>提示</b>：不影响定稿。
            </li>
            <li>
              右侧“还差什么”列出还没开始的节、错误、未说明的需核实项，点一下就到那里；“全部修正”一次做完所有明确的修正，Ctrl+Z 可整体撤销。
            </li>
          </ul>
        </section>
        <section>
          <h3>四、定稿并导出</h3>
          <p>
            点 <b>导出…</b>：左边选格式（Word、PDF、网页、Excel、年报数据），右边是文档预览。检查都通过时点 <b>定稿并导出</b>
            ，即标记为定稿并导出不带“草稿”的正式文件；还不能定稿时，窗口里列出还差的问题，点一下就到那里，此时只能导出草稿。定稿后不能修改，如需修改请先“改回草稿”。从往年发布的
            Word、PDF 或网页读入的报告标为 <b>已发布</b>
            ：它就是当年发出的文本，同样只能查看，可作为上年报告使用；如需修改，也是先“改回草稿”。
          </p>
          <p>
            Word 和 PDF
            末尾印落款和成文日期（报告信息栏的“落款”“成文日期”，不填时为机关名称和导出当天）；“开头语”可一键填入标准的开头段落。右侧{' '}
            <b>概览</b> 列出实质公开率、复议纠错率等指标及与上年的比较，<b>一图读懂…</b> 导出供网站和公众号用的图解（PNG、PDF、网页）。
          </p>
          <p>
            送领导审签时点 <b>打印…</b>（Ctrl+P）：按公文格式在 A4 纸上打印全部六部分和三张统计表，与导出的 PDF
            相同；还没定稿时每页印有“草稿”。桌面程序先显示打印预览，再打开系统的打印对话框选择打印机。
          </p>
        </section>
        <section>
          <h3>五、汇总与审核（政务公开办）</h3>
          <p>
            在报告库点 <b>汇总与审核…</b>，把各单位报送的文件或整个文件夹拖进来（Word、PDF、网页、Excel、.json
            都可以），可另选上年各单位的报告以检查结转和内容雷同。列表给出每个单位的状态、错误、需核实项和主要指标；<b>导出问题清单</b>{' '}
            生成退回各单位的工作簿和 Word 问题清单；<b>汇总…</b> 把同一年度的报告逐格相加为本地区的汇总报告。原文件不会被改动。
          </p>
        </section>
        <section>
          <h3>六、常用按键</h3>
          <p>整份报告只用键盘就能完成：</p>
          <table className="help-keys">
            <tbody>
              <tr>
                <th>F1</th>
                <td>打开本说明</td>
              </tr>
              <tr>
                <th>Tab / Shift+Tab</th>
                <td>到下一个 / 上一个按钮、输入框或表格的格子；菜单、对话框和检查结果都能这样走到</td>
              </tr>
              <tr>
                <th>Alt+1 … Alt+6</th>
                <td>跳到第一至第六节；Alt+↑ / Alt+↓ 上一节、下一节</td>
              </tr>
              <tr>
                <th>方向键，Enter / Shift+Enter</th>
                <td>在表格中移动；Enter 确认所填数字并到下一行</td>
              </tr>
              <tr>
                <th>Home / End</th>
                <td>本行第一格 / 最后一格；Ctrl+Home / Ctrl+End 表格第一格 / 最后一格</td>
              </tr>
              <tr>
                <th>Ctrl+↓ / Ctrl+↑</th>
                <td>离开表格，到表格后面 / 前面的按钮或输入框（不必逐格按 Tab）</td>
              </tr>
              <tr>
                <th>Shift+方向键</th>
                <td>选中一块格子；Delete 清空，Ctrl+C 复制，Ctrl+V 粘贴（可从 Excel、WPS 粘贴整块）</td>
              </tr>
              <tr>
                <th>F2 / Esc</th>
                <td>F2 在格子里用方向键移动光标；Esc 放弃正在输入的数字</td>
              </tr>
              <tr>
                <th>Ctrl+Z / Ctrl+Y</th>
                <td>撤销 / 重做（整份报告）</td>
              </tr>
              <tr>
                <th>Ctrl+S</th>
                <td>立即保存（平时每次修改都会自动保存）</td>
              </tr>
              <tr>
                <th>Ctrl+P</th>
                <td>打印：按公文格式在 A4 纸上打印全部内容，未定稿时印“草稿”</td>
              </tr>
              <tr>
                <th>Ctrl+E / Ctrl+I / Ctrl+L</th>
                <td>桌面程序中：导出、导入表格、回到报告库</td>
              </tr>
              <tr>
                <th>↑ / ↓（成文日期）</th>
                <td>前一天 / 后一天；日期可写 2025年1月20日 或 2025-1-20</td>
              </tr>
              <tr>
                <th>Enter / Esc（窄屏）</th>
                <td>窗口较窄（笔记本 125%、150% 缩放）时左右两栏收起到两侧的“大纲”“检查结果”按钮：Tab 到按钮按 Enter 打开，Esc 收起</td>
              </tr>
            </tbody>
          </table>
        </section>
        <section>
          <h3>七、数据在哪里</h3>
          <p>
            所有报告保存在本机的资料库里（报告库页面底部写着位置），每天自动备份；“历史版本”里可以看到每次修改前的内容并恢复。程序完全离线，不联网。
          </p>
        </section>
      </div>
    </Modal>
  );
}
