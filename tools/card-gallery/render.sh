#!/usr/bin/env bash
# Regenerates docs/cards: writes every card fixture from the catalog (validated by the official parser on the
# way), then renders each to PNG in headless Chromium. Installs Chromium (apt) and the Node tools when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -x /usr/bin/chromium ]; then
  apt-get update && apt-get install -y --no-install-recommends chromium fonts-open-sans fonts-noto-color-emoji fonts-droid-fallback
fi
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/adaptivecards ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

dotnet test tests/CopBot.Cards.Tests --nologo -v quiet \
  --filter "FullyQualifiedName=CopBot.Cards.Tests.CardCatalogTests.EveryFixture_PassesOfficialParserWithinSizeLimit"
node tools/card-gallery/render.js artifacts/card-fixtures docs/cards
