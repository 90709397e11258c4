'use strict';
// Candidate: --no-concurrent-recompilation set at run time, old ending.
require('node:v8').setFlagsFromString('--no-concurrent-recompilation');
require('../../dist/src/cli.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
