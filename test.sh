#!/usr/bin/env bash
# Runs every test: unit, HTTP (real ASP.NET pipeline), integration (real Azurite), end-to-end (Agents Playground).
# Installs the Node tools it needs (Azurite, the Adaptive Cards parser, the playground, playwright-core) and
# Debian's chromium (apt) on first use.
# Ends with one line "N passed, N failed[, N skipped]"; exits non-zero if anything failed or did not run.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x node_modules/.bin/azurite-table ] || [ ! -d node_modules/adaptivecards ] || [ ! -x node_modules/.bin/agentsplayground ] || [ ! -d node_modules/@microsoft/app-manifest ] || [ ! -d node_modules/playwright-core ]; then
  echo "Installing Node tools (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The UI test drives Debian's Chromium (playwright-core downloads no browser).
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium (apt) for the UI tests…"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium
fi

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

status=0
dotnet build CopBot.sln -c Release -warnaserror --nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }
# One results folder per test project: TRX names carry only a timestamp and would collide.
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx" --results-directory "$results/$name" "$@" || status=$?
done

# dotnet test's own summary is per assembly; add up the TRX counters for one closing line.
read -r passed failed skipped total < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
p = f = s = t = 0
for path in glob.glob(sys.argv[1] + "/*/*.trx"):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    p += int(c.get("passed")); f += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout")) + int(c.get("aborted"))
    t += int(c.get("total")); s += int(c.get("total")) - int(c.get("executed"))
print(p, f, s, t)
PY
)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a crashed test host writes no counters
if [ "$total" -eq 0 ]; then failed=1; fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
