// Generates the benchmark corpora (deterministically: same seed, same bytes) under a work directory:
//   cfn-yaml/     CloudFormation/SAM YAML templates, every one with app clients (3 KB to 100 KB)
//   cfn-json/     CDK-synth-like JSON templates, every one with app clients (3 KB to 180 KB)
//   repo/         a repository-like tree of 10,000 files, 1% of them holding clients
//   scale-N/      N small client templates (N = 10, 100, 1000, 10000): cost against file count
//   size-N/       one client template of about N KB: cost against file size
//   one/          one small template with one client: cold start
// Real templates from ../shared/corpus (or $BENCH_SEED_CORPUS) are the starting points; generated
// clients and realistic filler resources are added to reach each size.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** Bump when the output changes: the runner regenerates when the stamp differs. */
const GENERATOR_VERSION = 3;

function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    /** Log-uniform between lo and hi. */
    logUniform: (lo, hi) => Math.round(Math.exp(Math.log(lo) + next() * (Math.log(hi) - Math.log(lo)))),
    hex: (n) => Array.from({ length: n }, () => '0123456789ABCDEF'[Math.floor(next() * 16)]).join(''),
    word: () => r.pick(WORDS),
    words: (n) => Array.from({ length: n }, () => r.pick(WORDS)).join(' '),
    pascal: (n) => Array.from({ length: n }, () => cap(r.pick(WORDS))).join(''),
  };
  return r;
}

const WORDS = (
  'order orders user users account billing invoice payment cart checkout catalog product inventory shipment ' +
  'search index report analytics event events stream queue worker notify email message chat session profile ' +
  'admin portal gateway edge media image thumbnail upload download archive backup audit log metrics health ' +
  'tenant team project task schedule booking calendar ticket support review rating comment feed social mobile ' +
  'web app api service backend frontend data store table bucket cache config secret key token auth identity'
).split(' ');
const cap = (s) => s[0].toUpperCase() + s.slice(1);

// ---- Cognito app clients ----------------------------------------------------------------------------

const FLOWS_GOOD = ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_AUTH'];
const FLOWS_BAD = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'];
const SCOPES = ['openid', 'email', 'profile', 'phone', 'aws.cognito.signin.user.admin'];
const ATTRIBUTES = ['email', 'name', 'family_name', 'given_name', 'phone_number', 'locale', 'picture', 'custom:plan', 'custom:tenant_id', 'email_verified'];

