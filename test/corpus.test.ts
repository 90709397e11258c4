// Real-world corpus (../shared/corpus, files copied byte for byte from public repositories): no crash,
// no parse-error on any real file, results pinned in test/golden/corpus.txt (regenerate with
// `npm run test:update`), and the reviewer's expectations (EXPECTATIONS.md) met where the spec agrees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadAllRules } from '../rules';
import { settingsForPreset } from '../src/config';
import { lintPaths } from '../src/lint';
import type { Finding } from '../src/finding';
import { DEFAULT_MAX_FILE_SIZE } from '../src/read';
import { REPO_ROOT, assertGolden } from './golden';

const CORPUS = join(REPO_ROOT, '..', 'shared', 'corpus');
const FORMATS = ['api-embedded-rst', 'api-json', 'cdk-synth', 'cloudformation-json', 'cloudformation-yaml', 'sam', 'serverless'];

/** Rule ids the reviewer's expectations translate to, per file (prefix of the corpus file name). */
const EXPECTED: Record<string, string[]> = {
  'sam/aws-samples__amazon-cognito-passwordless-email-auth': ['prevent-user-existence-errors'],
  'serverless/AnomalyInnovations': ['no-password-auth-flow', 'prevent-user-existence-errors'],
  'serverless/nkhine': ['prevent-user-existence-errors'],
  'sam/aws-samples__serverless-patterns__alb-cognito-lambda': ['prevent-user-existence-errors'],
  'sam/aws-samples__serverless-patterns__amplify_cognito': ['no-implicit-flow', 'no-password-auth-flow'],
  'sam/aws-samples__serverless-patterns__apigw-cognito-certificate': ['no-password-auth-flow', 'prevent-user-existence-errors'],
  'sam/aws-samples__serverless-patterns__apigw-lambda-cognito-sam-java': ['no-password-auth-flow', 'prevent-user-existence-errors'],
  'sam/aws-samples__serverless-patterns__apigw-websocket': ['no-password-auth-flow', 'prevent-user-existence-errors'],
  'sam/aws-samples__serverless-patterns__appsync-notify': ['prevent-user-existence-errors'],
  'sam/aws-samples__serverless-patterns__cognito-httpapi': ['no-implicit-flow', 'prevent-user-existence-errors'],
  'sam/aws-samples__serverless-patterns__cognito-restapi-vpclink': ['oauth-requires-user-pool-client-flag', 'no-password-auth-flow', 'prevent-user-existence-errors'],
  'sam/aws-samples__serverless-patterns__cognito-sns-sms': ['no-implicit-flow', 'prevent-user-existence-errors', 'redirect-uri-absolute'],
  'sam/aws-samples__serverless-patterns__cognito-user-pool': ['no-implicit-flow', 'prevent-user-existence-errors'],
  'cloudformation-yaml/aws-samples__serverless-patterns__eventbridge': ['prevent-user-existence-errors'],
  'sam/aws-samples__serverless-patterns__sam-webapp-cognito': ['prevent-user-existence-errors'],
  'sam/aws-samples__serverless-patterns__strands-agentcore-apigw': ['no-password-auth-flow', 'prevent-user-existence-errors'],
  'cloudformation-yaml/aws-samples__serverless-patterns__strands-agentcore-lambda': ['no-password-auth-flow', 'prevent-user-existence-errors'],
  'cdk-synth/AhmedAlSaey': ['no-implicit-flow', 'no-password-auth-flow', 'prevent-user-existence-errors'],
  'cdk-synth/Barneslow': ['no-implicit-flow', 'no-password-auth-flow', 'prevent-user-existence-errors'],
  'cdk-synth/ASUCICREPO__Brightpoint': ['no-implicit-flow', 'no-password-auth-flow', 'prevent-user-existence-errors'],
  'cdk-synth/cyber-eternal': ['no-implicit-flow'],
  'cdk-synth/AIX-Clever': ['no-password-auth-flow'],
  'cloudformation-yaml/1184yang__aws-basic-authentication__amplify__backend__auth__basicauthentication7ea2f926__basicauthentication7ea2f926-cloudformation-template': ['prevent-user-existence-errors'],
  'serverless/serinth': ['no-password-auth-flow', 'prevent-user-existence-errors'],
  'serverless/p31d3ng': ['no-password-auth-flow', 'prevent-user-existence-errors'],
  'serverless/hiro9108': ['no-implicit-flow', 'prevent-user-existence-errors'],
  'cloudformation-json/aws-cloudformation__iac-model-evaluation': ['prevent-user-existence-errors'],
  'cloudformation-yaml/aws-cloudformation__iac-model-evaluation': ['prevent-user-existence-errors'],
  'cloudformation-json/fabriciosiqueira08': ['no-password-auth-flow', 'prevent-user-existence-errors'],
  'api-json/ganezasan': ['no-password-auth-flow', 'prevent-user-existence-errors'],
};

