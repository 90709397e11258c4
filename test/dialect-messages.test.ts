// Messages that depend on where a client was written, through the built binary: CDK synth output gets
// the CDK wording for CDK's placeholder callback, a hand-written template and a .tf file the generic
// one; a 0 refresh token validity is a note in an API request and an error in a template.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gitRepository, lintBin } from './bin-helpers';

interface JsonResult {
  file: string;
  ruleId: string;
  severity: string;
  message: string;
}

const CDK_SYNTH = JSON.stringify({
  Resources: {
    PoolWebClient: {
      Type: 'AWS::Cognito::UserPoolClient',
      Properties: { UserPoolId: { Ref: 'Pool' }, CallbackURLs: ['https://example.com'] },
      Metadata: { 'aws:cdk:path': 'Stack/Pool/WebClient/Resource' },
    },
  },
});
const HAND_WRITTEN = JSON.stringify({
  Resources: { WebClient: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' }, CallbackURLs: ['https://example.com'], RefreshTokenValidity: 0 } } },
});
const TERRAFORM = 'resource "aws_cognito_user_pool_client" "web" {\n  name          = "web"\n  user_pool_id  = "us-east-1_AbCdEfGhI"\n  callback_urls = ["https://example.com/"]\n}\n';
const API_REQUEST = JSON.stringify({ UserPoolId: 'us-east-1_AbCdEfGhI', ClientName: 'web', RefreshTokenValidity: 0 });

test('placeholder wording and RefreshTokenValidity 0 follow the format the client was written in', () => {
  const root = gitRepository({ 'cdk.out/Stack.template.json': CDK_SYNTH, 'template.json': HAND_WRITTEN, 'main.tf': TERRAFORM, 'request.json': API_REQUEST });
  const run = lintBin(root, ['--format', 'json', '.']);
  const results = (JSON.parse(run.stdout) as { results: JsonResult[] }).results
    .filter((r) => r.ruleId === 'redirect-uri-placeholder' || r.ruleId === 'token-validity-range')
    .map((r) => [r.file, r.ruleId, r.severity, r.message.split(';')[0]]);
  assert.deepEqual(results, [
    ['cdk.out/Stack.template.json', 'redirect-uri-placeholder', 'warning', 'CallbackURLs entry "https://example.com" is the placeholder that CDK writes when oAuth.callbackUrls is not set'],
    ['main.tf', 'redirect-uri-placeholder', 'warning', 'callback_urls entry "https://example.com/" points at the placeholder host "example.com", a name reserved for documentation and tests'],
    ['request.json', 'token-validity-range', 'note', 'RefreshTokenValidity is 0, which the API reads as "use the default" (30 days)'],
    ['template.json', 'redirect-uri-placeholder', 'warning', 'CallbackURLs entry "https://example.com" points at the placeholder host "example.com", a name reserved for documentation and tests'],
    ['template.json', 'token-validity-range', 'error', 'RefreshTokenValidity is 0, below the minimum of 1 in the AWS::Cognito::UserPoolClient resource schema, so the deployment fails'],
  ]);
});
