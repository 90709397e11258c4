import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRule } from '../../rules';
import { positions, runRule } from '../helpers';

const ID = 'analytics-pinpoint-deprecated';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool'];
/** A CloudFormation YAML template whose client properties start on line 6, column 7. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

test('metadata', () => {
  assert.equal(loadRule(ID).meta.category, 'security');
  assert.equal(loadRule(ID).meta.defaultSeverity, 'warning');
});

test('cloudformation yaml: any value counts, reported at the key', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['absent', [], []],
    ['application ARN from GetAtt', ['AnalyticsConfiguration:', '  ApplicationArn: !GetAtt PinpointApp.Arn', '  UserDataShared: true'], [at(6, 7, 6, 29)]],
    ['the whole value unknown (Ref without Default)', ['AnalyticsConfiguration: !Ref Analytics'], [at(6, 7, 6, 29)]],
    ['an empty object', ['AnalyticsConfiguration: {}'], [at(6, 7, 6, 29)]],
    ['Serverless-style variable', ['AnalyticsConfiguration: ${self:custom.analytics}'], [at(6, 7, 6, 29)]],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('message', () => {
  assert.equal(
    runRule(ID, 't.yaml', cfn('AnalyticsConfiguration: {ApplicationId: abc123}'))[0]!.message,
    'AnalyticsConfiguration is set, but its only target, Amazon Pinpoint, ended support on 2026-10-30; expected no AnalyticsConfiguration. Remove AnalyticsConfiguration (and the Pinpoint project and role it points to) and export user pool events through user pool log export or CloudTrail instead.',
  );
});

test('Fn::If: only the branch that keeps it', () => {
  const text = [
    'Conditions:',
    '  Analytics: !Equals [!Ref Env, prod]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      AnalyticsConfiguration: !If',
    '        - Analytics',
    '        - ApplicationArn: !GetAtt PinpointApp.Arn',
    '        - !Ref AWS::NoValue',
    '',
  ].join('\n');
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(7, 7, 7, 29)]);
  assert.deepEqual(positions(ID, 't.yaml', text.replace('        - ApplicationArn: !GetAtt PinpointApp.Arn', '        - !Ref AWS::NoValue')), []);
});

test('cloudformation json (CDK analytics.application)', () => {
  const text = `{
 "Resources": {
  "WebClient1A2B3C4D": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "AnalyticsConfiguration": {
     "ApplicationArn": { "Fn::GetAtt": ["PinpointApp", "Arn"] }
    },
    "UserPoolId": { "Ref": "Pool" }
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(6, 5, 6, 29)]);
});

test('api create, update and describe', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "AnalyticsConfiguration": {"ApplicationArn": "arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc", "UserDataShared": true}}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 54, 1, 78)]);
  const update = '{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "AnalyticsConfiguration": {"ApplicationId": "abc"}}';
  assert.deepEqual(positions(ID, 'update.json', update), [at(1, 52, 1, 76)]);
  assert.deepEqual(positions(ID, 'update.json', '{"UserPoolId": "us-east-1_abc", "ClientId": "abc"}'), []);
  const describe = '{\n  "UserPoolClient": {\n    "UserPoolId": "us-east-1_abc",\n    "AnalyticsConfiguration": {"ApplicationId": "abc", "UserDataShared": false}\n  }\n}';
  assert.deepEqual(positions(ID, 'describe.json', describe), [at(4, 5, 4, 29)]);
});

test('serverless.yml', () => {
  const text = [
    'service: web',
    'resources:',
    '  Resources:',
    '    Client:',
    '      Type: AWS::Cognito::UserPoolClient',
    '      Properties:',
    '        UserPoolId: !Ref Pool',
    '        ClientName: ${self:custom.clientName}',
    '',
  ].join('\n');
  // A variable elsewhere changes nothing: no AnalyticsConfiguration, no finding.
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  // Any value counts, even a variable the linter cannot resolve: the member is there either way.
  const withAnalytics = `${text}        AnalyticsConfiguration:\n          ApplicationId: \${self:custom.pinpointAppId}\n`;
  assert.deepEqual(positions(ID, 'serverless.yml', withAnalytics), [at(9, 9, 9, 31)]);
});
