#!/usr/bin/env node
// Terraform benchmark: generates a 1 MB `.tf` tree (deterministic: same bytes every time) and times the
// CLI on it, `node bin/cognito-lint.js <tree>`, as a user runs it (a fresh process each run, output to
// /dev/null). Prints the median of several runs. Budget (issue 3): at most 1 second on the project's
// machine (2 cores).
//
// Two trees:
//   repo/          a repository-like tree: environments of services, each with its app clients, a user
//                  pool, a resource server, variables and locals, a call of a shared client module, and
//                  the IAM, Lambda, S3, DynamoDB and CloudWatch resources around them (about a quarter of
//                  the text is Cognito).
//   clients-only/  1 MB of nothing but app client blocks with variables and locals: the worst case,
//                  where every byte is parsed and folded.
//
// Usage: node bench/terraform-bench.js [--runs N] [--dir DIR] [--size BYTES]   (npm run build first)
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};
const RUNS = Number(option('--runs', 7));
const SIZE = Number(option('--size', 1024 * 1024));
const ROOT = path.resolve(option('--dir', path.join(os.tmpdir(), 'cognito-lint-terraform-bench')));
const CLI = path.join(__dirname, '..', 'bin', 'cognito-lint.js');

function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), pick: (list) => list[Math.floor(next() * list.length)], chance: (p) => next() < p };
}

const WORDS = 'orders users billing payments catalog inventory search reports events notify chat profile admin portal media uploads audit metrics tenants booking tickets support reviews feed mobile web api data'.split(' ');
const FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH'];
const SCOPES = ['openid', 'email', 'profile', 'phone', 'aws.cognito.signin.user.admin'];

function client(r, name, pool, service) {
  const flows = FLOWS.filter(() => r.chance(0.5));
  const lines = [
    `# The ${service} ${name} app client.`,
    `resource "aws_cognito_user_pool_client" "${name}" {`,
    `  name                                 = "\${var.environment}-${service}-${name}"`,
    `  user_pool_id                         = aws_cognito_user_pool.${pool}.id`,
    `  generate_secret                      = ${r.chance(0.5)}`,
    `  callback_urls                        = concat(var.callback_urls, ["https://${service}.\${local.domain}/callback"])`,
    `  logout_urls                          = formatlist("https://%s/logout", local.hosts)`,
    `  default_redirect_uri                 = "https://${service}.\${local.domain}/callback"`,
    `  allowed_oauth_flows                  = ${r.chance(0.2) ? '["code", "implicit"]' : '["code"]'}`,
    `  allowed_oauth_flows_user_pool_client = true`,
    `  allowed_oauth_scopes                 = [${SCOPES.filter(() => r.chance(0.6)).map((s) => `"${s}"`).join(', ')}${r.chance(0.5) ? `, "${service}/read"` : ''}]`,
    `  explicit_auth_flows                  = [${flows.map((f) => `"${f}"`).join(', ')}]`,
    `  supported_identity_providers         = ["COGNITO"]`,
    `  read_attributes                      = ["email", "name", "custom:tenant"]`,
    `  write_attributes                     = ["name"]`,
    ...(r.chance(0.7) ? [`  prevent_user_existence_errors        = "ENABLED"`] : []),
    `  access_token_validity                = ${r.pick([15, 30, 60])}`,
    `  id_token_validity                    = ${r.pick([15, 30, 60])}`,
    `  refresh_token_validity               = ${r.pick([1, 7, 30])}`,
    `  enable_token_revocation              = true`,
    ``,
    `  token_validity_units {`,
    `    access_token  = "minutes"`,
    `    id_token      = "minutes"`,
    `    refresh_token = "days"`,
    `  }`,
    `}`,
    ``,
  ];
  return lines.join('\n');
}

function variables(r, service) {
  return [
    `variable "environment" {`,
    `  type    = string`,
    `  default = "${r.pick(['dev', 'staging', 'prod'])}"`,
    `}`,
    ``,
    `variable "callback_urls" {`,
    `  type        = list(string)`,
    `  description = "Extra callback URLs of ${service}"`,
    `  default     = ["https://${service}.example.org/cb", "http://localhost:3000/cb"]`,
    `}`,
    ``,
    `variable "memory_size" {`,
    `  type    = number`,
    `  default = ${r.pick([128, 256, 512])}`,
    `}`,
    ``,
  ].join('\n');
}

function locals(service) {
  return [`locals {`, `  domain = "${service}.example.org"`, `  hosts  = [for h in ["app", "admin"] : "\${h}.${service}.example.org"]`, `  tags = {`, `    service = "${service}"`, `    owner   = "platform"`, `  }`, `}`, ``].join('\n');
}

