// The junit, checkstyle and gitlab reports: golden files over examples/, each validated as its consumer
// checks it (vendor/report-schemas/README.md), one entry per finding with the same counts as the json
// summary, a clean run still a valid report, hostile text kept well-formed, secrets masked, and the
// formatter list itself (names, --help, lazy loading).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { validateXML } from 'xmllint-wasm';
import { parse } from 'yaml';
import { FORMAT_NAMES, loadFormatter } from '../src/format';
import { xmlAttribute, xmlText } from '../src/format/xml';
import { assertGolden, REPO_ROOT } from './golden';
import { runCli } from './cli-helpers';
import { gitRepository, lintBin } from './bin-helpers';

const SCHEMAS = join(REPO_ROOT, 'vendor', 'report-schemas');
const JUNIT_XSD = readFileSync(join(SCHEMAS, 'junit-10.xsd'), 'utf8');
const CHECKSTYLE_XSD = readFileSync(join(SCHEMAS, 'checkstyle.xsd'), 'utf8');
const validateIssue = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(SCHEMAS, 'gitlab-codeclimate.json'), 'utf8')) as object);
/** GitLab's severities, most severe first (Gitlab::Ci::Reports::CodequalityReports::SEVERITY_PRIORITIES). */
const GITLAB_SEVERITIES = ['blocker', 'critical', 'major', 'minor', 'info'];

interface JsonReport {
  results: Array<{ ruleId: string; severity: string; message: string; file: string; line: number; column: number }>;
  summary: { filesScanned: number; filesWithClients: number; clients: number; filesSkippedTooLarge: number; errors: number; warnings: number; notes: number };
}

interface GitlabIssue {
  check_name: string;
  description: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

async function assertValidXml(xml: string, schema: string): Promise<void> {
  const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [schema] });
  assert.ok(result.valid, `report does not validate:\n${result.errors.map((error) => error.rawMessage).join('\n')}`);
}

/** As GitLab reads it: one JSON array, every issue valid against its schema (it stops at the first that is not), one issue per fingerprint. */
function assertValidGitlab(text: string): GitlabIssue[] {
  const issues = JSON.parse(text) as GitlabIssue[];
  assert.ok(Array.isArray(issues), 'the report is an array');
  for (const issue of issues) {
    assert.ok(validateIssue(issue), `issue rejected by GitLab's schema: ${JSON.stringify(validateIssue.errors)}`);
    assert.ok(GITLAB_SEVERITIES.includes(issue.severity), `GitLab knows no severity "${issue.severity}"`);
    assert.ok(!issue.location.path.startsWith('/') && !issue.location.path.startsWith('..'), `path relative to the repository: ${issue.location.path}`);
  }
  assert.equal(new Set(issues.map((issue) => issue.fingerprint)).size, issues.length, 'GitLab keeps one issue per fingerprint: every fingerprint is unique');
  return issues;
}

/** Every match of `pattern` (global) as its first group. */
function all(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1]!);
}

