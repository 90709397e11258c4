'use strict';
// Candidate: process.exit once stdout has flushed (skips NodePlatform::DrainTasks, still joins the workers).
require('../../dist/src/cli.js').main(process.argv.slice(2)).then((code) => { process.stdout.write('', () => process.exit(code)); });
