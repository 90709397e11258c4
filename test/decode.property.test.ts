// Decoding (src/read.ts): every text round-trips through each encoding cognito-lint reads, and whatever
// the bytes, no U+FFFD reaches the text messages and positions are made from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeBytes } from '../src/read';
import { mayHoldClient, mayHoldClientBytes } from '../src/formats';

const BOM_UTF8 = Buffer.from([0xef, 0xbb, 0xbf]);

test('a text without NUL round-trips through UTF-8 (with and without a byte-order mark) and UTF-16 LE/BE with one', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }).filter((text) => !text.includes('\0') && !text.startsWith('\ufeff')), (text) => {
      const le = Buffer.from(text, 'utf16le');
      const encodings = [Buffer.from(text, 'utf8'), Buffer.concat([BOM_UTF8, Buffer.from(text, 'utf8')]), Buffer.concat([Buffer.from([0xff, 0xfe]), le]), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()])];
      for (const bytes of encodings) assert.deepEqual(decodeBytes(bytes), { kind: 'text', text });
    }),
  );
});

test('any bytes: no U+FFFD in the text unless the file holds EF BF BD, and the offending byte is within the text', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (array) => {
      const bytes = Buffer.from(array);
      const decoded = decodeBytes(bytes);
      if (decoded.kind === 'text') return;
      assert.doesNotMatch(decoded.text, /\ufffd/);
      assert.ok(decoded.offset >= 0 && decoded.offset <= decoded.text.length, JSON.stringify(decoded));
      assert.match(decoded.problem, /^it is not UTF-(8|16LE|16BE)( text)? \(.*\{\{where\}\}.*\); save it as UTF-8$|^it is not UTF-16(LE|BE) \(an odd number of bytes/);
    }),
  );
});

test('a U+FFFD written in UTF-8 is text; the byte after it that does not decode is named', () => {
  assert.deepEqual(decodeBytes(Buffer.from('a\ufffdb', 'utf8')), { kind: 'text', text: 'a\ufffdb' });
  const decoded = decodeBytes(Buffer.concat([Buffer.from('\ufffd\n', 'utf8'), Buffer.from([0x41, 0xe9, 0x42])]));
  assert.equal(decoded.kind, 'undecodable');
  assert.equal(decoded.kind === 'undecodable' && decoded.offset, 3);
  assert.match(decoded.kind === 'undecodable' ? decoded.problem : '', /byte 0xE9/);
});

test('the word test on raw bytes never skips a file whose decoded text passes the word test', () => {
  // Words and their pieces, in every encoding and around arbitrary bytes: the byte test may only say
  // "maybe" more often than the text test, never less.
  const piece = fc.constantFrom('UserPoolClient', 'UserPoolId', 'user_pool_client', 'module "x" {', '"module": {', 'User', 'Pool', 'é', '\0', '\ufeff');
  const text = fc.array(fc.oneof(piece, fc.string()), { maxLength: 8 }).map((parts) => parts.join(''));
  const bytesOf = fc.oneof(
    text.map((t) => Buffer.from(t, 'utf8')),
    text.map((t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])),
    text.map((t) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()])),
    text.map((t) => Buffer.from(t, 'utf16le')),
    fc.uint8Array({ maxLength: 64 }).map((array) => Buffer.from(array)),
  );
  fc.assert(
    fc.property(bytesOf, fc.constantFrom('a.yaml', 'a.json', 'main.tf', 'main.tf.json', 'x.template'), (bytes, name) => {
      if (mayHoldClient(decodeBytes(bytes).text, name)) assert.equal(mayHoldClientBytes(bytes, name), true, JSON.stringify([...bytes]));
    }),
    { numRuns: 2000 },
  );
});
