#!/usr/bin/env bash
# Local run on loopback: Azurite (Table and Queue Storage) → demo community import → CopBot → Microsoft 365 Agents Playground.
# Open http://127.0.0.1:56150 to chat with the bot in 1:1, a group chat or the team channel. Ctrl+C stops all.
set -euo pipefail
cd "$(dirname "$0")"

BOT_URL="http://127.0.0.1:3978"
PLAYGROUND_PORT=56150
TABLE_PORT=10002
QUEUE_PORT=10001
mkdir -p .data/azurite .data/logs

if [ ! -x node_modules/.bin/azurite-table ] || [ ! -x node_modules/.bin/azurite-queue ] || [ ! -x node_modules/.bin/agentsplayground ]; then
  echo "Installing Node tools (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error
fi

pids=()
# Background children of a script start with SIGINT ignored, and .NET keeps it ignored: Ctrl+C never reaches
# the bot, so everything is stopped with SIGTERM (graceful for ASP.NET and Azurite, immediate for the
# playground), then SIGKILL for anything still alive after 10 s.
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 40); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break
    sleep 0.25
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_for() { # url, what, pid
  for _ in $(seq 1 120); do
    curl -fsS -m 1 "$1" >/dev/null 2>&1 && return 0
    kill -0 "$3" 2>/dev/null || { echo "$2 exited; see .data/logs/" >&2; exit 1; }
    sleep 0.5
  done
  echo "$2 did not become ready at $1" >&2; exit 1
}

for port in $TABLE_PORT $QUEUE_PORT 3978 $PLAYGROUND_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "Port $port is already in use; stop what uses it first." >&2; exit 1; fi
done

echo "Starting Azurite (tables on 127.0.0.1:$TABLE_PORT, queues on 127.0.0.1:$QUEUE_PORT, data in .data/azurite)…"
node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort $TABLE_PORT --location .data/azurite \
  --disableTelemetry --silent --skipApiVersionCheck > .data/logs/azurite.log 2>&1 &
pids+=($!)
# The queue service holds the outbox of expert notifications (UseDevelopmentStorage=true turns it on).
node_modules/.bin/azurite-queue --queueHost 127.0.0.1 --queuePort $QUEUE_PORT --location .data/azurite \
  --disableTelemetry --silent --skipApiVersionCheck > .data/logs/azurite-queue.log 2>&1 &
pids+=($!)
for port in $TABLE_PORT $QUEUE_PORT; do
  for _ in $(seq 1 60); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.25; done
done

export ConnectionStrings__Tables="UseDevelopmentStorage=true"
echo "Building CopBot…"
dotnet build src/CopBot -c Debug --nologo -v quiet
echo "Importing the demo community (samples/demo-community.jsonl)…"
# Absolute path: dotnet run executes in the project folder, so a relative path would not be found.
dotnet run --no-build --project src/CopBot -- profiles import "$PWD/samples/demo-community.jsonl"

echo "Starting CopBot on $BOT_URL (anonymous mode: the playground sends no token)…"
# Started without `dotnet run` (exec in the project folder, where dotnet run would run it) so the pid we stop is the
# bot itself, not a wrapper that does not pass signals on.
(cd src/CopBot && ASPNETCORE_URLS="$BOT_URL" exec dotnet bin/Debug/net10.0/CopBot.dll) > .data/logs/copbot.log 2>&1 &
pids+=($!)
wait_for "$BOT_URL/healthz" "CopBot" "${pids[-1]}"

echo "Starting the Microsoft 365 Agents Playground on http://127.0.0.1:$PLAYGROUND_PORT …"
# Both the variable and the flag are required: without them the playground tries to reach cloud metadata
# and telemetry hosts. The preload keeps it on loopback (it has no --host option).
APPLICATION_INSIGHTS_NO_STATSBEAT=true TEAMSAPPTESTER_BROWSER=none \
M365_AGENTS_PLAYGROUND_LOGFILE="$PWD/.data/logs/playground.log" \
  node -r ./tools/playground/loopback-only.js node_modules/@microsoft/m365agentsplayground/cli.js start \
  -e "$BOT_URL/api/messages" -c msteams -p $PLAYGROUND_PORT \
  --service-url "http://127.0.0.1:$PLAYGROUND_PORT/_connector" --disable-telemetry > .data/logs/playground.out 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$PLAYGROUND_PORT/_debug/ping" "The playground" "${pids[-1]}"

cat <<MSG

CopBot is running.
  Chat:    http://127.0.0.1:$PLAYGROUND_PORT   (you are Zeynep Karaca; the team "Social Protection CoP" has the bot)
  Bot:     $BOT_URL/api/messages   health: $BOT_URL/healthz
  Logs:    .data/logs/
Press Ctrl+C to stop.
MSG
wait -n "${pids[@]}"
