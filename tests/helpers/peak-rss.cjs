// Preloaded into a child process (node --require) to write its peak resident
// memory, in kilobytes, to the file NIANBAO_PEAK_RSS names when it exits: the
// memory a command took, measured by the process itself.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const file = process.env.NIANBAO_PEAK_RSS;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
