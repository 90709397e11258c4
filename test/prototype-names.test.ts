// Names from the input that are also Object.prototype's ("toString", "constructor", "__proto__") are
// ordinary unknown names: no lookup table may answer them with a prototype member (a flow list of
// ["toString"] once failed the whole file with an internal error).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gitRepository } from './bin-helpers';
import { runCli } from './cli-helpers';

const TERRAFORM = `resource "aws_cognito_user_pool_client" "c" {
  name         = "x"
  user_pool_id = "us-east-1_a"
  constructor  = 1
  toString     = "a"
  token_validity_units {
    constructor = "x"
  }
  explicit_auth_flows = ["toString", "constructor", "__proto__"]
  write_attributes    = ["constructor", "hasOwnProperty"]
}
`;
const REQUEST = '{"UserPoolId":"us-east-1_a","ClientName":"c","ExplicitAuthFlows":["toString","__proto__"],"WriteAttributes":["constructor"],"constructor":1,"TokenValidityUnits":{"toString":"x"}}';

test('prototype member names in Terraform and API requests are reported as unknown, not as an internal error', async () => {
  const root = gitRepository({ 'main.tf': TERRAFORM, 'create-user-pool-client.json': REQUEST });
  const run = await runCli(['.', '--format', 'json', '--fail-on', 'none'], root);
  assert.equal(run.code, 0, run.stderr);
  const results = (JSON.parse(run.stdout) as { results: Array<{ ruleId: string; message: string; file: string }> }).results;
  assert.deepEqual(results.filter((r) => r.ruleId === 'parse-error'), []);
  const schema = (file: string): string[] => results.filter((r) => r.file === file && r.ruleId === 'schema').map((r) => r.message.split(/[;.] /)[0]!).sort();
  assert.deepEqual(schema('main.tf'), [
    '"constructor" is not a member of aws_cognito_user_pool_client',
    '"constructor" is not a member of token_validity_units',
    '"toString" is not a member of aws_cognito_user_pool_client',
    'explicit_auth_flows[0] is "toString"',
    'explicit_auth_flows[1] is "constructor"',
    'explicit_auth_flows[2] is "__proto__"',
  ]);
  assert.deepEqual(schema('create-user-pool-client.json'), [
    '"constructor" is not a member of a CreateUserPoolClient request',
    '"toString" is not a member of TokenValidityUnits',
    'ExplicitAuthFlows[0] is "toString"',
    'ExplicitAuthFlows[1] is "__proto__"',
  ]);
});
