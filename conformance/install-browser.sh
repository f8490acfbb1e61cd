#!/usr/bin/env bash
# Installs Debian's Chromium for the conformance suite's browser test (conformance/test/06-browser.test.js), which
# drives /usr/bin/chromium through playwright-core and fails when it is missing. Does nothing when it is there.
# Call it from .ci/run before ./mvnw verify:  bash conformance/install-browser.sh
set -euo pipefail

CHROMIUM=/usr/bin/chromium
if [[ -x "$CHROMIUM" ]]; then
  echo "chromium already installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi

SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then
  SUDO=(sudo)
fi
echo "installing Debian's chromium (apt-get update && apt-get install -y chromium)"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update
"${SUDO[@]}" apt-get install -y chromium
"$CHROMIUM" --version