/** A client's properties as plain data; `ref`/`sub`/`getAtt` mark intrinsics for the YAML/JSON writers. */
function clientProperties(r, poolId, n) {
  const p = {};
  p.UserPoolId = { ref: poolId };
  p.ClientName = r.chance(0.5) ? { sub: `\${AWS::StackName}-${r.word()}-${n}` } : `${r.word()}-${r.word()}-client-${n}`;
  const machine = r.chance(0.15);
  p.GenerateSecret = machine || r.chance(0.2);
  if (r.chance(0.85)) {
    p.AllowedOAuthFlowsUserPoolClient = r.chance(0.9);
    p.AllowedOAuthFlows = machine ? ['client_credentials'] : r.chance(0.25) ? ['code', 'implicit'] : ['code'];
    p.AllowedOAuthScopes = machine ? [`${r.word()}-api/read`, `${r.word()}-api/write`] : SCOPES.filter(() => r.chance(0.6)).concat(['openid']).filter((v, i, a) => a.indexOf(v) === i);
    if (!machine) {
      const host = r.pick([`${r.word()}.${r.word()}.io`, `app.${r.word()}.com`, 'localhost:3000', `${r.word()}.example.com`]);
      const scheme = host.startsWith('localhost') || r.chance(0.1) ? 'http' : 'https';
      p.CallbackURLs = [`${scheme}://${host}/callback`, `https://${r.word()}.${r.word()}.net/oauth2/idpresponse`];
      if (r.chance(0.3)) p.CallbackURLs.push({ sub: `https://\${DomainName}/${r.word()}/callback` });
      if (r.chance(0.1)) p.CallbackURLs.push(`https://*.${r.word()}.com/cb`);
      p.LogoutURLs = [`${scheme}://${host}/logout`];
      if (r.chance(0.3)) p.DefaultRedirectURI = p.CallbackURLs[0];
      p.SupportedIdentityProviders = r.chance(0.3) ? ['COGNITO', { ref: 'GoogleProvider' }] : ['COGNITO'];
    }
  }
  if (!machine) {
    const flows = FLOWS_GOOD.filter(() => r.chance(0.6));
    if (r.chance(0.3)) flows.push(r.pick(FLOWS_BAD));
    p.ExplicitAuthFlows = flows.length ? flows : ['ALLOW_REFRESH_TOKEN_AUTH'];
  }
  if (r.chance(0.8)) p.PreventUserExistenceErrors = r.chance(0.7) ? 'ENABLED' : 'LEGACY';
  if (r.chance(0.7)) {
    p.AccessTokenValidity = r.pick([5, 15, 60, 120, 1440]);
    p.IdTokenValidity = r.pick([5, 60, 60, 1440]);
    p.RefreshTokenValidity = r.pick([1, 7, 30, 90, 3650]);
    p.TokenValidityUnits = { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' };
  }
  if (r.chance(0.6)) p.EnableTokenRevocation = r.chance(0.85);
  if (r.chance(0.4)) p.AuthSessionValidity = r.pick([3, 5, 15]);
  if (r.chance(0.5)) p.ReadAttributes = ATTRIBUTES.filter(() => r.chance(0.5));
  if (r.chance(0.4)) p.WriteAttributes = ATTRIBUTES.filter(() => r.chance(0.3));
  if (r.chance(0.2)) p.AnalyticsConfiguration = { ApplicationId: { ref: 'PinpointApp' }, UserDataShared: false };
  return p;
}

// ---- Filler resources (plain data with intrinsic markers) ---------------------------------------------

function lambdaCode(r) {
  const name = r.word();
  const lines = [
    'import json',
    'import os',
    'import boto3',
    '',
    `TABLE = os.environ["${name.toUpperCase()}_TABLE"]`,
    `dynamodb = boto3.resource("dynamodb")`,
    '',
    'def handler(event, context):',
    `    """Handles ${r.words(4)} requests."""`,
    '    table = dynamodb.Table(TABLE)',
  ];
  for (let i = 0, n = r.int(2, 12); i < n; i++) {
    lines.push(`    # ${r.words(r.int(3, 9))}`);
    lines.push(`    item_${i} = table.get_item(Key={"pk": event.get("${r.word()}", "${r.word()}")}).get("Item")`);
    if (r.chance(0.4)) lines.push(`    if item_${i} is None:`, `        return {"statusCode": 404, "body": json.dumps({"error": "${r.words(3)}"})}`);
  }
  lines.push('    return {"statusCode": 200, "body": json.dumps({"ok": True})}');
  return lines.join('\n') + '\n';
}

function fillerResource(r, prefix) {
  const kind = r.int(0, 7);
  const id = `${prefix}${r.pascal(2)}`;
  switch (kind) {
    case 0:
      return [id + 'Function', {
        Type: 'AWS::Lambda::Function',
        Properties: {
          FunctionName: { sub: `\${AWS::StackName}-${r.word()}-${r.word()}` },
          Runtime: r.pick(['python3.12', 'nodejs20.x', 'python3.11']),
          Handler: 'index.handler',
          MemorySize: r.pick([128, 256, 512, 1024]),
          Timeout: r.pick([3, 10, 30, 60]),
          Role: { getAtt: `${id}Role.Arn` },
          Code: { ZipFile: { block: lambdaCode(r) } },
          Environment: { Variables: { [`${r.word().toUpperCase()}_TABLE`]: { ref: `${id}Table` }, LOG_LEVEL: r.pick(['INFO', 'DEBUG']), STAGE: { ref: 'Stage' } } },
          Tags: [{ Key: 'team', Value: r.word() }, { Key: 'cost-center', Value: String(r.int(1000, 9999)) }],
        },
      }];
    case 1: {
      const statements = [];
      for (let i = 0, n = r.int(1, 5); i < n; i++) {
        statements.push({
          Effect: 'Allow',
          Action: Array.from({ length: r.int(1, 5) }, () => `${r.pick(['dynamodb', 's3', 'sqs', 'sns', 'logs', 'kms'])}:${r.pick(['GetItem', 'PutItem', 'Query', 'GetObject', 'PutObject', 'SendMessage', 'Publish', 'CreateLogStream', 'PutLogEvents', 'Decrypt'])}`),
          Resource: r.chance(0.5) ? [{ getAtt: `${r.pascal(2)}Table.Arn` }, { sub: `arn:aws:s3:::\${${r.pascal(1)}Bucket}/*` }] : { sub: `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/${r.word()}-*` },
        });
      }
      return [id + 'Role', {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] }] },
          ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
          Policies: [{ PolicyName: `${r.word()}-access`, PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
        },
      }];
    }
    case 2:
      return [id + 'Table', {
        Type: 'AWS::DynamoDB::Table',
        DeletionPolicy: 'Retain',
        Properties: {
          TableName: { sub: `\${AWS::StackName}-${r.word()}` },
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }, { AttributeName: `${r.word()}Id`, AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
          GlobalSecondaryIndexes: [{ IndexName: `by-${r.word()}`, KeySchema: [{ AttributeName: `${r.word()}Id`, KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: { SSEEnabled: true },
        },
      }];
    case 3:
      return [id + 'Bucket', {
        Type: 'AWS::S3::Bucket',
        Properties: {
          BucketName: { sub: `${r.word()}-\${AWS::AccountId}-\${AWS::Region}` },
          VersioningConfiguration: { Status: 'Enabled' },
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
          BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { ref: 'KmsKey' } } }] },
          LifecycleConfiguration: { Rules: [{ Id: 'expire-old', Status: 'Enabled', ExpirationInDays: r.pick([30, 90, 365]) }] },
          CorsConfiguration: { CorsRules: [{ AllowedMethods: ['GET', 'PUT'], AllowedOrigins: [`https://${r.word()}.${r.word()}.com`], AllowedHeaders: ['*'], MaxAge: 3000 }] },
        },
      }];
    case 4:
      return [id + 'Queue', {
        Type: 'AWS::SQS::Queue',
        Properties: {
          QueueName: { sub: `\${AWS::StackName}-${r.word()}-queue` },
          VisibilityTimeout: r.pick([30, 60, 300]),
          MessageRetentionPeriod: 1209600,
          RedrivePolicy: { deadLetterTargetArn: { getAtt: `${id}DeadLetterQueue.Arn` }, maxReceiveCount: r.int(3, 10) },
          KmsMasterKeyId: 'alias/aws/sqs',
        },
      }];
    case 5:
      return [id + 'Method', {
        Type: 'AWS::ApiGateway::Method',
        Properties: {
          RestApiId: { ref: 'RestApi' },
          ResourceId: { ref: `${id}Resource` },
          HttpMethod: r.pick(['GET', 'POST', 'PUT', 'DELETE']),
          AuthorizationType: 'COGNITO_USER_POOLS',
          AuthorizerId: { ref: 'CognitoAuthorizer' },
          Integration: {
            Type: 'AWS_PROXY',
            IntegrationHttpMethod: 'POST',
            Uri: { sub: `arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${r.pascal(2)}Function.Arn}/invocations` },
          },
          MethodResponses: [{ StatusCode: '200' }, { StatusCode: '400' }],
        },
      }];
    case 6:
      return [id + 'Alarm', {
        Type: 'AWS::CloudWatch::Alarm',
        Properties: {
          AlarmDescription: r.words(r.int(5, 12)),
          Namespace: 'AWS/Lambda',
          MetricName: r.pick(['Errors', 'Throttles', 'Duration']),
          Dimensions: [{ Name: 'FunctionName', Value: { ref: `${r.pascal(2)}Function` } }],
          Statistic: 'Sum',
          Period: 300,
          EvaluationPeriods: r.int(1, 5),
          Threshold: r.int(1, 100),
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          AlarmActions: [{ ref: 'AlertTopic' }],
          TreatMissingData: 'notBreaching',
        },
      }];
    default:
      return [id + 'Api', {
        Type: 'AWS::Serverless::Function',
        Properties: {
          CodeUri: `src/${r.word()}/`,
          Handler: 'app.lambda_handler',
          Runtime: 'python3.12',
          Events: {
            Get: { Type: 'Api', Properties: { Path: `/${r.word()}/{id}`, Method: 'get', Auth: { Authorizer: 'CognitoAuthorizer' } } },
            Post: { Type: 'Api', Properties: { Path: `/${r.word()}`, Method: 'post' } },
          },
          Policies: [{ DynamoDBCrudPolicy: { TableName: { ref: `${r.pascal(1)}Table` } } }],
        },
      }];
  }
}

