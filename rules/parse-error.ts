import { defineRule } from '../src/rule';

export default defineRule({
  meta: {
    id: 'parse-error',
    category: 'tool',
    defaultSeverity: 'error',
    description: 'The file could not be read as JSON or YAML, so its app clients could not be checked.',
    rationale:
      'A file that does not parse cannot be deployed either, and nothing in it was checked. The result sits at the position where the parser stopped; the rest of the run goes on.',
    precision: 'very-high',
    messages: {
      failed: '{{reason}}; nothing in this file was checked. Fix the syntax at this position.',
    },
  },
  checkFile({ loaded, report }) {
    if (loaded.parseError) report({ messageId: 'failed', data: { reason: loaded.parseError.message }, at: loaded.parseError.span, path: '' });
  },
});
