// Property-based tests for the loaders: no input makes them throw, and every position they produce lies
// inside the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { SourceFile } from '../src/source';
import { loadFile } from '../src/load-file';
import { evaluate } from '../src/evaluate';
import { loadAllRules } from '../rules';
import { settingsForPreset } from '../src/config';

const rules = loadAllRules();
const settings = settingsForPreset(rules, 'all');

const MEMBER_NAMES = ['UserPoolId', 'ClientName', 'CallbackURLs', 'LogoutURLs', 'DefaultRedirectURI', 'AllowedOAuthFlows', 'AllowedOAuthScopes', 'AllowedOAuthFlowsUserPoolClient', 'ExplicitAuthFlows', 'GenerateSecret', 'PreventUserExistenceErrors', 'EnableTokenRevocation', 'AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity', 'TokenValidityUnits', 'AuthSessionValidity', 'RefreshTokenRotation', 'WriteAttributes', 'ReadAttributes', 'AnalyticsConfiguration', 'EnablePropagateAdditionalUserContextData', 'SupportedIdentityProviders'];
const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('code', 'implicit', 'client_credentials', 'http://a.b/c', 'https://example.com', 'ALLOW_USER_PASSWORD_AUTH', 'minutes', 'days', 'ENABLED', '${self:x}', 'true'));
const intrinsic = (inner: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.record({ Ref: fc.constantFrom('AWS::NoValue', 'Param', 'Other', 'AWS::Region') }),
    fc.record({ 'Fn::If': fc.tuple(fc.constantFrom('Cond', 'Other'), inner, inner) }),
    fc.record({ 'Fn::Sub': fc.oneof(fc.string(), fc.constant('http://${Host}/x')) }),
    fc.record({ 'Fn::Join': fc.tuple(fc.string(), fc.array(inner, { maxLength: 3 })) }),
    fc.record({ 'Fn::Select': fc.tuple(fc.integer({ min: -1, max: 3 }), inner) }),
    fc.record({ 'Fn::GetAtt': fc.tuple(fc.string(), fc.string()) }),
  );
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.constantFrom(...MEMBER_NAMES), fc.string()), tie('value'), { maxKeys: 4 }), intrinsic(tie('value'))),
}));
const properties = fc.dictionary(fc.constantFrom(...MEMBER_NAMES), value, { maxKeys: 8 });
const template = fc.record({
  Parameters: fc.constant({ Param: { Type: 'String', Default: 'http://x.y/z' }, Host: { Type: 'String' } }),
  Conditions: fc.constant({ Cond: { 'Fn::Equals': [{ Ref: 'Param' }, 'a'] } }),
  Resources: fc.record({ Client: fc.record({ Type: fc.constant('AWS::Cognito::UserPoolClient'), Properties: fc.oneof(properties, value) }) }),
});

function assertPositionsInside(file: SourceFile): void {
  const loaded = loadFile(file);
  const findings = evaluate([loaded], rules, settings);
  const lines = file.text.split('\n').length;
  for (const finding of findings) {
    for (const region of [finding.region, ...finding.related.map((r) => r.region)]) {
      assert.ok(region.start.line >= 1 && region.end.line <= lines, `line inside the file: ${JSON.stringify(region)}`);
      assert.ok(region.start.line < region.end.line || region.start.column <= region.end.column);
      assert.ok(region.end.column - 1 <= file.lineText(region.end.line).length + 1);
    }
  }
}

test('templates of random shape never make a loader or rule throw; positions stay inside the file (JSON)', () => {
  fc.assert(fc.property(template, (t) => assertPositionsInside(new SourceFile('t.json', JSON.stringify(t, null, 1)))), { numRuns: 300 });
});

test('the same templates as YAML', () => {
  fc.assert(fc.property(template, (t) => assertPositionsInside(new SourceFile('t.yaml', stringify(t)))), { numRuns: 300 });
});

test('API requests of random shape', () => {
  fc.assert(fc.property(properties, (p) => assertPositionsInside(new SourceFile('r.json', JSON.stringify({ UserPoolId: 'us-east-1_a', ...p })))), { numRuns: 300 });
});

test('arbitrary text and mutated templates never throw', () => {
  const base = 'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref P\n      CallbackURLs: [!If [C, "http://a", !Ref AWS::NoValue]]\n      ExplicitAuthFlows: [ALLOW_USER_PASSWORD_AUTH]\n';
  const mutated = fc.tuple(fc.nat(base.length), fc.nat(20), fc.string({ maxLength: 10 })).map(([at, remove, insert]) => base.slice(0, at) + insert + base.slice(at + remove));
  fc.assert(fc.property(fc.oneof(mutated, fc.string()), (text) => {
    assertPositionsInside(new SourceFile('m.yaml', text));
    assertPositionsInside(new SourceFile('m.json', text));
  }), { numRuns: 500 });
});
