#!/usr/bin/env node
// Runs the TypeScript command line through tsx, so that a checkout needs no build step.
require('tsx/cjs');
const { main } = require('../functions/cli/main.ts');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
