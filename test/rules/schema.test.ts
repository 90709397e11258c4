import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../helpers';

const ID = 'schema';
const cfn = (props: string[]): string => ['Resources:', '  WebClient:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', ...props.map((p) => '      ' + p), ''].join('\n');

test('cloudformation yaml: misspelt member at its key, with the closest valid member', () => {
  const rows = runRule(ID, 't.yaml', cfn(['UserPoolId: !Ref Pool', 'CallbackUrls: [https://a.acme-corp.com/cb]']));
  assert.deepEqual(rows.map((r) => [r.line, r.column, r.endLine, r.endColumn]), [[6, 7, 6, 19]]);
  assert.match(rows[0]!.message, /"CallbackUrls" is not a member of AWS::Cognito::UserPoolClient; did you mean "CallbackURLs"\?/);
});

test('cloudformation yaml: enum item, integer range, nested key and required nested member', () => {
  const text = cfn([
    'UserPoolId: !Ref Pool',
    'ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_USER_SRP]',
    'AllowedOAuthScopes: [openid, "bad scope"]',
    'TokenValidityUnits:',
    '  AccessToken: hour',
    'RefreshTokenRotation:',
    '  RetryGracePeriodSeconds: 5',
  ]);
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(
    rows.map((r) => [r.line, r.column, r.endLine, r.endColumn]),
    [
      [6, 48, 6, 62],
      [7, 36, 7, 47],
      [9, 22, 9, 26],
      [10, 7, 10, 27],
    ],
  );
  assert.match(rows[0]!.message, /ExplicitAuthFlows\[1\] is "ALLOW_USER_SRP"; did you mean "ALLOW_USER_SRP_AUTH"\?/);
  assert.match(rows[1]!.message, /AllowedOAuthScopes\[1\] is "bad scope", which does not match the API pattern/);
  assert.match(rows[2]!.message, /TokenValidityUnits.AccessToken is "hour"; did you mean "hours"\?/);
  assert.match(rows[3]!.message, /Feature is required in RefreshTokenRotation/);
});

test('cloudformation: boolean and numeric strings mean their values; unknown values are never judged', () => {
  const text = cfn(['UserPoolId: !Ref Pool', 'GenerateSecret: "true"', 'AccessTokenValidity: "60"', 'ClientName: !Sub "${AWS::StackName}-web"', 'CallbackURLs: !Ref Urls', 'AllowedOAuthFlows: [!GetAtt X.Y]']);
  assert.deepEqual(runRule(ID, 't.yaml', text), []);
  assert.deepEqual(positions(ID, 't.yaml', cfn(['UserPoolId: !Ref Pool', 'GenerateSecret: "yes please"'])), [{ ruleId: ID, line: 6, column: 23, endLine: 6, endColumn: 35 }]);
});

test('cloudformation: ClientId and ClientSecret are read-only attributes, not properties', () => {
  const rows = runRule(ID, 't.yaml', cfn(['UserPoolId: !Ref Pool', 'ClientId: !Ref Name']));
  assert.deepEqual(rows.map((r) => [r.line, r.column, r.endLine, r.endColumn]), [[6, 7, 6, 15]]);
});

test('cloudformation json (CDK): list size and required UserPoolId at the logical id', () => {
  const text = '{\n "Resources": {\n  "WebClient": {\n   "Type": "AWS::Cognito::UserPoolClient",\n   "Properties": {\n    "AllowedOAuthFlows": ["code", "implicit", "client_credentials", "code"]\n   }\n  }\n }\n}\n';
  const rows = runRule(ID, 'Stack.template.json', text);
  assert.deepEqual(rows.map((r) => [r.line, r.column, r.endLine, r.endColumn]), [
    [3, 3, 3, 14],
    [6, 26, 6, 76],
  ]);
  assert.match(rows[0]!.message, /UserPoolId is required in AWS::Cognito::UserPoolClient/);
  assert.match(rows[1]!.message, /AllowedOAuthFlows has 4 entries; the API allows at most 3/);
});

test('api create request: ClientName required at the object start, UserPoolId pattern at the value', () => {
  const rows = runRule(ID, 'req.json', '{"UserPoolId": "<UserPoolId>"}');
  assert.deepEqual(rows.map((r) => [r.line, r.column, r.endLine, r.endColumn]), [
    [1, 1, 1, 2],
    [1, 16, 1, 30],
  ]);
  assert.match(rows[0]!.message, /ClientName is required in a CreateUserPoolClient request/);
  assert.match(rows[1]!.message, /UserPoolId is "<UserPoolId>", which does not match the API pattern/);
});

test('api update request: GenerateSecret is not an update member; type errors name both types', () => {
  const text = ['UserPoolId: us-east-1_abc', 'ClientId: abc123', 'GenerateSecret: true', 'AccessTokenValidity: one hour', ''].join('\n');
  const rows = runRule(ID, 'update.yaml', text);
  assert.deepEqual(rows.map((r) => [r.line, r.column, r.endLine, r.endColumn]), [
    [3, 1, 3, 15],
    [4, 22, 4, 30],
  ]);
  assert.match(rows[0]!.message, /"GenerateSecret" is not a member of an UpdateUserPoolClient request/);
  assert.match(rows[1]!.message, /AccessTokenValidity is the string "one hour"; expected an integer/);
});

test('api response: output members are allowed; ClientType enum is checked', () => {
  const text = '{"UserPoolClient": {"UserPoolId": "us-east-1_abc", "ClientId": "abc", "ClientSecret": "s3cr3t", "CreationDate": 1.5, "ClientType": "OTHER"}}';
  assert.deepEqual(positions(ID, 'out.json', text), [{ ruleId: ID, line: 1, column: 132, endLine: 1, endColumn: 139 }]);
});

test('serverless.yml: ${} variables are unknown, real violations still found', () => {
  const text = ['service: app', 'resources:', '  Resources:', '    Client:', '      Type: AWS::Cognito::UserPoolClient', '      Properties:', '        UserPoolId: ${self:custom.pool}', '        ClientName: ${self:service}-web', '        AllowedOAuthFlows: [code, token]', ''].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), [{ ruleId: ID, line: 9, column: 35, endLine: 9, endColumn: 40 }]);
});

test('Fn::If branches: only the bad branch is reported, once', () => {
  const text = ['Conditions:', '  Prod: !Equals [!Ref Env, prod]', ...cfn(['UserPoolId: !Ref Pool', 'PreventUserExistenceErrors: !If [Prod, ENABLED, ON]']).split('\n')].join('\n');
  // YAML 1.1 reads an unquoted ON as the boolean true, as CloudFormation does: a type error, reported once.
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map((r) => [r.line, r.column, r.endLine, r.endColumn]), [[8, 55, 8, 57]]);
  assert.match(rows[0]!.message, /PreventUserExistenceErrors is the boolean true; expected a string/);
});

test('duration ranges are left to token-validity-range; their types are still checked', () => {
  assert.deepEqual(positions(ID, 't.yaml', cfn(['UserPoolId: !Ref Pool', 'AuthSessionValidity: 30', 'AccessTokenValidity: 100000'])), []);
  assert.deepEqual(positions(ID, 't.yaml', cfn(['UserPoolId: !Ref Pool', 'AuthSessionValidity: [30]'])), [{ ruleId: ID, line: 6, column: 28, endLine: 6, endColumn: 32 }]);
});