// ---- YAML writer (CloudFormation style: short-form intrinsics, 2-space indent) ---------------------

const PLAIN_SAFE = /^[A-Za-z_/$][A-Za-z0-9_./:${}@ -]*$/;
const RESERVED = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;

function yamlScalar(value, r) {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  const s = String(value);
  if (PLAIN_SAFE.test(s) && !RESERVED.test(s) && !/[:#] |: *$| $/.test(s) && !/^\d/.test(s) && (!r || !r.chance(0.15))) return s;
  if (!s.includes("'") && (!r || r.chance(0.6))) return `'${s}'`;
  return JSON.stringify(s);
}

function intrinsicYaml(value) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if ('ref' in value) return `!Ref ${value.ref}`;
    if ('getAtt' in value) return `!GetAtt ${value.getAtt}`;
    if ('sub' in value) return `!Sub '${value.sub}'`;
  }
  return undefined;
}

function toYaml(value, indent, r) {
  const pad = ' '.repeat(indent);
  const out = [];
  for (const [key, v] of Object.entries(value)) out.push(...yamlPair(key, v, indent, pad, r));
  return out;
}

function yamlPair(key, v, indent, pad, r) {
  const intrinsic = intrinsicYaml(v);
  if (intrinsic) return [`${pad}${key}: ${intrinsic}`];
  if (v && typeof v === 'object' && 'block' in v) {
    const body = v.block.split('\n').slice(0, -1).map((line) => (line ? ' '.repeat(indent + 2) + line : ''));
    return [`${pad}${key}: |`, ...body];
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return [`${pad}${key}: []`];
    if (v.every((item) => typeof item !== 'object') && r.chance(0.3)) return [`${pad}${key}: [${v.map((item) => yamlScalar(item)).join(', ')}]`];
    const lines = [`${pad}${key}:`];
    for (const item of v) lines.push(...yamlItem(item, indent + 2, r));
    return lines;
  }
  if (v && typeof v === 'object') {
    if (Object.keys(v).length === 0) return [`${pad}${key}: {}`];
    return [`${pad}${key}:`, ...toYaml(v, indent + 2, r)];
  }
  const comment = r.chance(0.03) ? `  # ${r.words(3)}` : '';
  return [`${pad}${key}: ${yamlScalar(v, r)}${comment}`];
}

