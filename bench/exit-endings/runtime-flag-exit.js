'use strict';
// Candidate: --no-concurrent-recompilation set at run time, and process.exit once stdout has flushed.
require('node:v8').setFlagsFromString('--no-concurrent-recompilation');
require('../../dist/src/cli.js').main(process.argv.slice(2)).then((code) => { process.stdout.write('', () => process.exit(code)); });
