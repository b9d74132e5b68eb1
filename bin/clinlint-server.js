#!/usr/bin/env node
// The language server over stdio, for editors other than VS Code.
if (
  !process.argv.slice(2).some((a) => a === '--stdio' || a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--pipe'))
) {
  process.argv.push('--stdio');
}
require('../dist/server.js');