function yamlItem(item, indent, r) {
  const pad = ' '.repeat(indent);
  const intrinsic = intrinsicYaml(item);
  if (intrinsic) return [`${pad}- ${intrinsic}`];
  if (Array.isArray(item)) return [`${pad}-`, ...item.flatMap((i) => yamlItem(i, indent + 2, r))];
  if (item && typeof item === 'object') {
    const lines = toYaml(item, indent + 2, r);
    lines[0] = `${pad}- ${lines[0].slice(indent + 2)}`;
    return lines;
  }
  return [`${pad}- ${yamlScalar(item, r)}`];
}

// ---- JSON writer (CDK synth style: long-form intrinsics, 1-space indent, hashed logical ids) ---------

function toJsonData(value) {
  if (Array.isArray(value)) return value.map(toJsonData);
  if (value && typeof value === 'object') {
    if ('ref' in value) return { Ref: value.ref };
    if ('getAtt' in value) return { 'Fn::GetAtt': value.getAtt.split('.') };
    if ('sub' in value) return { 'Fn::Join': ['', value.sub.split(/(\$\{[^}]+\})/).filter(Boolean).map((part) => (part.startsWith('${') ? { Ref: part.slice(2, -1) } : part))] };
    if ('block' in value) return value.block;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonData(v)]));
  }
  return value;
}

