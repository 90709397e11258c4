import { defineRule } from '../src/rule';

export default defineRule({
  meta: {
    id: 'parse-error',
    category: 'tool',
    defaultSeverity: 'error',
    title: 'File not parsed or not read',
    description: 'The file could not be read as JSON, YAML or HCL, so its app clients could not be checked.',
    rationale:
      'A file that does not parse cannot be deployed either, and nothing in it was checked. The result sits at the position where the parser stopped; the rest of the run goes on.',
    precision: 'very-high',
    messages: {
      failed: '{{reason}}; nothing in this file was checked. Fix the syntax at this position.',
      notRead: 'The file was not read: {{reason}}. Nothing in it was checked.',
      nesting: '{{reason}}: the nesting limit was reached, so nothing in this file was checked. The file may well be valid; flatten the deepest value, or lint what generates it.',
      internal: 'cognito-lint failed on this file (internal error: {{reason}}). Nothing in it was checked; the other files were. Please report this at https://github.com/cognito-lint/cognito-lint/issues with the file.',
      template: 'This file looks like a template (it has Jinja, cookiecutter or Helm placeholders), not checked: even with the placeholders blanked, {{reason}}. Lint the rendered output instead.',
      tooLarge: '{{expression}} is too large to evaluate ({{limit}}); it is treated as unknown, so nothing that depends on it was checked.',
      stopped: '{{expression}} is too large to evaluate ({{limit}}), so evaluation stopped there: {{unchecked}} in this file {{were}} not checked. Split the file, or lint what it generates (a synthesized template, a Terraform plan).',
    },
  },
  checkFile({ loaded, report }) {
    const failure = loaded.parseError;
    // A template that still does not parse is not data yet: a note, never an error that blocks a commit.
    if (failure?.template) report({ messageId: 'template', data: { reason: failure.message }, at: failure.span, path: '', severity: 'note' });
    else if (failure) report({ messageId: failure.internal ? 'internal' : failure.notRead ? 'notRead' : failure.nesting ? 'nesting' : 'failed', data: { reason: failure.message }, at: failure.span, path: '' });
    const overrun = loaded.evaluationOverrun;
    if (overrun) {
      const related = overrun.written ? [{ span: overrun.written.span, message: overrun.written.note }] : [];
      const data = { expression: overrun.expression, limit: overrun.limit };
      const unchecked = loaded.uncheckedClients ?? 0;
      // A note when one value is unknown and everything else was checked; a warning, like a file over
      // the size limit, when clients went unchecked.
      if (unchecked > 0) report({ messageId: 'stopped', data: { ...data, unchecked: unchecked === 1 ? '1 client' : `${unchecked.toLocaleString('en-US')} clients`, were: unchecked === 1 ? 'was' : 'were' }, at: overrun.span, path: '', related, severity: 'warning' });
      else report({ messageId: 'tooLarge', data, at: overrun.span, path: '', related, severity: 'note' });
    }
  },
});
