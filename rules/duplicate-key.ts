import { defineRule } from '../src/rule';

export default defineRule({
  meta: {
    id: 'duplicate-key',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'Duplicate key in a client definition',
    description: 'A mapping repeats a key; parsers silently keep only the last one.',
    rationale:
      'JSON.parse, the AWS CLI and CloudFormation keep the last of two equal keys without a word, so the first setting is silently lost: a reviewer reads one value and another is deployed.',
    precision: 'very-high',
    messages: {
      repeated: 'Key "{{key}}" repeats the key at line {{line}}; only this last value takes effect. Remove one of the two.',
    },
  },
  checkFile({ loaded, report }) {
    for (const duplicate of loaded.duplicateKeys) {
      const first = duplicate.first.file.positionAt(duplicate.first.start);
      report({
        messageId: 'repeated',
        data: { key: duplicate.key, line: first.line },
        at: duplicate.second,
        path: duplicate.key,
        related: [{ span: duplicate.first, message: `first "${duplicate.key}"` }],
      });
    }
  },
});
