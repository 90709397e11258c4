#!/usr/bin/env node
// Cost against clients per file (docs/PERFORMANCE.md, scale note): one CloudFormation YAML template with
// K app clients (K = 1, 10, 100, 1,000), each client the same mix of good and bad settings under its own
// logical id, linted as a fresh process. Reports the median wall time, the highest max RSS
// (/usr/bin/time) and the findings.
// Usage: node bench/clients-per-file.js [--runs N] [--work DIR]
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const RUNS = Number(option('--runs', 7));
const WORK = path.resolve(option('--work', path.join(os.tmpdir(), 'cognito-lint-clients-per-file')));
const CLI = path.join(__dirname, '..', 'bin', 'cognito-lint.js');

const client = (id) => `  ${id}:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref UserPool
      ClientName: ${id.toLowerCase()}
      GenerateSecret: false
      PreventUserExistenceErrors: LEGACY
      ExplicitAuthFlows: [ALLOW_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [code, implicit]
      AllowedOAuthScopes: [openid, email]
      CallbackURLs: [https://app.example.com/callback, http://localhost:3000/callback]
      LogoutURLs: [https://app.example.com/logout]
      SupportedIdentityProviders: [COGNITO]
      AccessTokenValidity: 24
      TokenValidityUnits: { AccessToken: hours }
      WriteAttributes: [email, email_verified]
`;

function template(k) {
  const parts = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', '  UserPool:', '    Type: AWS::Cognito::UserPool', '    Properties:', '      UserPoolName: bench', ''].join('\n');
  let text = parts;
  for (let i = 0; i < k; i++) text += client(`Client${String(i).padStart(4, '0')}`);
  return text;
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

const rows = [];
for (const k of [1, 10, 100, 1000]) {
  const dir = path.join(WORK, `clients-${k}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'template.yaml');
  fs.writeFileSync(file, template(k));
  const walls = [];
  let rss = 0;
  let findings = 0;
  for (let run = 0; run <= RUNS; run++) {
    const rssFile = path.join(WORK, 'rss');
    const started = process.hrtime.bigint();
    const result = spawnSync('/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, CLI, 'template.yaml', '--format', 'json'], { cwd: dir, maxBuffer: 1 << 28 });
    const wall = Number(process.hrtime.bigint() - started) / 1e6;
    if (run === 0) {
      findings = JSON.parse(result.stdout.toString()).results.length;
      continue; // warm-up
    }
    walls.push(wall);
    rss = Math.max(rss, Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop()));
  }
  rows.push({ k, bytes: fs.statSync(file).size, median: median(walls), rssMb: rss / 1024, findings });
}
process.stdout.write(`Load average: ${os.loadavg()[0].toFixed(2)}\n\n| clients | size | median | max RSS | findings |\n|---:|---:|---:|---:|---:|\n`);
for (const row of rows) process.stdout.write(`| ${row.k} | ${(row.bytes / 1024).toFixed(0)} KB | ${row.median.toFixed(0)} ms | ${row.rssMb.toFixed(0)} MB | ${row.findings} |\n`);
