// Helpers for Terraform tests: the HCL parser (WebAssembly) loads asynchronously, once per test file.
import { before } from 'node:test';
import { loadHclParser } from '../src/parse/hcl';

/** Call at the top of a test file that lints `.tf` text. */
export function useHclParser(): void {
  before(() => loadHclParser());
}

/**
 * An `aws_cognito_user_pool_client "web"` block: line 1 opens it, lines 2-3 hold name and user_pool_id,
 * `lines` start on line 4 (indented by two spaces).
 */
export function client(...lines: string[]): string {
  return ['resource "aws_cognito_user_pool_client" "web" {', '  name         = "web"', '  user_pool_id = aws_cognito_user_pool.pool.id', ...lines.map((line) => (line === '' ? '' : `  ${line}`)), '}', ''].join('\n');
}

/** A position row as the rule tests compare them. */
export function at(ruleId: string, line: number, column: number, endLine: number, endColumn: number): { ruleId: string; line: number; column: number; endLine: number; endColumn: number } {
  return { ruleId, line, column, endLine, endColumn };
}