/** The value of an XML attribute as a parser reads it, for the few entities we write. */
function unescape(value: string): string {
  return value.replace(/&(lt|gt|quot|apos|amp|#\d+);/g, (_entity, name: string) =>
    name.startsWith('#') ? String.fromCharCode(Number(name.slice(1))) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[name]!,
  );
}

test('junit, checkstyle and gitlab over all examples: golden, valid, one entry per finding, the same counts', async () => {
  const json = JSON.parse((await runCli(['examples', '--format', 'json'])).stdout) as JsonReport;
  const { results, summary } = json;
  assert.ok(summary.errors > 0 && summary.warnings > 0 && summary.notes > 0, 'the examples have every severity');

  const junit = await runCli(['examples', '--format', 'junit']);
  assert.equal(junit.code, 1);
  assert.equal(junit.stderr, '', 'the junit report says what was checked itself');
  assertGolden('examples.junit.xml', junit.stdout);
  await assertValidXml(junit.stdout, JUNIT_XSD);
  const failures = all(junit.stdout, /<failure type="(\w+)"/g);
  assert.equal(failures.length, results.length, 'one failing test per finding');
  assert.deepEqual(failures, results.map((result) => result.severity));
  assert.match(junit.stdout, new RegExp(`<testsuites name="cognito-lint" tests="${results.length + 1}" failures="${results.length}" errors="0"`));
  const properties = Object.fromEntries(all(junit.stdout, /<property (name="\w+" value="\d+")\/>/g).map((pair) => pair.match(/name="(\w+)" value="(\d+)"/)!.slice(1)).map(([name, value]) => [name, Number(value)]));
  assert.deepEqual(properties, summary);
  for (const name of all(junit.stdout, /<testsuite name="([^"]+)"/g)) assert.equal(all(junit.stdout, new RegExp(`<testsuite name="(${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})"`, 'g')).length, 1, `one suite per file: ${name}`);

  const checkstyle = await runCli(['examples', '--format', 'checkstyle']);
  assert.equal(checkstyle.code, 1);
  assert.match(checkstyle.stderr, new RegExp(`^cognito-lint: checked ${summary.filesScanned} files, ${summary.clients} clients\\n$`), 'Checkstyle has no summary: the log gets it');
  assertGolden('examples.checkstyle.xml', checkstyle.stdout);
  await assertValidXml(checkstyle.stdout, CHECKSTYLE_XSD);
  const errors = [...checkstyle.stdout.matchAll(/<error line="(\d+)" column="(\d+)" severity="(\w+)" message="([^"]*)" source="([^"]+)"\/>/g)];
  assert.equal(errors.length, results.length, 'one <error> per finding');
  errors.forEach((error, index) => {
    const result = results[index]!;
    assert.deepEqual([Number(error[1]), Number(error[2]), error[3], unescape(error[4]!)], [result.line, result.column, { error: 'error', warning: 'warning', note: 'info' }[result.severity], result.message]);
    // Warnings NG: the type is the text after the source's last dot.
    assert.equal(error[5]!.slice(error[5]!.lastIndexOf('.') + 1), result.ruleId);
  });

  const gitlab = await runCli(['examples', '--format', 'gitlab']);
  assert.equal(gitlab.code, 1);
  assertGolden('examples.gitlab.json', gitlab.stdout);
  const issues = assertValidGitlab(gitlab.stdout);
  assert.equal(issues.length, results.length, 'one issue per finding');
  assert.deepEqual(
    issues.map((issue) => [issue.check_name, issue.description, issue.location.path, issue.location.lines.begin, issue.severity]),
    results.map((result) => [result.ruleId, result.message, result.file, result.line, { error: 'critical', warning: 'major', note: 'info' }[result.severity]]),
  );
});

test('a clean run is still a valid report of each format, and junit says what was checked', async () => {
  const clean = ['examples/cloudformation/good.yaml'];
  const junit = await runCli([...clean, '--format', 'junit']);
  assert.equal(junit.code, 0);
  await assertValidXml(junit.stdout, JUNIT_XSD);
  assert.match(junit.stdout, /<testsuites name="cognito-lint" tests="1" failures="0" errors="0"/);
  assert.match(junit.stdout, /<system-out>cognito-lint [\d.]+: checked 1 file, 1 client; 0 findings<\/system-out>/);
  const checkstyle = await runCli([...clean, '--format', 'checkstyle']);
  assert.equal(checkstyle.stdout, '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n</checkstyle>\n');
  await assertValidXml(checkstyle.stdout, CHECKSTYLE_XSD);
  assert.equal(checkstyle.stderr, 'cognito-lint: checked 1 file, 1 client\n');
  const gitlab = await runCli([...clean, '--format', 'gitlab']);
  assert.equal(gitlab.stdout, '[]\n');
  assert.deepEqual(assertValidGitlab(gitlab.stdout), []);
});

test('the schemas reject what their consumers reject (the validation can fail)', async () => {
  const noName = await validateXML({ xml: [{ fileName: 'bad.xml', contents: '<testsuites><testsuite tests="1" failures="0" errors="0"><testcase/></testsuite></testsuites>' }], schema: [JUNIT_XSD] });
  assert.equal(noName.valid, false);
  const badSeverity = await validateXML({ xml: [{ fileName: 'bad.xml', contents: '<checkstyle version="4.3"><file name="a"><error line="1" severity="note" message="m" source="s"/></file></checkstyle>' }], schema: [CHECKSTYLE_XSD] });
  assert.equal(badSeverity.valid, false);
  const control = await validateXML({ xml: [{ fileName: 'bad.xml', contents: '<checkstyle version="\u0001"/>' }], schema: [CHECKSTYLE_XSD] });
  assert.equal(control.valid, false, 'xmllint refuses a control character XML 1.0 cannot hold');
  assert.equal(validateIssue({ description: 'd', severity: 'major', location: { path: 'a' } }), false, 'an issue without a fingerprint');
});

test('hostile text: markup, quotes, control characters and lone surrogates keep the XML reports well-formed', async () => {
  // A callback URL carrying what XML cannot hold; the finding's message quotes it.
  const url = 'http://evil.acme-corp.com/cb?<a href="x">&amp;</a>\']]>\u0001\u001b[31m\u0085\ud800\t\r\n';
  const template = JSON.stringify({ Resources: { Web: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: 'us-east-1_a', CallbackURLs: [url], AllowedOAuthFlows: ['code'], AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: ['openid'] } } } });
  const repo = gitRepository({ 'st<a&ck>".json': template });
  const junit = lintBin(repo, ['.', '--format', 'junit']);
  assert.equal(junit.code, 1, junit.stderr);
  await assertValidXml(junit.stdout, JUNIT_XSD);
  const checkstyle = lintBin(repo, ['.', '--format', 'checkstyle']);
  await assertValidXml(checkstyle.stdout, CHECKSTYLE_XSD);
  assert.match(checkstyle.stdout, /<file name="st&lt;a&amp;ck&gt;&quot;\.json">/);
  for (const report of [junit.stdout, checkstyle.stdout]) {
    assert.doesNotMatch(report, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\ud800-\udfff]/, 'no raw control character or surrogate');
  }
  const gitlab = lintBin(repo, ['.', '--format', 'gitlab']);
  assert.ok(assertValidGitlab(gitlab.stdout).length > 0);
});

