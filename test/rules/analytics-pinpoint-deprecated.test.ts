import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRule } from '../../rules';
import { ruleTester, PLAN_UNSET } from '../rule-tester';
import { CFN, CLIENT_YAML, serverless } from './fixture-parts';

const ID = 'analytics-pinpoint-deprecated';

test('metadata', () => {
  assert.equal(loadRule(ID).meta.category, 'security');
  assert.equal(loadRule(ID).meta.defaultSeverity, 'warning');
});

// Any value counts, reported at the key (in Terraform: the analytics_configuration block).
ruleTester(ID, {
  valid: [{ name: 'absent', client: {} }],
  invalid: [
    {
      name: 'application id: message',
      client: { AnalyticsConfiguration: { ApplicationId: 'abc123' } },
      errors: [
        {
          at: 'AnalyticsConfiguration',
          on: 'key',
          message: {
            api: 'AnalyticsConfiguration is set, but its only target, Amazon Pinpoint, ended support on 2026-10-30; expected no AnalyticsConfiguration. Remove AnalyticsConfiguration (and the Pinpoint project and role it points to) and export user pool events through user pool log export or CloudTrail instead.',
          },
        },
      ],
    },
    {
      name: 'application ARN and user data shared',
      client: { AnalyticsConfiguration: { ApplicationArn: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', UserDataShared: true } },
      errors: [{ at: 'AnalyticsConfiguration', on: 'key' }],
    },
    { name: 'application id, user data not shared', client: { AnalyticsConfiguration: { ApplicationId: 'abc', UserDataShared: false } }, errors: [{ at: 'AnalyticsConfiguration', on: 'key' }] },
    { name: 'terraform block with a role', client: { AnalyticsConfiguration: { ApplicationId: 'abc', ExternalId: 'x', RoleArn: 'arn:aws:iam::123456789012:role/a' } }, errors: [{ at: 'AnalyticsConfiguration', on: 'key' }] },
    { name: 'an empty object', skip: { 'terraform-plan': PLAN_UNSET }, client: { AnalyticsConfiguration: {} }, errors: [{ at: 'AnalyticsConfiguration', on: 'key' }] },
  ],
  fixtures: [
    {
      name: 'application ARN from GetAtt',
      path: 'template.yaml',
      text: `${CFN}      AnalyticsConfiguration:
      ^~~~~~~~~~~~~~~~~~~~~~
        ApplicationArn: !GetAtt PinpointApp.Arn
        UserDataShared: true
`,
    },
    {
      name: 'the whole value unknown (Ref without Default)',
      path: 'template.yaml',
      text: `${CFN}      AnalyticsConfiguration: !Ref Analytics
      ^~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'Serverless-style variable',
      path: 'template.yaml',
      text: `${CFN}      AnalyticsConfiguration: \${self:custom.analytics}
      ^~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'Fn::If: the branch that keeps it',
      path: 't.yaml',
      text: `Conditions:
  Analytics: !Equals [!Ref Env, prod]
Resources:
${CLIENT_YAML}      AnalyticsConfiguration: !If
      ^~~~~~~~~~~~~~~~~~~~~~
        - Analytics
        - ApplicationArn: !GetAtt PinpointApp.Arn
        - !Ref AWS::NoValue
`,
    },
    {
      name: 'Fn::If: both branches remove it',
      path: 't.yaml',
      text: `Conditions:
  Analytics: !Equals [!Ref Env, prod]
Resources:
${CLIENT_YAML}      AnalyticsConfiguration: !If
        - Analytics
        - !Ref AWS::NoValue
        - !Ref AWS::NoValue
`,
    },
    {
      name: 'cloudformation json (CDK analytics.application)',
      path: 'Stack.template.json',
      text: `{
 "Resources": {
  "WebClient1A2B3C4D": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "AnalyticsConfiguration": {
    ^~~~~~~~~~~~~~~~~~~~~~~~
     "ApplicationArn": { "Fn::GetAtt": ["PinpointApp", "Arn"] }
    },
    "UserPoolId": { "Ref": "Pool" }
   }
  }
 }
}`,
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "AnalyticsConfiguration": {"ApplicationId": "abc"}}
                                                   ^~~~~~~~~~~~~~~~~~~~~~~~`,
    },
    {
      name: 'api update request without it',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc"}`,
    },
    {
      name: 'serverless.yml: a variable elsewhere changes nothing',
      path: 'serverless.yml',
      text: `${serverless('web')}        ClientName: \${self:custom.clientName}
`,
    },
    {
      name: 'serverless.yml: a variable the linter cannot resolve still counts',
      path: 'serverless.yml',
      text: `${serverless('web')}        ClientName: \${self:custom.clientName}
        AnalyticsConfiguration:
        ^~~~~~~~~~~~~~~~~~~~~~
          ApplicationId: \${self:custom.pinpointAppId}
`,
    },
  ],
});
