#!/usr/bin/env bash
# The GitHub Action's lint step (action.yml). Reads its inputs from INPUT_* environment variables,
# builds the argument list as an array (no word splitting or globbing of user input by the shell),
# and runs the bundled CLI from the action's own checkout (nothing to install: bundle/ is committed).
set -euo pipefail

args=()
# Paths: split on spaces and new lines only; globs are expanded by cognito-lint, not by the shell.
set -f
for path in ${INPUT_PATHS:-.}; do args+=("$path"); done
set +f
args+=(--format "${INPUT_FORMAT:-github}" --fail-on "${INPUT_FAIL_ON:-error}")
[ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")
if [ "${INPUT_FORMAT:-github}" = sarif ]; then
  sarif_file="${INPUT_SARIF_FILE:-cognito-lint.sarif}"
  args+=(--output-file "$sarif_file")
  [ -n "${INPUT_SARIF_CATEGORY:-}" ] && args+=(--sarif-category "$INPUT_SARIF_CATEGORY")
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "sarif-file=$sarif_file" >> "$GITHUB_OUTPUT"; fi
fi

exec node "$GITHUB_ACTION_PATH/bundle/cognito-lint.js" "${args[@]}"
