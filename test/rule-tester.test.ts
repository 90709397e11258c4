// The rule tester's own tests: it must fail when a case is wrong, and its renderings must be what
// each dialect really reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLIENT, DIALECTS, checkApiCase, checkFixture, lint, parseFixture, render, type ApiClient, type InvalidCase } from './rule-tester';
import { SourceFile } from '../src/source';
import { loadFile, prepareParsers } from '../src/load-file';

const PUEE = 'prevent-user-existence-errors';
const legacy = (errors: InvalidCase['errors']): InvalidCase => ({ name: 'LEGACY', client: { PreventUserExistenceErrors: 'LEGACY' }, errors });

/** A client with one member of each shape, every value valid for the API. */
const FULL: ApiClient = {
  ClientName: 'web',
  GenerateSecret: true,
  CallbackURLs: ['https://app.example.com/cb', 'https://app.example.com/cb2'],
  LogoutURLs: ['https://app.example.com/out'],
  DefaultRedirectURI: 'https://app.example.com/cb',
  AllowedOAuthFlows: ['code'],
  AllowedOAuthScopes: ['openid', 'email'],
  AllowedOAuthFlowsUserPoolClient: true,
  ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  SupportedIdentityProviders: ['COGNITO'],
  ReadAttributes: ['email'],
  WriteAttributes: ['email'],
  PreventUserExistenceErrors: 'ENABLED',
  EnableTokenRevocation: true,
  EnablePropagateAdditionalUserContextData: false,
  AccessTokenValidity: 60,
  IdTokenValidity: 60,
  RefreshTokenValidity: 30,
  TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
  AuthSessionValidity: 3,
  RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
};

for (const dialect of DIALECTS) {
  test(`${dialect}: the rendering of a complete client has no schema finding (every name is spelt right)`, async () => {
    const rendering = render(dialect, FULL);
    assert.deepEqual(await lint('schema', rendering.path, rendering.text), [], rendering.text);
  });

  test(`${dialect}: a recorded place holds what was written there`, () => {
    const rendering = render(dialect, FULL);
    const lines = rendering.text.split('\n');
    const textAt = (at: string, on: 'key' | 'value' = 'value'): string => {
      const place = rendering.place(at, on);
      assert.equal(place.line, place.endLine, `${at} is on one line`);
      return lines[place.line - 1]!.slice(place.column - 1, place.endColumn - 1);
    };
    assert.equal(textAt('CallbackURLs[1]'), '"https://app.example.com/cb2"');
    assert.equal(textAt('AccessTokenValidity'), '60');
    assert.equal(textAt('TokenValidityUnits.RefreshToken'), '"days"');
    assert.match(textAt('RefreshTokenRotation', 'key'), /^"?(RefreshTokenRotation|refresh_token_rotation)"?$/);
    assert.throws(() => rendering.place('NotWritten', 'value'), /has no value at NotWritten/);
  });

  test(`${dialect}: fails on a wrong position, a missing or an extra finding, a wrong message`, async () => {
    await checkApiCase(PUEE, dialect, legacy([{ at: 'PreventUserExistenceErrors' }]));
    await assert.rejects(checkApiCase(PUEE, dialect, legacy([{ at: 'PreventUserExistenceErrors', on: 'key' }])), assert.AssertionError);
    await assert.rejects(checkApiCase(PUEE, dialect, legacy([])), assert.AssertionError);
    await assert.rejects(checkApiCase(PUEE, dialect, legacy([{ at: 'PreventUserExistenceErrors' }, { at: CLIENT }])), assert.AssertionError);
    await assert.rejects(checkApiCase(PUEE, dialect, legacy([{ at: 'PreventUserExistenceErrors', message: /no such message/ }])), assert.AssertionError);
    await assert.rejects(checkApiCase(PUEE, dialect, legacy([{ at: 'PreventUserExistenceErrors', message: 'LEGACY' }])), assert.AssertionError);
  });
}

test('a rendering mistake (a member the dialect does not read) fails the case', async () => {
  // The misspelt member is written, but no loader reads it as PreventUserExistenceErrors: the finding is
  // at the client, not at the value the case names.
  const misspelt: InvalidCase = { name: 'misspelt', client: { PreventUserExistenceError: 'LEGACY' }, errors: [{ at: 'PreventUserExistenceError' }] };
  for (const dialect of DIALECTS) await assert.rejects(checkApiCase(PUEE, dialect, misspelt), assert.AssertionError, dialect);
});

test('related locations are compared when the case gives them', async () => {
  const client = { AllowedOAuthFlows: ['code'], CallbackURLs: ['https://a.example.com/cb'], AllowedOAuthFlowsUserPoolClient: false };
  const flag = { at: 'AllowedOAuthFlowsUserPoolClient', message: { api: /is false here/ } };
  const ok: InvalidCase = { name: 'flag', client, errors: [{ at: 'AllowedOAuthFlows', on: 'key', related: [flag] }, { at: 'CallbackURLs', on: 'key', related: [flag] }] };
  await checkApiCase('oauth-requires-user-pool-client-flag', 'cloudformation-yaml', ok);
  const wrong: InvalidCase = { ...ok, errors: [{ at: 'AllowedOAuthFlows', on: 'key', related: [{ at: 'CallbackURLs' }] }, { at: 'CallbackURLs', on: 'key', related: [flag] }] };
  await assert.rejects(checkApiCase('oauth-requires-user-pool-client-flag', 'cloudformation-yaml', wrong), assert.AssertionError);
});

