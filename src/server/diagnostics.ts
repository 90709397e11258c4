// Findings as the Language Server Protocol shows them: a diagnostic per finding (code = rule id, a link
// to the rule's page, related locations for values that come from defaults) and the edits of its fix.
// Pure data, no connection: the lint worker builds these and the server thread hands them out.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DiagnosticSeverity, Range, TextEdit } from 'vscode-languageserver-protocol';
import type { Finding, ReportedSeverity } from '../finding';
import type { Position, Region } from '../source';
import { TOOL_NAME, ruleDocUrl } from '../meta';

/** LSP's DiagnosticSeverity values (the protocol's numbers, so this module needs no runtime import). */
const SEVERITY: Record<ReportedSeverity, DiagnosticSeverity> = { error: 1, warning: 2, note: 3 };

/** A fix a person can apply from the editor: `fix` is one --fix applies too, `remediation` one it never does. */
export interface PlannedAction {
  kind: 'fix' | 'remediation';
  title: string;
  edits: TextEdit[];
}

/** One finding of a document, ready to publish, with the fixes offered on it. */
export interface LintedEntry {
  diagnostic: Diagnostic;
  actions: PlannedAction[];
}

/** cognito-lint positions are 1-based lines and 1-based UTF-16 columns; LSP's are 0-based, UTF-16 by default. */
export function toLspPosition(position: Position): { line: number; character: number } {
  return { line: Math.max(0, position.line - 1), character: Math.max(0, position.column - 1) };
}

export function toLspRange(region: Region): Range {
  return { start: toLspPosition(region.start), end: toLspPosition(region.end) };
}

/** `cwd`: what the findings' paths are relative to, so a related location in another file gets its URI. */
export function toDiagnostic(finding: Finding, cwd: string): Diagnostic {
  return {
    range: toLspRange(finding.region),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocUrl(finding.ruleId) },
    source: TOOL_NAME,
    message: finding.message,
    ...(finding.related.length > 0
      ? {
          relatedInformation: finding.related.map((related) => ({
            location: { uri: pathToFileURL(path.resolve(cwd, related.file.path)).href, range: toLspRange(related.region) },
            message: related.message,
          })),
        }
      : {}),
  };
}

/** A fix planned as replacements (Finding.change, or a remediation's plan) as LSP text edits. */
export function toTextEdits(replacements: ReadonlyArray<{ start: Position; end: Position; text: string }>): TextEdit[] {
  return replacements.map((replacement) => ({ range: { start: toLspPosition(replacement.start), end: toLspPosition(replacement.end) }, newText: replacement.text }));
}

/** What a code action is called in the editor's light-bulb menu. */
export function actionTitle(kind: PlannedAction['kind'], description: string): string {
  return kind === 'fix' ? `Fix: ${description}` : `Apply remediation: ${description}`;
}

/** The hover text for the findings under the cursor: each message with its rule's page. */
export function hoverMarkdown(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((diagnostic) => {
      const href = diagnostic.codeDescription?.href;
      const rule = href ? `[${String(diagnostic.code)}](${href})` : `\`${String(diagnostic.code)}\``;
      return `**${TOOL_NAME}** ${rule}: ${escapeMarkdown(diagnostic.message)}`;
    })
    .join('\n\n---\n\n');
}

/** A message quotes values from the file: they must not render as Markdown (links, images, HTML). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, (character) => `\\${character}`);
}