/** Files the reviewer marked as true negatives: no error-severity result is allowed on them. */
const CLEAN = [
  'sam/aws-samples__cloudfront-authorization-at-edge__template',
  'sam/aws-samples__cloudfront-authorization-at-edge__example-serverless-app-reuse',
  'cloudformation-yaml/CDLUC3__dmsp_aws_prototype__templates__cognito.yaml',
  'cloudformation-yaml/CDLUC3__dmsp_aws_prototype__templates__cognito-app-client',
  'cloudformation-yaml/CDLUC3__dmsp_aws_prototype__config',
  'cloudformation-yaml/1184yang__aws-basic-authentication__amplify__backend__auth__basicauthentication7ea2f926__parameters',
  'serverless/mateuskuritza',
];

/** Boundary: 1440 minutes is exactly one day and must not be reported. */
const MUST_NOT: Record<string, string[]> = {
  'cdk-synth/ASUCICREPO__Brightpoint': ['token-validity-range', 'token-validity-order'],
};

const available = existsSync(CORPUS);

test('corpus snapshot, expectations and robustness', { skip: available ? false : `corpus not found at ${CORPUS}` }, () => {
  const files = FORMATS.flatMap((format) => readdirSync(join(CORPUS, format)).sort().map((name) => `${format}/${name}`));
  const rules = loadAllRules();
  const result = lintPaths(files, { cwd: CORPUS, rules, settings: settingsForPreset(rules, 'recommended'), maxFileSize: DEFAULT_MAX_FILE_SIZE });
  const byFile = new Map<string, Finding[]>(files.map((file) => [file, []]));
  for (const finding of result.findings) byFile.get(finding.file.path)!.push(finding);

  assert.deepEqual(result.findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.file.path), [], 'no parse-error on a real file');
  for (const [prefix, ids] of Object.entries(EXPECTED)) {
    const file = files.find((name) => name.startsWith(prefix));
    assert.ok(file, `corpus file ${prefix}* exists`);
    const found = new Set(byFile.get(file)!.map((f) => f.ruleId));
    for (const id of ids) assert.ok(found.has(id), `${file}: expected a ${id} result`);
  }
  for (const prefix of CLEAN) {
    const file = files.find((name) => name.startsWith(prefix))!;
    assert.deepEqual(byFile.get(file)!.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`), [], `${file} is a true negative`);
  }
  for (const [prefix, ids] of Object.entries(MUST_NOT)) {
    const file = files.find((name) => name.startsWith(prefix))!;
    assert.deepEqual(byFile.get(file)!.filter((f) => ids.includes(f.ruleId)).map((f) => f.message), [], `${file}`);
  }

  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push(file);
    for (const f of findings) lines.push(`  ${f.region.start.line}:${f.region.start.column}-${f.region.end.line}:${f.region.end.column} ${f.severity} ${f.ruleId} ${f.message}`);
  }
  assertGolden('corpus.txt', lines.join('\n') + '\n');
});
