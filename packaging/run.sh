#!/usr/bin/env bash
# Installs what is needed, builds, and runs the console: the touchscreen when
# there is a display, headless otherwise. Extra arguments go to
# stagedesk (for example: --audio-api jack --frames 128). Without an audio
# device it runs on its internal clock.
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh --no-rtsan
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"${STAGEDESK_JOBS:-2}" --target stagedesk
exec build/app/stagedesk "$@"