function userPool(service) {
  return [
    `resource "aws_cognito_user_pool" "pool" {`,
    `  name                     = "\${var.environment}-${service}"`,
    `  auto_verified_attributes = ["email"]`,
    ``,
    `  password_policy {`,
    `    minimum_length    = 12`,
    `    require_lowercase = true`,
    `    require_numbers   = true`,
    `    require_symbols   = true`,
    `    require_uppercase = true`,
    `  }`,
    `}`,
    ``,
    `resource "aws_cognito_resource_server" "api" {`,
    `  identifier   = "${service}"`,
    `  name         = "${service} API"`,
    `  user_pool_id = aws_cognito_user_pool.pool.id`,
    ``,
    `  scope {`,
    `    scope_name        = "read"`,
    `    scope_description = "Read ${service}"`,
    `  }`,
    `}`,
    ``,
  ].join('\n');
}

function moduleCall(service, index) {
  return [
    `module "${service}_partner_${index}" {`,
    `  source = "../../../modules/cognito-app-client"`,
    ``,
    `  name          = "${service}-partner-${index}"`,
    `  user_pool_id  = aws_cognito_user_pool.pool.id`,
    `  callback_urls = ["https://partner${index}.${service}.example.org/cb"]`,
    `}`,
    ``,
  ].join('\n');
}

function otherResources(r, service) {
  const out = [];
  const fn = `${service}_handler`;
  out.push(
    `resource "aws_iam_role" "${fn}" {`,
    `  name = "\${var.environment}-${fn}"`,
    `  assume_role_policy = jsonencode({`,
    `    Version = "2012-10-17"`,
    `    Statement = [{`,
    `      Action    = "sts:AssumeRole"`,
    `      Effect    = "Allow"`,
    `      Principal = { Service = "lambda.amazonaws.com" }`,
    `    }]`,
    `  })`,
    `  tags = local.tags`,
    `}`,
    ``,
    `resource "aws_iam_role_policy" "${fn}" {`,
    `  role = aws_iam_role.${fn}.id`,
    `  policy = jsonencode({`,
    `    Version = "2012-10-17"`,
    `    Statement = [`,
    `      {`,
    `        Effect   = "Allow"`,
    `        Action   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"]`,
    `        Resource = aws_dynamodb_table.${service}.arn`,
    `      },`,
    `      {`,
    `        Effect   = "Allow"`,
    `        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]`,
    `        Resource = "\${aws_cloudwatch_log_group.${fn}.arn}:*"`,
    `      }`,
    `    ]`,
    `  })`,
    `}`,
    ``,
    `resource "aws_lambda_function" "${fn}" {`,
    `  function_name = "\${var.environment}-${fn}"`,
    `  role          = aws_iam_role.${fn}.arn`,
    `  runtime       = "nodejs20.x"`,
    `  handler       = "index.handler"`,
    `  memory_size   = var.memory_size`,
    `  timeout       = ${r.pick([10, 30, 60])}`,
    `  filename      = "\${path.module}/dist/${service}.zip"`,
    ``,
    `  environment {`,
    `    variables = {`,
    `      TABLE_NAME   = aws_dynamodb_table.${service}.name`,
    `      USER_POOL_ID = aws_cognito_user_pool.pool.id`,
    `    }`,
    `  }`,
    `  tags = local.tags`,
    `}`,
    ``,
    `resource "aws_cloudwatch_log_group" "${fn}" {`,
    `  name              = "/aws/lambda/\${var.environment}-${fn}"`,
    `  retention_in_days = ${r.pick([7, 14, 30, 90])}`,
    `}`,
    ``,
    `resource "aws_dynamodb_table" "${service}" {`,
    `  name         = "\${var.environment}-${service}"`,
    `  billing_mode = "PAY_PER_REQUEST"`,
    `  hash_key     = "pk"`,
    `  range_key    = "sk"`,
    ``,
    `  attribute {`,
    `    name = "pk"`,
    `    type = "S"`,
    `  }`,
    ``,
    `  attribute {`,
    `    name = "sk"`,
    `    type = "S"`,
    `  }`,
    ``,
    `  point_in_time_recovery {`,
    `    enabled = true`,
    `  }`,
    `}`,
    ``,
    `resource "aws_s3_bucket" "${service}_uploads" {`,
    `  bucket = "\${var.environment}-${service}-uploads"`,
    `  tags   = local.tags`,
    `}`,
    ``,
    `resource "aws_s3_bucket_public_access_block" "${service}_uploads" {`,
    `  bucket                  = aws_s3_bucket.${service}_uploads.id`,
    `  block_public_acls       = true`,
    `  block_public_policy     = true`,
    `  ignore_public_acls      = true`,
    `  restrict_public_buckets = true`,
    `}`,
    ``,
    `resource "aws_security_group" "${service}" {`,
    `  name   = "\${var.environment}-${service}"`,
    `  vpc_id = data.terraform_remote_state.network.outputs.vpc_id`,
    ``,
    `  dynamic "ingress" {`,
    `    for_each = [443, 8443]`,
    `    content {`,
    `      from_port   = ingress.value`,
    `      to_port     = ingress.value`,
    `      protocol    = "tcp"`,
    `      cidr_blocks = ["10.0.0.0/8"]`,
    `    }`,
    `  }`,
    `}`,
    ``,
  );
  return out.join('\n');
}

