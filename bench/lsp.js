#!/usr/bin/env node
// The language server's budget (docs/PERFORMANCE.md, "Language server"): diagnostics within 50 ms (p95)
// of a change on a 1,000-line template, and the server under 150 MB after long editing.
// Starts `cognito-lint --lsp` (the bundle; --sources: the tsc build) as an editor does, opens a generated
// 1,000-line CloudFormation template with 25 app clients, then
//   latency  --changes N (default 300) one-character edits, each sent after the previous one's
//            diagnostics came back: the time from sending the change to its diagnostics (default settings,
//            debounce included), median and p95, and the server's CPU time per change (its threads
//            together, from /proc: what a change costs whatever else the machine runs);
//   memory   --edits N (default 5,000) more edits sent as a burst of typing (one every millisecond, each
//            awaited every 50th), then the server's resident memory (VmRSS of its process, the lint
//            worker included) after a garbage collection has had time to run, and its peak (VmHWM).
// Usage: npm run build && npm run bundle && node bench/lsp.js [--sources] [--changes N] [--edits N]
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');
const { pathToFileURL } = require('node:url');
const protocol = require('vscode-languageserver-protocol/node');

const ROOT = path.join(__dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const BIN = args.includes('--sources') ? path.join(ROOT, 'bin', 'cognito-lint.js') : path.join(ROOT, 'bundle', 'cognito-lint.js');
const CHANGES = option('--changes', 300);
const EDITS = option('--edits', 5000);

/** 25 clients of 40 lines: 1,000 lines, each client with findings (http callback, LEGACY, long tokens). */
function template() {
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:'];
  for (let i = 0; lines.length < 1000; i++) {
    lines.push(
      `  Client${i}:`,
      '    Type: AWS::Cognito::UserPoolClient',
      '    Properties:',
      '      UserPoolId: us-east-1_abcdefghi',
      `      ClientName: client-${i}`,
      '      PreventUserExistenceErrors: LEGACY',
      '      EnableTokenRevocation: true',
      '      GenerateSecret: false',
      '      AllowedOAuthFlowsUserPoolClient: true',
      '      AllowedOAuthFlows:',
      '        - code',
      '      AllowedOAuthScopes:',
      '        - openid',
      '        - email',
      '        - profile',
      '      CallbackURLs:',
      `        - http://app${i}.acme-corp.com/callback`,
      `        - https://app${i}.acme-corp.com/callback`,
      `        - https://www.app${i}.acme-corp.com/callback`,
      '      LogoutURLs:',
      `        - https://app${i}.acme-corp.com/logout`,
      `      DefaultRedirectURI: https://app${i}.acme-corp.com/callback`,
      '      SupportedIdentityProviders:',
      '        - COGNITO',
      '      ExplicitAuthFlows:',
      '        - ALLOW_USER_SRP_AUTH',
      '        - ALLOW_REFRESH_TOKEN_AUTH',
      '      AccessTokenValidity: 60',
      '      IdTokenValidity: 60',
      '      RefreshTokenValidity: 30',
      '      TokenValidityUnits:',
      '        AccessToken: minutes',
      '        IdToken: minutes',
      '        RefreshToken: days',
      '      ReadAttributes:',
      '        - email',
      '        - name',
      '      WriteAttributes:',
      '        - name',
      '      AuthSessionValidity: 3',
    );
  }
  return lines.slice(0, 1000).join('\n') + '\n';
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** CPU time the server process has used (its threads together), in ms: what a change costs without the machine's load. */
function cpuMsOf(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime, the 14th and 15th fields, in clock ticks (100 a second on Linux).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function memoryOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)[1]);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-lint-lsp-bench-'));
  execFileSync('git', ['init', '-q'], { cwd: work });
  const file = path.join(work, 'template.yaml');
  const text = template();
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;

  const child = spawn(process.execPath, [BIN, '--lsp'], { cwd: work, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = protocol.createProtocolConnection(new protocol.StreamMessageReader(child.stdout), new protocol.StreamMessageWriter(child.stdin));
  const waiting = new Map();
  let diagnosticsCount;
  connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
    diagnosticsCount = params.diagnostics.length;
    const resolve = waiting.get(params.version);
    if (resolve) {
      waiting.delete(params.version);
      resolve(performance.now());
    }
  });
  connection.listen();
  await connection.sendRequest(protocol.InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(work).href, capabilities: {} });
  await connection.sendNotification(protocol.InitializedNotification.type, {});
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));

  let version = 1;
  const opened = published(1);
  const openedAt = performance.now();
  await connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
  const firstMs = (await opened) - openedAt;

  // One character typed and taken back, alternately, in the middle of the file: `http` <-> `httpx`.
  const line = text.split('\n').findIndex((candidate) => candidate.includes('http://app12.'));
  const column = text.split('\n')[line].indexOf('http') + 4;
  const edit = (n) =>
    n % 2 === 1 ? { range: { start: { line, character: column }, end: { line, character: column } }, text: 'x' } : { range: { start: { line, character: column }, end: { line, character: column + 1 } }, text: '' };
  const change = (n) => connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: n }, contentChanges: [edit(n)] });

  const latencies = [];
  const cpuBefore = cpuMsOf(child.pid);
  for (let i = 0; i < CHANGES; i++) {
    version++;
    const done = published(version);
    const sentAt = performance.now();
    await change(version);
    latencies.push((await done) - sentAt);
  }
  const cpuPerChange = (cpuMsOf(child.pid) - cpuBefore) / CHANGES;

  const startedEditing = performance.now();
  for (let i = 0; i < EDITS; i++) {
    version++;
    const done = i % 50 === 49 || i === EDITS - 1 ? published(version) : undefined;
    await change(version);
    if (done) await done;
    else await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const editingSeconds = (performance.now() - startedEditing) / 1000;
  // Let the heaps settle as they would between bursts of typing.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const memory = memoryOf(child.pid);

  await connection.sendRequest(protocol.ShutdownRequest.type);
  await connection.sendNotification(protocol.ExitNotification.type);
  const code = await new Promise((resolve) => child.on('exit', resolve));
  connection.dispose();
  fs.rmSync(work, { recursive: true, force: true });

  const report = {
    server: path.relative(ROOT, BIN),
    templateLines: text.split('\n').length - 1,
    diagnostics: diagnosticsCount,
    firstDiagnosticsMs: Number(firstMs.toFixed(1)),
    changes: CHANGES,
    medianMs: Number(percentile(latencies, 50).toFixed(1)),
    p95Ms: Number(percentile(latencies, 95).toFixed(1)),
    maxMs: Number(Math.max(...latencies).toFixed(1)),
    serverCpuMsPerChange: Number(cpuPerChange.toFixed(1)),
    loadAverage: os.loadavg().map((load) => Number(load.toFixed(1))),
    cores: os.cpus().length,
    edits: EDITS + CHANGES,
    editingSeconds: Number(editingSeconds.toFixed(1)),
    rssMbAfterEditing: Number(memory.rssMb.toFixed(1)),
    peakRssMb: Number(memory.peakMb.toFixed(1)),
    exitCode: code,
  };
  console.log(JSON.stringify(report, null, 2));
  console.log(`diagnostics p95 ${report.p95Ms} ms (budget 50 ms): ${report.p95Ms <= 50 ? 'met' : 'NOT met'}; memory after ${report.edits} edits ${report.rssMbAfterEditing} MB (budget 150 MB): ${report.rssMbAfterEditing < 150 ? 'met' : 'NOT met'}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