test('fixture markers: caret lines, inline markers across lines, names; CRLF keeps columns', () => {
  const { text, marks, unnamed } = parseFixture(['a: 1', 'bb: hello', '    ^~~~~', '    ^~ he', 'c: «x', 'y»[xy]', ''].join('\n'), true);
  assert.equal(text, 'a: 1\r\nbb: hello\r\nc: x\r\ny\r\n');
  assert.deepEqual(unnamed, [{ line: 2, column: 5, endLine: 2, endColumn: 10 }]);
  assert.deepEqual(marks.get('he'), { line: 2, column: 5, endLine: 2, endColumn: 7 });
  assert.deepEqual(marks.get('xy'), { line: 3, column: 4, endLine: 4, endColumn: 2 });
  assert.throws(() => parseFixture('  ^~~\nx', false), /no line above it/);
  // A caret line stands under the line as written, inline marker included; the columns are those without it.
  const mixed = parseFixture(['x: «ab»[ab] cd', '            ^~ cd'].join('\n'), false);
  assert.equal(mixed.text, 'x: ab cd');
  assert.deepEqual(mixed.marks.get('ab'), { line: 1, column: 4, endLine: 1, endColumn: 6 });
  assert.deepEqual(mixed.marks.get('cd'), { line: 1, column: 7, endLine: 1, endColumn: 9 });
});

test('fixtures fail on a wrong marker, an unreferenced name, a missing finding', async () => {
  const path = 'template.yaml';
  const head = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool'];
  const good = [...head, '      PreventUserExistenceErrors: LEGACY', '                                  ^~~~~~ v', ''].join('\n');
  await checkFixture(PUEE, { name: 'good', path, text: good, errors: [{ at: 'v', message: /"LEGACY"/ }] });
  await assert.rejects(checkFixture(PUEE, { name: 'one column off', path, text: good.replace('  ^~~~~~ v', '   ^~~~~~ v'), errors: [{ at: 'v' }] }), assert.AssertionError);
  await assert.rejects(checkFixture(PUEE, { name: 'unreferenced', path, text: good }), /not referenced/);
  await assert.rejects(checkFixture(PUEE, { name: 'no marker', path, text: good.replace(/\n +\^~+ v/, '') }), assert.AssertionError);
  await assert.rejects(checkFixture(PUEE, { name: 'wrong message', path, text: good, errors: [{ at: 'v', message: 'x' }] }), assert.AssertionError);
});

test('a case states the fixed text and the fix kind (ESLint output); a wrong one fails in every dialect', async () => {
  const fixed: InvalidCase = { name: 'LEGACY', client: { PreventUserExistenceErrors: 'LEGACY' }, errors: [{ at: 'PreventUserExistenceErrors' }], output: { PreventUserExistenceErrors: 'ENABLED' }, fixType: 'remediation' };
  for (const dialect of DIALECTS) {
    await checkApiCase(PUEE, dialect, fixed);
    // A plan is never fixed: there the expected text is the plan as it is, whatever the case says.
    if (dialect !== 'terraform-plan') {
      await assert.rejects(checkApiCase(PUEE, dialect, { ...fixed, fixType: 'fix' }), assert.AssertionError, `${dialect}: wrong kind`);
      await assert.rejects(checkApiCase(PUEE, dialect, { ...fixed, output: { PreventUserExistenceErrors: 'LEGACY' } }), assert.AssertionError, `${dialect}: wrong text`);
      await assert.rejects(checkApiCase(PUEE, dialect, { ...fixed, output: null }), assert.AssertionError, `${dialect}: a fix where none was expected`);
    }
  }
  const path = 't.yaml';
  const text = 'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      PreventUserExistenceErrors: «LEGACY»\n';
  await checkFixture(PUEE, { name: 'fixed', path, text, output: text.replace('«LEGACY»', 'ENABLED'), fixType: 'remediation' });
  await assert.rejects(checkFixture(PUEE, { name: 'not fixed', path, text, output: null }), assert.AssertionError);
});

// A case's pool is written beside the client: the loader must tie the client to it and read every fact.
for (const dialect of DIALECTS.filter((d) => !d.startsWith('api-'))) {
  test(`${dialect}: the pool beside the client is tied, with its tier, schema, providers and resource servers`, async () => {
    const rendering = render(dialect, { ClientName: 'web' }, { UserPoolTier: 'LITE', Schema: ['tenant_id'], IdentityProviders: ['Okta'], ResourceServers: { orders: ['read'] } });
    await prepareParsers([rendering.path]);
    const [client] = loadFile(new SourceFile(rendering.path, rendering.text)).clients;
    assert.ok(client?.resources && client.userPool !== undefined, rendering.text);
    const index = client.resources();
    const pool = index.pools.get(client.userPool);
    assert.equal(pool?.tier?.value, 'LITE', rendering.text);
    assert.deepEqual(pool?.schemaAttributes, ['tenant_id']);
    assert.deepEqual(index.identityProviders.map((p) => [p.pool === client.userPool, p.name]), [[true, 'Okta']]);
    assert.deepEqual(index.resourceServers.map((s) => [s.pool === client.userPool, s.scopes]), [[true, ['orders/read']]]);
    // Nothing else in the rendering is judged: the siblings are valid resources of their types.
    assert.deepEqual(await lint('schema', rendering.path, rendering.text), [], rendering.text);
  });
}
