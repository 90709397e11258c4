import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadRule } from '../../rules';
import { maskSecret } from '../../src/redact';
import { isPlaceholderSecret } from '../../src/rules-support/secrets';
import { ruleTester } from '../rule-tester';
import { runWithSuppressions } from '../helpers';
import { CFN } from './fixture-parts';

const ID = 'no-committed-client-secret';
/** Built at run time, so no secret-shaped literal sits in the repository. */
const SECRET = ['q8w3n5b7', 'x2m4k6j9', 'h1g5f3d7', 's2a4p6l8', 'z0c9v1'].join('');
const MESSAGE = `ClientSecret holds a client secret ("q8w3…", 38 characters) written in this file, so everyone who can read the repository has this app client's credential; expected no secret in the repository. Remove it, rotate the secret (AddUserPoolClientSecret, then DeleteUserPoolClientSecret for the old one), and read it from a secret store at run time.`;
const HCL = 'Terraform has no client_secret argument (the provider computes it): a .tf file cannot write one';

test('metadata: an error, security, with a SARIF security-severity', () => {
  const { meta } = loadRule(ID);
  assert.deepEqual([meta.category, meta.defaultSeverity, meta.securitySeverity], ['security', 'error', '7.5']);
});

test('the mask shows 4 characters at most, fewer of a short value', () => {
  assert.equal(maskSecret(SECRET), 'q8w3…');
  assert.equal(maskSecret('abcdefg'), 'ab…');
  assert.equal(maskSecret('ab'), '…');
});

test('placeholders and references are no credential', () => {
  for (const text of ['${var.client_secret}', '{{resolve:secretsmanager:web:SecretString:secret}}', '<client-secret>', 'YOUR_CLIENT_SECRET', 'CLIENT_SECRET', 'changeme', 'REDACTED', 'xxxxxxxxxxxxxxxxxxxxxxxx', '************************', 'this1234is5678my91011example1213client1415secret', '$(CLIENT_SECRET)']) {
    assert.ok(isPlaceholderSecret(text), text);
  }
  assert.equal(isPlaceholderSecret(SECRET), false);
});

/** A generated-looking secret: Cognito's are 51 characters of [a-z0-9]; custom ones may use [A-Za-z0-9_+]. */
const BASE32ISH = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
const BASE64ISH = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+_'.split('');
/** A realistic 51-character secret with `word` somewhere inside: the rest is random. */
function secretWith(alphabet: string[]): fc.Arbitrary<string> {
  return fc.constantFrom('fake', 'abcdef', 'FAKE', 'test', 'example').chain((word) =>
    fc.integer({ min: 0, max: 51 - word.length }).chain((at) =>
      fc.array(fc.constantFrom(...alphabet), { minLength: 51 - word.length, maxLength: 51 - word.length }).map((chars) => {
        const random = chars.join('');
        return random.slice(0, at) + word + random.slice(at);
      }),
    ),
  );
}

test('property: a realistic 51-character secret is a credential wherever a placeholder-like word sits in it', () => {
  for (const alphabet of [BASE32ISH, BASE64ISH]) {
    fc.assert(
      fc.property(secretWith(alphabet), (secret) => {
        assert.equal(secret.length, 51);
        assert.equal(isPlaceholderSecret(secret), false, secret);
      }),
      { numRuns: 500 },
    );
  }
});

test('stand-ins judged as a whole: words with a short, sparse or sequential rest', () => {
  for (const text of ['EXAMPLEsecretEXAMPLEsecret12', 'exampleclientsecret1234567890abcdefghij', 'my_test_client_secret_value', 'abcdefghijklmnopqrstuvwxyz0123']) assert.ok(isPlaceholderSecret(text), text);
  // The same words inside generated characters do not make a stand-in.
  for (const text of [`fake${SECRET}`, `${SECRET.slice(0, 20)}abcdef${SECRET.slice(20)}`, `${SECRET}example`]) assert.equal(isPlaceholderSecret(text), false, text);
});