// ---- Templates ---------------------------------------------------------------------------------------

function loadSeeds(seedDir) {
  const yamlSeeds = [];
  const jsonSeeds = [];
  const files = fs.readdirSync(seedDir, { recursive: true }).map(String).sort();
  for (const name of files) {
    const file = path.join(seedDir, name);
    if (!fs.statSync(file).isFile()) continue;
    const text = fs.readFileSync(file, 'utf8');
    if (/\.ya?ml$/.test(name)) {
      if (/^Resources:\s*$/m.test(text) && !/\t/.test(text)) yamlSeeds.push(text.endsWith('\n') ? text : text + '\n');
    } else if (name.endsWith('.json')) {
      try {
        const data = JSON.parse(text);
        if (data && typeof data.Resources === 'object') jsonSeeds.push(data);
      } catch {
        // not a template
      }
    }
  }
  if (yamlSeeds.length === 0) yamlSeeds.push('AWSTemplateFormatVersion: "2010-09-09"\nDescription: generated\nResources:\n  Placeholder:\n    Type: AWS::SNS::Topic\n');
  if (jsonSeeds.length === 0) jsonSeeds.push({ Resources: { Placeholder: { Type: 'AWS::SNS::Topic' } } });
  return { yamlSeeds, jsonSeeds };
}