test('xmlText and xmlAttribute: any string makes a well-formed document (one xmllint run for all cases)', async () => {
  const strings = fc.sample(fc.string({ unit: fc.oneof(fc.constantFrom('<', '>', '&', '"', "'", '\t', '\n', '\r', '\u0000', '\u001b', '\u0085', '\ud800', '\udc00', '\ufffe', ']]>'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 30 }), { numRuns: 300, seed: 25 });
  const document = `<cases>${strings.map((text) => `<case value="${xmlAttribute(text)}" other='${xmlAttribute(text)}'>${xmlText(text)}</case>`).join('')}</cases>`;
  const schema = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="cases"><xs:complexType><xs:sequence><xs:element name="case" minOccurs="0" maxOccurs="unbounded"><xs:complexType mixed="true"><xs:attribute name="value"/><xs:attribute name="other"/></xs:complexType></xs:element></xs:sequence></xs:complexType></xs:element></xs:schema>';
  await assertValidXml(document, schema);
  // Ordinary text is kept as it is; only markup is escaped.
  assert.equal(xmlText('a < b & "c" ✔ 😀'), 'a &lt; b &amp; "c" ✔ 😀');
  assert.equal(xmlAttribute('line 1\nline 2\t"x"'), 'line 1&#10;line 2&#9;&quot;x&quot;');
  assert.equal(xmlText('\u001b[31m'), '\\u001b[31m');
});

test('client secrets stay masked in the junit, checkstyle and gitlab reports', async () => {
  const describe = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'api', 'describe-output-bad.json'), 'utf8')) as { UserPoolClient: { ClientSecret: string } };
  const secret = describe.UserPoolClient.ClientSecret;
  assert.ok(secret.length > 10);
  for (const format of ['junit', 'checkstyle', 'gitlab']) {
    const run = await runCli(['examples/api/describe-output-bad.json', '--format', format]);
    assert.equal(run.code, 1);
    assert.ok(!run.stdout.includes(secret), `${format} report holds the client secret`);
  }
});

test('gitlab locations are relative to the repository root from a subdirectory; checkstyle names the same path', () => {
  const template = 'Resources:\n  Web:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_a\n      AllowedOAuthFlows: [implicit]\n';
  const repo = gitRepository({ 'infra/stack.yaml': template });
  const infra = join(repo, 'infra');
  const issues = assertValidGitlab(lintBin(infra, ['.', '--format', 'gitlab']).stdout);
  assert.ok(issues.length > 0);
  assert.ok(issues.every((issue) => issue.location.path === 'infra/stack.yaml'));
  assert.match(lintBin(infra, ['.', '--format', 'checkstyle']).stdout, /<file name="infra\/stack\.yaml">/);
  // The same finding twice (a value listed twice) still gets two fingerprints.
  const twice = gitRepository({ 'stack.yaml': template.replace('[implicit]', '[implicit, implicit]') });
  const twiceIssues = assertValidGitlab(lintBin(twice, ['.', '--format', 'gitlab']).stdout);
  assert.ok(twiceIssues.filter((issue) => issue.check_name === 'no-implicit-flow').length >= 2);
});

