#!/usr/bin/env bash
# The README's first command ends here: the bundled demo in the desktop app when there is a
# display, else its figures written headless (under Xvfb) to ./basin-demo.
# Usage: packaging/show-demo.sh [BUILD_DIR]   (default: build/release)
set -euo pipefail
build="${1:-$(cd "$(dirname "$0")/.." && pwd)/build/release}"
if [ -n "${DISPLAY:-}" ]; then
  exec "$build/app/gui/basin" --demo
fi
echo "show-demo: no display; writing the demo's figures to ./basin-demo instead" >&2
xvfb-run -a -s "-screen 0 1280x1024x24" "$build/app/cli/basin-cli" demo --out basin-demo
