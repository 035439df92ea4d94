#!/usr/bin/env bash
# Builds the Teams app package: manifest.json (bot id filled in) + color.png + outline.png at the zip root.
#
#   manifest/build-package.sh [BOT_ID]
#
# BOT_ID is the bot's Entra app (client) id: the argument, else $MicrosoftAppId. The Teams app id defaults to
# the same GUID; set TEAMS_APP_ID to publish under a different one. Output: manifest/build/appPackage.zip,
# or $APP_PACKAGE_PATH. Needs only bash and python3 (for the zip).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

guid_pattern='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
require_guid() { # value, what
  if [ -z "$1" ]; then
    echo "error: no $2. Pass it as the first argument or set MicrosoftAppId (the Entra app registration's client id)." >&2
    exit 2
  fi
  if ! [[ "$1" =~ $guid_pattern ]] || [ "$1" = "00000000-0000-0000-0000-000000000000" ]; then
    echo "error: $2 '$1' is not a GUID like 3f2b8c9e-1a4d-4e6f-9b7a-5c3d2e1f0a9b." >&2
    exit 2
  fi
}

bot_id="${1:-${MicrosoftAppId:-}}"
require_guid "$bot_id" "bot id"
app_id="${TEAMS_APP_ID:-$bot_id}"
require_guid "$app_id" "Teams app id (TEAMS_APP_ID)"

out="${APP_PACKAGE_PATH:-$here/build/appPackage.zip}"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT

# GUIDs hold no characters special to sed, so plain substitution is safe.
sed -e "s/{{BOT_ID}}/$bot_id/g" -e "s/{{APP_ID}}/$app_id/g" "$here/manifest.json" > "$staging/manifest.json"
if grep -q '{{' "$staging/manifest.json"; then
  echo "error: manifest.json still has an unfilled {{placeholder}}." >&2
  exit 1
fi
cp "$here/color.png" "$here/outline.png" "$staging/"

mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"  # absolute: the zip step runs in the staging folder
rm -f "$out"
# zipfile's CLI stores each file under its base name: the three files land at the zip root, as Teams requires.
(cd "$staging" && python3 -m zipfile -c "$out" manifest.json color.png outline.png)
echo "Wrote $out (bot id $bot_id, app id $app_id)"