function write(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return Buffer.byteLength(text);
}

function generateRepo(dir) {
  const r = rng(3);
  let bytes = 0;
  const module = path.join(dir, 'modules', 'cognito-app-client');
  bytes += write(path.join(module, 'main.tf'), client(r, 'this', 'unused', 'partner').replace('aws_cognito_user_pool.unused.id', 'var.user_pool_id').replace('var.environment', 'var.name'));
  bytes += write(path.join(module, 'variables.tf'), ['variable "name" {}', 'variable "user_pool_id" {}', 'variable "callback_urls" {', '  type    = list(string)', '  default = []', '}', 'variable "environment" {', '  default = "prod"', '}', ''].join('\n'));
  bytes += write(path.join(module, 'locals.tf'), locals('partner'));
  for (let index = 0; bytes < SIZE; index++) {
    const env = ['dev', 'staging', 'prod'][index % 3];
    const service = `${WORDS[Math.floor(index / 3) % WORDS.length]}${Math.floor(index / 3 / WORDS.length) || ''}`;
    const stack = path.join(dir, 'live', env, service);
    bytes += write(path.join(stack, 'variables.tf'), variables(r, service));
    bytes += write(path.join(stack, 'locals.tf'), locals(service));
    bytes += write(path.join(stack, 'cognito.tf'), userPool(service) + client(r, 'web', 'pool', service) + (r.chance(0.5) ? client(r, 'mobile', 'pool', service) : '') + moduleCall(service, 1));
    bytes += write(path.join(stack, 'main.tf'), otherResources(r, service) + otherResources(r, `${service}_worker`));
    bytes += write(path.join(stack, 'outputs.tf'), `output "client_id" {\n  value = aws_cognito_user_pool_client.web.id\n}\n`);
  }
  return bytes;
}

function generateClientsOnly(dir) {
  const r = rng(5);
  let bytes = write(path.join(dir, 'variables.tf'), variables(r, 'app')) + write(path.join(dir, 'locals.tf'), locals('app')) + write(path.join(dir, 'pool.tf'), userPool('app'));
  for (let file = 0; bytes < SIZE; file++) {
    let text = '';
    for (let i = 0; i < 50; i++) text += client(r, `c${file}_${i}`, 'pool', `app${i}`);
    bytes += write(path.join(dir, `clients-${String(file).padStart(3, '0')}.tf`), text);
  }
  return bytes;
}

function generate(name, fill) {
  const dir = path.join(ROOT, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
  const bytes = fill(dir);
  const files = fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.tf')).length;
  return { dir, bytes, files };
}

function time(dir) {
  const runs = [];
  let findings;
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [CLI, '.', '--format', 'json', '--fail-on', 'none', '--no-error-on-unmatched-pattern'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
    runs.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) throw new Error(`cognito-lint exited ${result.status}: ${result.stderr}`);
    findings = JSON.parse(result.stdout).results.length;
  }
  runs.sort((a, b) => a - b);
  return { median: runs[Math.floor(runs.length / 2)], min: runs[0], max: runs[runs.length - 1], findings };
}

const empty = generate('empty', () => 0);
const baseline = time(empty.dir);
console.log(`node ${process.version}, ${os.cpus().length} cores, ${RUNS} runs each (median, min-max)`);
console.log(`  empty tree (start-up only):        ${baseline.median.toFixed(0)} ms (${baseline.min.toFixed(0)}-${baseline.max.toFixed(0)})`);
for (const [name, fill, label] of [
  ['repo', generateRepo, 'repository-like tree'],
  ['clients-only', generateClientsOnly, 'clients only (worst case)'],
]) {
  const tree = generate(name, fill);
  const result = time(tree.dir);
  const verdict = result.median <= 1000 ? 'within' : 'OVER';
  console.log(`  ${label.padEnd(33)} ${result.median.toFixed(0)} ms (${result.min.toFixed(0)}-${result.max.toFixed(0)}) for ${(tree.bytes / 1024 / 1024).toFixed(2)} MB in ${tree.files} .tf files, ${result.findings} findings: ${verdict} the 1 s budget`);
}
