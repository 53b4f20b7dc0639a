#!/usr/bin/env bash
# Lints the sink's OpenAPI description (generated from the code) with Redocly's recommended rules.
# The document is written by sink's OpenApiTest (sink/target/openapi.json), which also runs this linter itself
# when tools/openapi-lint/node_modules is installed: `npm ci` here once, then the Maven test does the rest.
# The description the launcher's stack serves (the sink's routes plus the dashboard's) is linted the same way by
# launcher's DashboardTest (launcher/target/openapi-dashboard.json).
#   tools/openapi-lint/lint.sh            # npm ci if needed, generate the document via the test, lint it
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
[ -x node_modules/.bin/redocly ] || npm ci --no-audit --no-fund
cd "$root"
NEWSFLOW_OPENAPI_LINT=required ./mvnw -B -q -pl sink -am test -Dtest=OpenApiTest -Dsurefire.failIfNoSpecifiedTests=false
"$here/node_modules/.bin/redocly" lint --config "$here/redocly.yaml" "$root/sink/target/openapi.json"
