// Docs are checked, not trusted: every rule has a page with the same headings, and every example in it
// produces what the page says (a `bad` block at least one finding of the rule, a `good` block none).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_IDS, loadRule } from '../rules';
import { runRule, runWithSuppressions } from './helpers';
import { loadHclParser } from '../src/parse/hcl';

const ROOT = join(__dirname, '..', '..');
const REQUIRED_HEADINGS = ['## Why', '## Examples', '## Options', '## References'];
const EXTENSION: Record<string, string> = { yaml: 'yaml', yml: 'yaml', json: 'json', hcl: 'tf', terraform: 'tf' };

// `hcl` examples are linted as example.tf: the HCL parser (WebAssembly) starts asynchronously.
before(() => loadHclParser());

for (const id of RULE_IDS) {
  test(`docs/rules/${id}.md`, () => {
    const path = join(ROOT, 'docs', 'rules', `${id}.md`);
    assert.ok(existsSync(path), `docs/rules/${id}.md is missing`);
    const text = readFileSync(path, 'utf8');
    const rule = loadRule(id);
    assert.ok(text.startsWith(`# ${id}\n`), 'the page starts with "# <id>"');
    assert.ok(text.includes(rule.meta.description), 'the page repeats the rule description');
    for (const heading of REQUIRED_HEADINGS) assert.ok(text.includes(`\n${heading}\n`), `missing heading ${heading}`);
    const blocks = [...text.matchAll(/```(\w+) (bad|good)(?: ([\w.-]+))?\n([\s\S]*?)```/g)];
    // Rules with no check of their own (unused-suppression) are produced by the filter stage.
    const run = rule.checkClient || rule.checkFile ? runRule : runWithSuppressions;
    if (rule.checkClient) {
      assert.ok(blocks.some((b) => b[2] === 'bad') && blocks.some((b) => b[2] === 'good'), 'the page has bad and good examples');
    }
    for (const [, language, verdict, fileName, body] of blocks) {
      const file = fileName ?? `example.${EXTENSION[language!] ?? language}`;
      const found = run(id, file, body!).filter((row) => row.ruleId === id);
      if (verdict === 'bad') assert.ok(found.length > 0, `bad ${language} example produces no ${id} finding:\n${body}`);
      else assert.deepEqual(found, [], `good ${language} example produces ${id} findings`);
    }
  });
}

// A claim about the service carries its source: a rule whose messages, rationale, description or built
// phrases say that Cognito, CloudFormation or a provider "rejects", "requires", "fails" or "defaults to"
// has a "## Sources" section on its doc page, every entry of which links a public page (API or developer
// guide, provider code or acceptance test, a public issue quoting the error).
const CLAIM = /\b(?:reject(?:s|ed|ing)?|requir(?:e|es|ed|ing)|fail(?:s|ed|ing)?|defaults? to)\b/i;
/** Rules whose claim words are about cognito-lint itself, not about a service. */
const NOT_ABOUT_A_SERVICE: Record<string, string> = {
  'parse-error': '"cognito-lint failed on this file" is the tool\'s own internal error',
};

/** What a rule tells its users: message templates, rationale, description, and the phrase`...` texts its code builds. */
function userFacingTexts(id: string): string[] {
  const { meta } = loadRule(id);
  const source = readFileSync(join(ROOT, 'rules', `${id}.ts`), 'utf8');
  const phrases = [...source.matchAll(/phrase`([^`]*)`/g)].map((match) => match[1]!);
  return [...Object.values(meta.messages), meta.rationale, meta.description, ...phrases];
}

/** The bullets of the page's "## Sources" section, or undefined when it has none. */
function sourcesOf(text: string): string[] | undefined {
  const match = /\n## Sources\n([\s\S]*?)(?=\n## |$)/.exec(text);
  return match ? match[1]!.split('\n').filter((line) => line.startsWith('- ')) : undefined;
}

for (const id of RULE_IDS) {
  const claims = userFacingTexts(id).filter((text) => CLAIM.test(text));
  if (claims.length === 0 || NOT_ABOUT_A_SERVICE[id]) continue;
  test(`docs/rules/${id}.md: its claims about the service have public sources`, () => {
    const sources = sourcesOf(readFileSync(join(ROOT, 'docs', 'rules', `${id}.md`), 'utf8'));
    assert.ok(sources && sources.length > 0, `${id} says "${CLAIM.exec(claims[0]!)![0]}" (${claims[0]}) but its doc page has no "## Sources" entry`);
    for (const entry of sources) assert.match(entry, /\]\(https:\/\/[^)\s]+\)/, `a Sources entry without a public link: ${entry}`);
  });
}

test('the claim check finds what it looks for', () => {
  assert.ok(CLAIM.test('Cognito rejects the client'));
  assert.ok(CLAIM.test('GenerateSecret is not set and defaults to false'));
  assert.ok(!CLAIM.test('the API reference says it cannot be used along with legacy names'));
  assert.deepEqual(sourcesOf('# x\n\n## Sources\n\n- a [b](https://c)\n- d\n\n## References\n'), ['- a [b](https://c)', '- d']);
  assert.equal(sourcesOf('# x\n\n## References\n- [b](https://c)\n'), undefined);
});
