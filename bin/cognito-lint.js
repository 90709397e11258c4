#!/usr/bin/env node
'use strict';
// The entry point of every way cognito-lint runs: the npm bin, the pre-commit hook and the GitHub
// Action. It exits explicitly once its output has flushed (src/exit.ts): letting the event loop drain
// can deadlock at exit (nodejs/node#54918, issue 15).
const { main } = require('../dist/src/cli.js');
const { exitWhenFlushed } = require('../dist/src/exit.js');

main(process.argv.slice(2)).then(exitWhenFlushed, (error) => {
  process.stderr.write(`cognito-lint: internal error: ${(error && error.stack) || error}\n`);
  exitWhenFlushed(2);
});
