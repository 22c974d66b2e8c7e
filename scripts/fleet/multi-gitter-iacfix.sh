#!/usr/bin/env bash
# Run by multi-gitter (https://github.com/lindell/multi-gitter) in a clone of each repository
# of a fleet: iacfix writes its verified fixes, multi-gitter commits them and opens one pull
# request per repository. See docs/bot.md, "A fleet of repositories":
#
#   IACFIX_ARGS="--ignore required-tags" multi-gitter run "$PWD/scripts/fleet/multi-gitter-iacfix.sh" \
#     --org my-org --branch iacfix/all --pr-title "fix(iac): production gaps found by iacfix" \
#     --commit-message "fix(iac): production gaps found by iacfix"
#
# IACFIX_PATHS (default: the whole repository) and IACFIX_ARGS are split on spaces.
set -euo pipefail

read -r -a paths <<< "${IACFIX_PATHS:-.}"
read -r -a args <<< "${IACFIX_ARGS:-}"

status=0
iacfix fix "${args[@]}" "${paths[@]}" || status=$?
# 0: nothing left to fix. 1: what could be fixed is written, some findings remain (the pull
# request still helps; multi-gitter opens it only if a file changed). 2 and above: a usage or
# configuration error: this repository fails, and multi-gitter says so in its summary.
if [ "$status" -ge 2 ]; then
  exit "$status"
fi
exit 0
