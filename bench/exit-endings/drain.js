'use strict';
// The old ending (before issue 15): set the exit code and let the event loop drain.
require('../../dist/src/cli.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
