'use strict';
// Candidate: --no-concurrent-recompilation and --no-concurrent-osr set at run time, old ending.
require('node:v8').setFlagsFromString('--no-concurrent-recompilation');
require('node:v8').setFlagsFromString('--no-concurrent-osr');
require('../../dist/src/cli.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
