#!/usr/bin/env bash
# Make sure Debian's Chromium (and its chromedriver) is installed, for the web console's browser
# test (tests/test_console_browser.py drives it over the DevTools protocol). Nothing is downloaded
# from anywhere but Debian's archive. (fonts-noto-cjk is optional: Japanese in screenshots only.)
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    echo "chromium.sh: $(chromium --version 2>/dev/null || echo chromium) is installed"
    exit 0
fi
echo "chromium.sh: installing chromium and chromium-driver"
sudo=""
[[ "$(id -u)" -eq 0 ]] || sudo="sudo"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends chromium chromium-driver
