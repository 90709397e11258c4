#!/usr/bin/env node
'use strict';
// The entry point of every way cognito-lint runs: the npm bin, the pre-commit hook and the GitHub
// Action. It exits explicitly once its output has flushed (src/exit.ts): letting the event loop drain
// can deadlock at exit (nodejs/node#54918, issue 15).
const { main } = require('../dist/src/cli.js');
const { exitWhenFlushed } = require('../dist/src/exit.js');
const { escapeControls } = require('../dist/src/escape.js');

main(process.argv.slice(2)).then(exitWhenFlushed, (error) => {
  // The message may quote the input: one escaped line (src/escape.ts), then the stack's frames.
  const message = escapeControls(String((error && error.message) || error));
  const frames = String((error && error.stack) || '').split('\n').filter((line) => /^\s+at /.test(line));
  process.stderr.write([`cognito-lint: internal error: ${message}`, ...frames.map(escapeControls)].join('\n') + '\n');
  exitWhenFlushed(2);
});
