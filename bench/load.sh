#!/usr/bin/env bash
# Throughput benchmark: CopBot (Release) beside the JS Bot Framework SDK's echo bot, same load, same run, loopback
# only. Installs the echo bot's packages and builds what it runs. Arguments go to the benchmark, e.g.
#   bench/load.sh --concurrency 32 --conversations 2000 --duration 20 --soak 600 --out docs/performance.md
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ -d node_modules/azurite ] || npm ci --no-audit --no-fund
[ -d bench/js-echo/node_modules/botbuilder ] || npm ci --prefix bench/js-echo --no-audit --no-fund
dotnet build -c Release src/CopBot -warnaserror -v quiet -nologo
dotnet run -c Release --project bench/CopBot.LoadBench -- "$@"
