import { defineRule } from '../src/rule';
import { CUSTOM_PREFIX, writableCustomAttributes } from '../src/rules-support/attributes';

export const DEFAULT_PATTERNS = ['role', 'group', 'tenant', 'admin', 'permission', 'scope', 'plan', 'org'];

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{N}/u;

/**
 * Offsets where a word part starts in an attribute name: the beginning, after a separator (anything
 * not a letter or digit: `_`, `-`, `.`, `:`), a camelCase hump (`userRole`), the last capital of an
 * acronym before a lower-case letter (`XMLRole`), and a letter after a digit (`v2Role`).
 */
export function wordStarts(name: string): number[] {
  const chars = [...name];
  const starts: number[] = [];
  let offset = 0;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    if (LETTER_OR_DIGIT.test(char)) {
      const start =
        prev === undefined ||
        !LETTER_OR_DIGIT.test(prev) ||
        (UPPER.test(char) && (LOWER.test(prev) || DIGIT.test(prev))) ||
        (UPPER.test(char) && UPPER.test(prev) && next !== undefined && LOWER.test(next)) ||
        (!DIGIT.test(char) && DIGIT.test(prev));
      if (start) starts.push(offset);
    }
    offset += char.length;
  }
  return starts;
}

/**
 * The first pattern that begins a word part of the name, compared case-insensitively. The pattern has to
 * start at a word part but may run on inside it, so `org` matches `organization` and `orgId`, `admin`
 * matches `isAdmin` and `administrator`, `role` matches `roles`; `storage` does not match `org` and
 * `userrole` does not match `role` (no word boundary before the pattern).
 */
export function matchingPattern(name: string, patterns: readonly string[]): string | undefined {
  // Lower-case each tail separately: toLowerCase can change the length of some letters, so offsets into a
  // lower-cased copy of the whole name would drift.
  const tails = wordStarts(name).map((start) => name.slice(start).toLowerCase());
  for (const pattern of patterns) {
    const needle = pattern.toLowerCase();
    if (needle === '') continue;
    if (tails.some((tail) => tail.startsWith(needle))) return pattern;
  }
  return undefined;
}

export interface PrivilegedAttributeOptions {
  patterns?: unknown;
}

function patternsOf(options: PrivilegedAttributeOptions): string[] {
  const patterns = options.patterns;
  return Array.isArray(patterns) && patterns.every((p) => typeof p === 'string') ? (patterns as string[]) : DEFAULT_PATTERNS;
}

export default defineRule<PrivilegedAttributeOptions>({
  meta: {
    id: 'no-writable-privileged-attributes',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Authorization attribute writable by users',
    description: 'WriteAttributes does not include custom attributes whose names suggest authorization (role, group, tenant, admin, permission, scope, plan, org).',
    rationale:
      'Every attribute in WriteAttributes can be changed by the signed-in user with UpdateUserAttributes and their own access token, and the new value appears in the next ID token. When an app or API authorizes on a custom attribute such as custom:role or custom:tenant_id, a writable one lets users grant themselves access. Such attributes should be set only by a trusted backend (AdminUpdateUserAttributes) and left out of WriteAttributes. The check is by name, so it is a heuristic.',
    precision: 'medium',
    securitySeverity: '5.4',
    messages: {
      writable:
        '{{member:WriteAttributes}} includes "{{attribute}}", whose name suggests authorization ("{{pattern}}"), so users can change it themselves with UpdateUserAttributes and grant themselves access wherever it is used for authorization; expected authorization attributes to be read-only for the app client. Remove it from {{member:WriteAttributes}} and set it from a trusted backend with AdminUpdateUserAttributes.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        patterns: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Name parts (case-insensitive) that mark a custom attribute as authorization data; a pattern matches where a word part of the name begins.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { patterns: [...DEFAULT_PATTERNS] },
  },
  checkClient({ client, options, report }) {
    const patterns = patternsOf(options);
    for (const attribute of writableCustomAttributes(client)) {
      const name = attribute.text.slice(CUSTOM_PREFIX.length);
      // For a name whose end is not known, a match inside the known beginning is still certain: the
      // pattern lies wholly in the known text, and a word start depends only on the characters around
      // it (the acronym case, which looks one character ahead, is never taken at the last known one).
      const pattern = matchingPattern(name, patterns);
      if (pattern === undefined) continue;
      report({
        messageId: 'writable',
        data: { attribute: attribute.complete ? attribute.text : `${attribute.text}…`, pattern },
        at: attribute.node,
        path: attribute.path,
      });
    }
  },
});
