// Output is byte-identical across runs and whatever the order of the paths on the command line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runCli } from './cli-helpers';
import { FORMAT_NAMES } from '../src/format';

const PATHS = ['examples/cloudformation', 'examples/sam/bad.yaml', 'examples/cdk', 'examples/serverless', 'examples/api', 'examples/terraform/bad.tf', 'examples/sam'];

test('any order and repetition of the same paths gives the same bytes, in every format', async () => {
  const reference = new Map<string, string>();
  for (const format of FORMAT_NAMES) reference.set(format, (await runCli([...PATHS, '--format', format])).stdout);
  await fc.assert(
    fc.asyncProperty(fc.shuffledSubarray(PATHS, { minLength: PATHS.length, maxLength: PATHS.length }), fc.constantFrom(...FORMAT_NAMES), fc.boolean(), async (order, format, repeat) => {
      const args = repeat ? [...order, order[0]!] : order;
      assert.equal((await runCli([...args, '--format', format])).stdout, reference.get(format));
    }),
    { numRuns: 25 },
  );
});
