// What the lint worker does for one buffer: find the configuration that applies to its file (the nearest
// .cognito-lint.yaml, reread when it changes), lint the unsaved text with lintText(), and turn the
// findings of that file into diagnostics with the fixes a person can apply.
import { statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadAllRules } from '../../rules';
import { resolveConfig, type EffectiveConfig } from '../config';
import { ConfigError, findConfigFile } from '../config-file';
import { findRepositoryRoot } from '../discover';
import { lintText } from '../lint';
import { plannedChange } from '../finding';
import type { Rule } from '../rule';
import { TOOL_NAME } from '../meta';
import { actionTitle, toDiagnostic, toTextEdits, type LintedEntry, type PlannedAction } from './diagnostics';
import type { Finding } from '../finding';

export interface LintDocumentRequest {
  /** Absolute path of the buffer's file (it need not exist on disk yet). */
  filePath: string;
  text: string;
  /** The workspace folder holding the file: paths in messages are relative to it. */
  cwd?: string;
  /** Other unsaved buffers by absolute path: a Terraform module's other files as the editor has them. */
  buffers?: ReadonlyArray<readonly [string, string]>;
}

interface CachedConfig {
  /** The config file's modification time and size when it was read: a changed file is read again. */
  stamp: string;
  config: EffectiveConfig;
}

export class DocumentLinter {
  private readonly rules: readonly Rule[] = loadAllRules();
  private readonly configs = new Map<string, CachedConfig>();

  /** Forget every configuration read (the client said a config file changed). */
  reloadConfig(): void {
    this.configs.clear();
  }

  async lint(request: LintDocumentRequest): Promise<LintedEntry[]> {
    const directory = path.dirname(request.filePath);
    const cwd = request.cwd ?? findRepositoryRoot(directory) ?? directory;
    let config: EffectiveConfig;
    try {
      config = this.configFor(directory);
    } catch (error) {
      if (error instanceof ConfigError) return [configErrorEntry(error, findConfigFile(directory))];
      throw error;
    }
    const run = await lintText(request.text, request.filePath, config, {
      cwd,
      rules: this.rules,
      today: new Date().toISOString().slice(0, 10),
      keepFiles: true,
      ...(request.buffers && request.buffers.length > 0 ? { buffers: new Map(request.buffers) } : {}),
    });
    const files = run.result.files ?? [];
    const own = files.find((loaded) => loaded.file.absolutePath === request.filePath)?.file;
    // A finding in another file (a module's) shows when that file is open; this buffer shows its own.
    return run.findings.filter((finding) => own !== undefined && finding.file === own).map((finding) => ({ diagnostic: toDiagnostic(finding, cwd), actions: actionsFor(finding) }));
  }

  private configFor(directory: string): EffectiveConfig {
    const configFile = findConfigFile(directory);
    const key = configFile ?? '';
    const stamp = configFile ? stampOf(configFile) : '';
    const cached = this.configs.get(key);
    if (cached && cached.stamp === stamp) return cached.config;
    const config = resolveConfig(this.rules, configFile ? path.dirname(configFile) : directory, configFile);
    this.configs.set(key, { stamp, config });
    return config;
  }
}

function stampOf(file: string): string {
  try {
    const stats = statSync(file);
    return `${stats.mtimeMs}:${stats.size}`;
  } catch {
    return 'missing';
  }
}

/**
 * The fix or remediation planned during the lint (the same edits --fix and --fix-type remediation make):
 * in an editor a person reviews each one, so remediations are offered too, titled as such.
 */
function actionsFor(finding: Finding): PlannedAction[] {
  const change = plannedChange(finding);
  if (!change || !finding.fixType) return [];
  return [{ kind: finding.fixType, title: actionTitle(finding.fixType, change.description), edits: toTextEdits(change.replacements) }];
}

/** A configuration file that cannot be used: one error at the top of the buffer, pointing at the file. */
function configErrorEntry(error: ConfigError, configFile: string | undefined): LintedEntry {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return {
    diagnostic: {
      range,
      severity: 1,
      source: TOOL_NAME,
      message: `configuration error: ${error.message}`,
      ...(configFile ? { relatedInformation: [{ location: { uri: pathToFileURL(configFile).href, range }, message: 'the configuration file' }] } : {}),
    },
    actions: [],
  };
}
