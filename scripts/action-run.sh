#!/usr/bin/env bash
# The GitHub Action's lint step (action.yml). Reads its inputs from INPUT_* environment variables and
# treats them as data: the argument list is an array (no word splitting or globbing by the shell), each
# option's value follows its option, and the paths come last, after `--`, so a path such as
# "bad.yaml --version" is a file name, never an option. Runs the bundled CLI from the action's own
# checkout (nothing to install: bundle/ is committed).
set -euo pipefail

fail() {
  echo "cognito-lint action: $*" >&2
  exit 2
}

args=(--format "${INPUT_FORMAT:-github}" --fail-on "${INPUT_FAIL_ON:-error}")
[ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")
[ -n "${INPUT_PRESET:-}" ] && args+=(--preset "$INPUT_PRESET")
[ -n "${INPUT_MAX_WARNINGS:-}" ] && args+=(--max-warnings "$INPUT_MAX_WARNINGS")
[ -n "${INPUT_BASELINE:-}" ] && args+=(--baseline "$INPUT_BASELINE")
if [ "${INPUT_FORMAT:-github}" = sarif ]; then
  sarif_file="${INPUT_SARIF_FILE:-cognito-lint.sarif}"
  # It goes into $GITHUB_OUTPUT as one line: a new line (or any control character) would add an output.
  case "$sarif_file" in *[[:cntrl:]]*) fail "sarif-file contains a control character (a new line, a tab...); give a plain file name" ;; esac
  args+=(--output-file "$sarif_file")
  [ -n "${INPUT_SARIF_CATEGORY:-}" ] && args+=(--sarif-category "$INPUT_SARIF_CATEGORY")
fi

# Paths: one per line, spaces inside a path kept (leading and trailing blanks and a CR are not part of
# it), empty lines skipped; globs are expanded by cognito-lint, not by the shell.
paths=()
while IFS= read -r line || [ -n "$line" ]; do
  line="${line%$'\r'}"
  line="${line#"${line%%[![:blank:]]*}"}"
  line="${line%"${line##*[![:blank:]]}"}"
  [ -n "$line" ] && paths+=("$line")
done <<< "${INPUT_PATHS:-.}"
[ "${#paths[@]}" -gt 0 ] || paths=(.)

if [ -n "${sarif_file:-}" ] && [ -n "${GITHUB_OUTPUT:-}" ]; then echo "sarif-file=$sarif_file" >> "$GITHUB_OUTPUT"; fi
exec node "$GITHUB_ACTION_PATH/bundle/cognito-lint.js" "${args[@]}" -- "${paths[@]}"
