// The ignore-file matcher (src/gitignore.ts) against gitignore(5): one table of patterns and entries with
// git's verdicts (each row checked with `git check-ignore` when it was written), and hostile patterns that a
// backtracking matcher would take exponential time on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IgnoreFile, type Verdict } from '../src/gitignore';

type Row = [patterns: string, entry: string, isDirectory: boolean, verdict: Verdict];

const ROWS: Row[] = [
  // A name without a slash matches at any depth, file or directory.
  ['cdk.out', 'cdk.out', true, 'ignored'],
  ['cdk.out', 'a/b/cdk.out', false, 'ignored'],
  ['cdk.out', 'cdk.out/x.json', false, undefined], // the directory decides for what is in it (the walk prunes)
  // A trailing slash: directories only.
  ['build/', 'build', true, 'ignored'],
  ['build/', 'build', false, undefined],
  ['build/', 'src/build', true, 'ignored'],
  // A slash at the start or in the middle anchors to the file's directory.
  ['/build', 'build', true, 'ignored'],
  ['/build', 'src/build', true, undefined],
  ['doc/frotz', 'doc/frotz', true, 'ignored'],
  ['doc/frotz', 'a/doc/frotz', true, undefined],
  ['doc/frotz/', 'doc/frotz', false, undefined],
  // `*` and `?` stay within a segment; brackets as in wildmatch.
  ['*.yaml', 'a/b/x.yaml', false, 'ignored'],
  ['*.yaml', '.yaml', false, 'ignored'],
  ['a/*.yaml', 'a/b/x.yaml', false, undefined],
  ['a/*.yaml', 'a/x.yaml', false, 'ignored'],
  ['?.json', 'ab.json', false, undefined],
  ['?.json', 'a.json', false, 'ignored'],
  ['[Bb]in/', 'Bin', true, 'ignored'],
  ['[!a]x', 'bx', false, 'ignored'],
  ['[!a]x', 'ax', false, undefined],
  ['[^a]x', 'ax', false, undefined],
  ['[a-c]x', 'bx', false, 'ignored'],
  ['[]]x', ']x', false, 'ignored'],
  ['[[:digit:]]x', '7x', false, 'ignored'],
  ['[[:digit:]]x', 'ax', false, undefined],
  ['[abc', 'a', false, undefined], // an unclosed bracket never matches
  // `**`
  ['**/foo', 'foo', true, 'ignored'],
  ['**/foo', 'a/b/foo', false, 'ignored'],
  ['**/foo/bar', 'a/foo/bar', false, 'ignored'],
  ['**/foo/bar', 'foo/bar', false, 'ignored'],
  ['abc/**', 'abc', true, undefined],
  ['abc/**', 'abc/x', false, 'ignored'],
  ['abc/**', 'abc/x/y', false, 'ignored'],
  ['a/**/b', 'a/b', false, 'ignored'],
  ['a/**/b', 'a/x/y/b', false, 'ignored'],
  ['a/**/**/b', 'a/x/b', false, 'ignored'],
  ['a**b', 'axxb', false, 'ignored'], // not a whole segment: an ordinary `*`
  ['a**b', 'ax/xb', false, undefined],
  ['**', 'any/thing', false, 'ignored'],
  // The last matching line decides; `!` re-includes.
  ['*.yaml\n!keep.yaml', 'keep.yaml', false, 'included'],
  ['!keep.yaml\n*.yaml', 'keep.yaml', false, 'ignored'],
  ['*.local.yaml\n!keep.local.yaml', 'dev.local.yaml', false, 'ignored'],
  ['build\n!build/', 'build', true, 'included'],
  ['build\n!build/', 'build', false, 'ignored'],
  // Escapes, comments, spaces, line ends.
  ['\\#notes', '#notes', false, 'ignored'],
  ['#notes', '#notes', false, undefined],
  ['\\!important', '!important', false, 'ignored'],
  ['trailing   ', 'trailing', false, 'ignored'],
  ['space\\ ', 'space ', false, 'ignored'],
  ['space\\ ', 'space', false, undefined],
  ['crlf.yaml\r\nother', 'crlf.yaml', false, 'ignored'],
  ['\uFEFFbom.yaml', 'bom.yaml', false, 'ignored'],
  ['x\\*', 'x*', false, 'ignored'],
  ['x\\*', 'xy', false, undefined],
  ['', 'anything', false, undefined],
];

test('ignore-file verdicts follow gitignore(5)', () => {
  for (const [patterns, entry, isDirectory, expected] of ROWS) {
    const name = entry.slice(entry.lastIndexOf('/') + 1);
    assert.equal(IgnoreFile.parse(patterns).verdict(entry, name, isDirectory), expected, `${JSON.stringify(patterns)} on ${entry}${isDirectory ? '/' : ''}`);
  }
});

test('without(): patterns naming a directory the user named, or everything in it, are passed over', () => {
  const file = IgnoreFile.parse('cdk.out\n.serverless/**\nasset.*\n/generated/*\n*.yaml\n');
  const kept = file.without(['cdk.out', '.serverless', 'generated']);
  assert.deepEqual(
    ['cdk.out', '.serverless/x.json', 'generated/x.json', 'asset.1', 'a.yaml'].map((entry) => kept.verdict(entry, entry.slice(entry.lastIndexOf('/') + 1), false)),
    [undefined, undefined, undefined, 'ignored', 'ignored'],
  );
});

test('patterns a backtracking matcher takes exponential time on are matched in bounded time', () => {
  const stars = `${'*a'.repeat(30)}b`;
  const file = IgnoreFile.parse(`${stars}\n${'**/'.repeat(200)}x\n${'a/**/'.repeat(50)}z\n`);
  const name = 'a'.repeat(255);
  const path = Array(200).fill('a').join('/');
  // Each of these ends at once with the greedy matcher; as a RegExp the first one does not end at all.
  assert.equal(file.verdict(name, name, false), undefined);
  assert.equal(file.verdict(`${path}/${name}`, name, false), undefined);
  assert.equal(file.verdict(`${path}/x`, 'x', false), 'ignored');
});