/** The generated resources of one template: a pool, 1-4 clients, then filler up to `fillBytes` of YAML. */
function generatedResources(r, clients) {
  const resources = [];
  const pool = `Gen${r.pascal(1)}UserPool`;
  resources.push([pool, { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: { sub: `\${AWS::StackName}-users` }, UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'], MfaConfiguration: 'OPTIONAL', Policies: { PasswordPolicy: { MinimumLength: 12, RequireSymbols: true } } } }]);
  for (let i = 0; i < clients; i++) resources.push([`${r.pascal(2)}Client${i}`, { Type: 'AWS::Cognito::UserPoolClient', Properties: clientProperties(r, pool, i) }]);
  return resources;
}

function yamlTemplate(r, seeds, targetBytes) {
  const candidates = seeds.yamlSeeds.filter((s) => s.length < targetBytes * 0.8);
  const seed = candidates.length ? r.pick(candidates) : seeds.yamlSeeds.reduce((a, b) => (a.length <= b.length ? a : b));
  const lines = seed.split('\n');
  const at = lines.findIndex((line) => /^Resources:\s*$/.test(line));
  const firstResource = lines.slice(at + 1).find((line) => /^ +[A-Za-z0-9]+:\s*$/.test(line));
  const indent = firstResource ? firstResource.length - firstResource.trimStart().length : 2;
  const added = [];
  let size = seed.length;
  const emit = ([id, body]) => {
    const text = [`${' '.repeat(indent)}${id}:`, ...toYaml(body, indent * 2, r)].join('\n') + '\n';
    added.push(text);
    size += text.length;
  };
  for (const resource of generatedResources(r, r.int(1, 4))) emit(resource);
  let n = 0;
  while (size < targetBytes) emit(fillerResource(r, `G${n++}`));
  return [...lines.slice(0, at + 1), added.join('').replace(/\n$/, ''), ...lines.slice(at + 1)].join('\n');
}

function jsonTemplate(r, seeds, targetBytes) {
  const candidates = seeds.jsonSeeds.filter((s) => JSON.stringify(s, null, 1).length < targetBytes * 0.8);
  const seed = candidates.length ? r.pick(candidates) : seeds.jsonSeeds[0];
  const template = JSON.parse(JSON.stringify(seed));
  const stack = `${r.pascal(2)}Stack`;
  const added = {};
  let size = JSON.stringify(template, null, 1).length;
  const emit = ([id, body]) => {
    const logicalId = `${id}${r.hex(8)}`;
    const data = { ...toJsonData(body), Metadata: { 'aws:cdk:path': `${stack}/${id}/Resource` } };
    added[logicalId] = data;
    size += JSON.stringify(data, null, 1).length + logicalId.length + 8;
  };
  for (const resource of generatedResources(r, r.int(1, 4))) emit(resource);
  let n = 0;
  while (size < targetBytes) emit(fillerResource(r, `G${n++}`));
  template.Resources = { ...added, ...template.Resources };
  template.Parameters ??= {};
  template.Parameters.BootstrapVersion = { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/hnb659fds/version', Description: 'Version of the CDK Bootstrap resources in this environment, automatically retrieved from SSM Parameter Store. [cdk:skip]' };
  return JSON.stringify(template, null, 1) + '\n';
}

// ---- Repository-like tree -------------------------------------------------------------------------------

function tsFile(r, target) {
  const name = r.pascal(2);
  const parts = [`import { ${r.pascal(1)}, ${r.pascal(2)} } from '../${r.word()}/${r.word()}';`, `import type { ${r.pascal(2)}Options } from './types';`, ''];
  while (parts.join('\n').length < target) {
    const fn = r.word() + r.pascal(1);
    parts.push(
      `/** ${cap(r.words(r.int(4, 12)))}. */`,
      `export async function ${fn}(input: ${name}Input, options: ${r.pascal(2)}Options = {}): Promise<${name}Result> {`,
      `  const ${r.word()}Items = input.items.filter((item) => item.${r.word()} !== undefined && item.status === '${r.word()}');`,
      `  if (${r.word()}Items.length === 0) throw new Error('${r.words(4)}');`,
      `  const result = await client.send(new ${r.pascal(2)}Command({ TableName: process.env.${r.word().toUpperCase()}_TABLE, Key: { pk: input.id } }));`,
      `  return { ok: true, count: ${r.int(0, 100)}, data: result.Item as ${name}Result['data'] };`,
      '}',
      '',
    );
  }
  return parts.join('\n');
}

function mdFile(r, target) {
  const parts = [`# ${cap(r.words(3))}`, ''];
  while (parts.join('\n').length < target) {
    parts.push(`## ${cap(r.words(r.int(2, 5)))}`, '', cap(r.words(r.int(20, 60))) + '.', '');
    if (r.chance(0.4)) parts.push('```bash', `npm run ${r.word()} -- --${r.word()} ${r.word()}`, '```', '');
    if (r.chance(0.3)) parts.push(`- ${r.words(6)}`, `- ${r.words(8)}`, `- ${r.words(5)}`, '');
  }
  return parts.join('\n');
}

function unrelatedYaml(r, target) {
  const kind = r.int(0, 4);
  let text;
  if (kind === 0) {
    text = `name: ${r.word()}\non:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n`;
    while (text.length < target) text += `  ${r.word()}-${r.int(1, 99)}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n      - run: npm ci\n      - run: npm run ${r.word()} -- --${r.word()}\n`;
  } else if (kind === 1) {
    text = '';
    while (text.length < target) text += `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${r.word()}-${r.word()}\n  labels:\n    app: ${r.word()}\nspec:\n  replicas: ${r.int(1, 5)}\n  template:\n    spec:\n      containers:\n        - name: ${r.word()}\n          image: "registry.example.com/${r.word()}:${r.int(1, 9)}.${r.int(0, 20)}"\n          ports:\n            - containerPort: ${r.int(3000, 9000)}\n          env:\n            - name: LOG_LEVEL\n              value: info\n`;
  } else if (kind === 2) {
    text = `version: "3.9"\nservices:\n`;
    while (text.length < target) text += `  ${r.word()}${r.int(1, 99)}:\n    image: ${r.word()}:latest\n    environment:\n      - NODE_ENV=production\n      - PORT=${r.int(3000, 9000)}\n    depends_on: [${r.word()}, ${r.word()}]\n    volumes:\n      - ./${r.word()}:/data\n`;
  } else if (kind === 3) {
    // A CloudFormation template without Cognito: must be skipped before parsing.
    const lines = ['AWSTemplateFormatVersion: "2010-09-09"', `Description: ${r.words(6)}`, 'Resources:'];
    let size = 100;
    while (size < target) {
      const [id, body] = fillerResource(r, `R${lines.length}`);
      const block = [`  ${id}:`, ...toYaml(body, 4, r)];
      lines.push(...block);
      size += block.join('\n').length;
    }
    text = lines.join('\n') + '\n';
  } else {
    text = `openapi: 3.0.3\ninfo:\n  title: ${r.words(2)}\n  version: 1.0.${r.int(0, 9)}\npaths:\n`;
    while (text.length < target) text += `  /${r.word()}/{id}:\n    get:\n      summary: ${r.words(5)}\n      parameters:\n        - name: id\n          in: path\n          required: true\n          schema:\n            type: string\n      responses:\n        '200':\n          description: ${r.words(3)}\n`;
  }
  return text;
}

function unrelatedJson(r, target) {
  const kind = r.int(0, 3);
  if (kind === 0) {
    return JSON.stringify({ name: `@${r.word()}/${r.word()}`, version: `1.${r.int(0, 20)}.${r.int(0, 9)}`, private: true, scripts: { build: 'tsc -p .', test: 'vitest run', lint: 'eslint .' }, dependencies: Object.fromEntries(Array.from({ length: r.int(3, 15) }, () => [`${r.word()}-${r.word()}`, `^${r.int(1, 9)}.${r.int(0, 20)}.0`])) }, null, 2) + '\n';
  }
  if (kind === 1) {
    const data = {};
    let size = 0;
    while (size < target) {
      const key = `${r.word()}.${r.word()}.${r.word()}`;
      data[key] = cap(r.words(r.int(2, 10)));
      size += key.length + data[key].length + 8;
    }
    return JSON.stringify(data, null, 2) + '\n';
  }
  if (kind === 2) {
    const items = [];
    let size = 0;
    while (size < target) {
      const item = { id: r.hex(12), [r.word()]: r.words(3), count: r.int(0, 1000), enabled: r.chance(0.5), tags: [r.word(), r.word()], updatedAt: `2024-0${r.int(1, 9)}-1${r.int(0, 9)}T10:00:00Z` };
      items.push(item);
      size += JSON.stringify(item).length + 20;
    }
    return JSON.stringify(items, null, 2) + '\n';
  }
  return JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, outDir: 'dist', rootDir: 'src', paths: { [`@${r.word()}/*`]: [`src/${r.word()}/*`] } }, include: ['src'] }, null, 2) + '\n';
}

function generateRepo(r, seeds, dir, total, clientShare) {
  const packages = Array.from({ length: 40 }, (_, i) => `${r.word()}-${r.word()}-${i}`);
  const clientEvery = Math.round(1 / clientShare);
  const written = new Set();
  let bytes = 0;
  for (let i = 0; i < total; i++) {
    const pkg = r.pick(packages);
    const roll = r.next();
    let rel;
    let text;
    if (i % clientEvery === clientEvery - 1) {
      const format = r.int(0, 2);
      if (format === 0) [rel, text] = [`packages/${pkg}/infra/${r.word()}-auth-${i}.yaml`, yamlTemplate(r, seeds, r.logUniform(3000, 40000))];
      else if (format === 1) [rel, text] = [`packages/${pkg}/cdk.out/${r.pascal(2)}Stack${i}.template.json`, jsonTemplate(r, seeds, r.logUniform(3000, 60000))];
      else [rel, text] = [`packages/${pkg}/template-${i}.yml`, yamlTemplate(r, seeds, r.logUniform(3000, 20000))];
    } else if (roll < 0.45) [rel, text] = [`packages/${pkg}/src/${r.word()}/${r.word()}-${i}.ts`, tsFile(r, r.logUniform(500, 12000))];
    else if (roll < 0.55) [rel, text] = [`${r.chance(0.5) ? 'docs' : `packages/${pkg}/docs`}/${r.word()}-${i}.md`, mdFile(r, r.logUniform(800, 15000))];
    else if (roll < 0.75) [rel, text] = [`${r.chance(0.2) ? '.github/workflows' : `packages/${pkg}/${r.pick(['config', 'deploy', 'k8s', 'infra', 'api'])}`}/${r.word()}-${i}.${r.chance(0.7) ? 'yaml' : 'yml'}`, unrelatedYaml(r, r.logUniform(300, 12000))];
    else [rel, text] = [`packages/${pkg}/${r.pick(['fixtures', 'locales', 'config', 'data'])}/${r.word()}-${i}.json`, unrelatedJson(r, r.logUniform(300, 20000))];
    written.add(rel);
    bytes += write(dir, rel, text);
  }
  write(dir, '.gitignore', 'dist/\ncoverage/\n*.log\n.env\n');
  return { files: written.size + 1, bytes };
}

function write(dir, rel, text) {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return Buffer.byteLength(text);
}

function checkYaml(text, where) {
  // The generator's own output must be valid YAML: a broken corpus would measure error paths.
  const { parseAllDocuments } = require('yaml');
  for (const doc of parseAllDocuments(text, { version: '1.1', uniqueKeys: false })) if (doc.errors.length) throw new Error(`generated invalid YAML (${where}): ${doc.errors[0].message}`);
}

/** Generates every corpus under `workDir` unless its stamp says it is current. Returns the corpus directories. */
function generateAll(workDir, seedDir) {
  const dirs = {
    one: path.join(workDir, 'one'),
    yaml: path.join(workDir, 'cfn-yaml'),
    json: path.join(workDir, 'cfn-json'),
    repo: path.join(workDir, 'repo'),
    scale: Object.fromEntries([10, 100, 1000, 10000].map((n) => [n, path.join(workDir, `scale-${n}`)])),
    size: Object.fromEntries([10, 100, 1000, 5000, 9000].map((kb) => [kb, path.join(workDir, `size-${kb}kb`)])),
  };
  const stampFile = path.join(workDir, 'STAMP');
  const stamp = `generator ${GENERATOR_VERSION}`;
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return dirs;
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  const seeds = loadSeeds(seedDir);

  let r = rng(1);
  write(dirs.one, 'template.yaml', yamlTemplate(r, { yamlSeeds: [seeds.yamlSeeds.reduce((a, b) => (a.length <= b.length ? a : b))] }, 1500));

  r = rng(2);
  for (let i = 0; i < 200; i++) {
    const text = yamlTemplate(r, seeds, r.logUniform(3000, 100000));
    checkYaml(text, `cfn-yaml ${i}`);
    write(dirs.yaml, `stack-${String(i).padStart(3, '0')}.yaml`, text);
  }
  r = rng(3);
  for (let i = 0; i < 200; i++) write(dirs.json, `Stack${String(i).padStart(3, '0')}.template.json`, jsonTemplate(r, seeds, r.logUniform(3000, 180000)));

  r = rng(4);
  generateRepo(r, seeds, dirs.repo, 9999, 0.01);

  // Scaling: the same 100 small templates repeated, so each step differs only in file count.
  r = rng(5);
  const small = Array.from({ length: 100 }, (_, i) => {
    const text = yamlTemplate(r, seeds, r.logUniform(2000, 12000));
    checkYaml(text, `scale ${i}`);
    return text;
  });
  for (const [n, dir] of Object.entries(dirs.scale)) {
    for (let i = 0; i < Number(n); i++) write(dir, `d${Math.floor(i / 500)}/stack-${i}.yaml`, small[i % small.length]);
  }
  r = rng(6);
  for (const [kb, dir] of Object.entries(dirs.size)) {
    const text = yamlTemplate(r, seeds, Number(kb) * 1024);
    checkYaml(text, `size ${kb}`);
    write(dir, 'template.yaml', text);
  }
  fs.writeFileSync(stampFile, stamp);
  return dirs;
}

/** The real-world corpus next to the repository when present, else the repository's examples. */
function defaultSeedDir() {
  if (process.env.BENCH_SEED_CORPUS) return process.env.BENCH_SEED_CORPUS;
  const shared = path.join(__dirname, '..', '..', 'shared', 'corpus');
  return fs.existsSync(shared) ? shared : path.join(__dirname, '..', 'examples');
}

module.exports = { generateAll, defaultSeedDir, GENERATOR_VERSION };

if (require.main === module) {
  const workDir = process.argv[2] ?? path.join(require('node:os').tmpdir(), 'cognito-lint-bench');
  const seedDir = process.argv[3] ?? defaultSeedDir();
  const started = Date.now();
  generateAll(workDir, seedDir);
  console.log(`corpora in ${workDir} (${Date.now() - started} ms)`);
}