test('unused-suppression knows the id: a suppression silences the finding, an idle one is unused, not unknown', () => {
  const request = (comment: string): string => `UserPoolId: us-east-1_abc\nClientName: web\n${comment}ClientSecret: ${SECRET}\n`;
  const suppressed = request('# cognito-lint-disable-next-line no-committed-client-secret -- rotated, test fixture\n');
  assert.deepEqual(runWithSuppressions(ID, 'request.yaml', suppressed), []);
  assert.deepEqual(runWithSuppressions('unused-suppression', 'request.yaml', suppressed), []);
  assert.equal(runWithSuppressions(ID, 'request.yaml', request('')).length, 1);
  const idle = 'UserPoolId: us-east-1_abc\nClientName: web\n# cognito-lint-disable-next-line no-committed-client-secret\nGenerateSecret: true\n';
  assert.deepEqual(
    runWithSuppressions('unused-suppression', 'request.yaml', idle).map((row) => row.message),
    ['This suppression of "no-committed-client-secret" matches no finding; remove it so it cannot hide a future problem.'],
  );
});

ruleTester(ID, {
  valid: [
    { name: 'no ClientSecret', client: { GenerateSecret: true } },
    { name: 'a Terraform-style reference', client: { ClientSecret: '${var.client_secret}' }, skip: { terraform: HCL } },
    { name: 'a CloudFormation dynamic reference', client: { ClientSecret: '{{resolve:secretsmanager:web:SecretString:secret}}' }, skip: { terraform: HCL } },
    { name: 'a placeholder word', client: { ClientSecret: 'YOUR_CLIENT_SECRET_HERE' }, skip: { terraform: HCL } },
    { name: 'a repeated character', client: { ClientSecret: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxx' }, skip: { terraform: HCL } },
  ],
  invalid: [
    {
      name: 'a generated secret that happens to contain "fake" is still reported',
      client: { ClientSecret: `${SECRET.slice(0, 10)}fake${SECRET.slice(10)}` },
      errors: [{ at: 'ClientSecret', message: { api: /^ClientSecret holds a client secret \("q8w3…", 42 characters\)/ } }],
      skip: { terraform: HCL },
    },
    {
      name: 'a written secret: at the value, 4 characters shown',
      client: { ClientSecret: SECRET },
      errors: [{ at: 'ClientSecret', message: { api: MESSAGE, terraform: /^The plan shows client_secret in clear \("q8w3…", 38 characters\): terraform show -json writes sensitive values unmasked/ } }],
      skip: { terraform: HCL },
    },
  ],
  fixtures: [
    {
      name: 'CloudFormation: a Ref to a parameter is no written secret',
      path: 'template.yaml',
      text: `${CFN}      ClientSecret: !Ref WebClientSecret
`,
    },
    {
      name: 'Describe output (aws cognito-idp describe-user-pool-client)',
      path: 'describe.json',
      text: `{"UserPoolClient": {"UserPoolId": "us-east-1_abc", "ClientName": "web", "ClientId": "abc", "ClientSecret": "${SECRET}"}}
                                                                                                           ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ a`,
      errors: [{ at: 'a', message: MESSAGE }],
    },
    {
      name: 'plan JSON: planned_values only',
      path: 'plan.json',
      text: `{"format_version": "1.2", "planned_values": {"root_module": {"resources": [{"address": "aws_cognito_user_pool_client.web", "mode": "managed", "type": "aws_cognito_user_pool_client", "name": "web",
  "values": {"name": "web", "user_pool_id": "us-east-1_abc", "client_secret": "${SECRET}"}}]}}}
                                                                              ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~`,
    },
    {
      name: 'plan JSON: a secret known only after apply is not written',
      path: 'plan.json',
      text: `{"format_version": "1.2", "resource_changes": [{"address": "aws_cognito_user_pool_client.web", "mode": "managed", "type": "aws_cognito_user_pool_client", "name": "web",
  "change": {"actions": ["create"], "after": {"name": "web", "user_pool_id": "us-east-1_abc", "generate_secret": true}, "after_unknown": {"client_secret": true}}}]}`,
    },
  ],
});