test('the formatter list: each file names itself, --help describes every format, --format refuses others', async () => {
  for (const name of FORMAT_NAMES) {
    const formatter = loadFormatter(name);
    assert.equal(formatter.name, name);
    assert.ok(formatter.description.length > 10);
  }
  const help = await runCli(['--help']);
  const flat = help.stdout.replace(/\s+/g, ' ');
  for (const name of FORMAT_NAMES) assert.ok(flat.includes(`${name} (${loadFormatter(name).description})`), `--help describes ${name}`);
  const refused = await runCli(['--format', 'xml']);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, new RegExp(FORMAT_NAMES.map((name) => `"${name}"`).join(', ')));
});

test('a default text run loads no other formatter', () => {
  const script = `require(${JSON.stringify(join(REPO_ROOT, 'dist', 'src', 'cli.js'))}).main(['examples/cloudformation/good.yaml']).then(() => {
    process.stderr.write(JSON.stringify(Object.keys(require.cache).filter((file) => /[\\\\/]src[\\\\/]format[\\\\/]/.test(file)).map((file) => file.replace(/.*[\\\\/]format[\\\\/]/, '')).sort()));
  });`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stderr) as string[], ['index.js', 'rules.js', 'text.js']);
});

/** The README example of that name (`<!-- example: NAME -->` before a fenced block). */
function readmeExample(name: string): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const match = new RegExp(`<!-- example: ${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(readme);
  assert.ok(match, `README has the ${name} example`);
  return match[1]!;
}

/** Runs a README command (`npx --yes cognito-lint ARGS`, no shell quoting) with the built binary. */
function runReadmeCommand(command: string, cwd: string): number | null {
  const prefix = 'npx --yes cognito-lint ';
  assert.ok(command.startsWith(prefix), `a cognito-lint command: ${command}`);
  const run = lintBin(cwd, command.slice(prefix.length).split(' '));
  assert.equal(run.stdout, '', 'the report goes to its file');
  return run.code;
}

const README_TEMPLATE = 'Resources:\n  Web:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_a\n      AllowedOAuthFlows: [implicit]\n      CallbackURLs: ["http://app.acme-corp.com/cb"]\n';

test('README GitLab CI job: the code quality and junit files it names are written and valid, and errors fail the job', async () => {
  const job = (parse(readmeExample('gitlab-ci')) as Record<string, { script: string[]; artifacts: { when: string; reports: { codequality: string; junit: string } } }>)['cognito-lint']!;
  assert.equal(job.artifacts.when, 'always', 'reports are kept when the job fails');
  const repo = gitRepository({ 'infra/stack.yaml': README_TEMPLATE });
  assert.deepEqual(job.script.map((command) => runReadmeCommand(command, repo)), [0, 1]);
  const issues = assertValidGitlab(readFileSync(join(repo, job.artifacts.reports.codequality), 'utf8'));
  assert.ok(issues.some((issue) => issue.location.path === 'infra/stack.yaml' && issue.severity === 'critical'));
  await assertValidXml(readFileSync(join(repo, job.artifacts.reports.junit), 'utf8'), JUNIT_XSD);
});

test('README Jenkins pipeline: the checkstyle and junit files recorded are the ones written', async () => {
  const pipeline = readmeExample('jenkins');
  const commands = all(pipeline, /sh '([^']+)'/g);
  assert.equal(commands.length, 2);
  const repo = gitRepository({ 'stack.yaml': README_TEMPLATE });
  assert.deepEqual(commands.map((command) => runReadmeCommand(command, repo)), [0, 1]);
  const checkstyleFile = /checkStyle\([^)]*pattern: '([^']+)'/.exec(pipeline)![1]!;
  const junitFile = /junit '([^']+)'/.exec(pipeline)![1]!;
  await assertValidXml(readFileSync(join(repo, checkstyleFile), 'utf8'), CHECKSTYLE_XSD);
  await assertValidXml(readFileSync(join(repo, junitFile), 'utf8'), JUNIT_XSD);
});

test('README Azure DevOps steps: PublishTestResults reads the JUnit file the script writes, also after a failure', async () => {
  const steps = (parse(readmeExample('azure-pipelines')) as { steps: Array<{ script?: string; task?: string; condition?: string; inputs?: Record<string, string> }> }).steps;
  const script = steps.find((step) => step.script)!.script!;
  const publish = steps.find((step) => step.task === 'PublishTestResults@2')!;
  assert.equal(publish.condition, 'succeededOrFailed()');
  assert.equal(publish.inputs!.testResultsFormat, 'JUnit');
  const repo = gitRepository({ 'stack.yaml': README_TEMPLATE });
  assert.equal(runReadmeCommand(script, repo), 1);
  await assertValidXml(readFileSync(join(repo, publish.inputs!.testResultsFiles!), 'utf8'), JUNIT_XSD);
});
