export function App() {
  return (
    <main>
      <h1>年报编制助手</h1>
      <p>政府信息公开工作年度报告</p>
    </main>
  );
}
