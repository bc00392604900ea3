#!/usr/bin/env bash
# Installs what is needed, builds everything and runs every test:
#  1. the normal build (GCC, Release) and its whole ctest suite;
#  2. a second build with clang-22's RealtimeSanitizer (-fsanitize=realtime)
#     that runs the engine suites labelled 'rtsan' with the callback marked
#     nonblocking;
#  3. the libFuzzer harness of the OSC datagram decoder (clang-22, address and
#     undefined-behaviour sanitizers), run for a bounded minute.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="${STAGEDESK_JOBS:-2}"

packaging/install-deps.sh

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$jobs"

CC=clang-22 CXX=clang++-22 cmake -S . -B build-rtsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSTAGEDESK_RTSAN=ON -DSTAGEDESK_ENGINE_ONLY=ON
cmake --build build-rtsan -j"$jobs"
(cd build-rtsan && ctest --output-on-failure -L rtsan -j"$jobs")

CC=clang-22 CXX=clang++-22 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSTAGEDESK_FUZZ=ON -DSTAGEDESK_ENGINE_ONLY=ON
cmake --build build-fuzz -j"$jobs" --target fuzz_osc_datagram
(cd build-fuzz && ctest --output-on-failure -L fuzz)

# Last, so that its summary line is the run's closing line.
# JACK suites depend on the dummy server keeping time on a shared VM: a test
# that fails is run once more (and reported); a real failure fails twice.
(cd build && ctest --output-on-failure -j"$jobs" --repeat until-pass:2)
