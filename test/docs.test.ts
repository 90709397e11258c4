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
