#!/usr/bin/env bash
# Installs every Debian 12 package Stagedesk needs to build, run and test.
# Idempotent: packages already present are skipped by apt-get.
# Usage: sudo packaging/install-deps.sh [--no-rtsan]
set -euo pipefail

want_rtsan=1
[ "${1:-}" = "--no-rtsan" ] && want_rtsan=0

packages=(
  # build
  build-essential cmake ninja-build ccache pkg-config git
  # engine and surfaces
  librtaudio-dev librtmidi-dev liblo-dev liblo-tools liblilv-dev lv2-dev
  libsndfile1-dev libfftw3-dev
  # console model and UI
  qt6-base-dev qt6-declarative-dev qml6-module-qtquick qml6-module-qtquick-controls
  qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qttest
  qml6-module-qtqml-workerscript qml6-module-qtquick-templates
  libgl-dev fonts-dejavu-core
  # tests: a real JACK server with the dummy backend, and its client library
  jackd2 libjack-jackd2-dev
  python3 python3-liblo
  # the Debian package (CPack, dpkg-shlibdeps), its manual page and its checks;
  # prlimit and setpriv (util-linux) for the --check-system test
  dpkg-dev help2man lintian desktop-file-utils appstream util-linux
  # the package installed on a fresh Debian 12 and its service under systemd
  # (packaging/test-fresh-install.sh, test-service.sh)
  debootstrap systemd-container
  # LV2 plugins the plugin tests host (eg-amp, Dragonfly reverbs, ZamDelay)
  lv2-examples dragonfly-reverb-lv2 zam-plugins
  # the demo show's effects (Calf Reverb and Vintage Delay, MDA Ambience)
  calf-plugins mda-lv2
)
if [ "$want_rtsan" = 1 ]; then
  # clang's RealtimeSanitizer for the dedicated -fsanitize=realtime build
  packages+=(clang-22 libclang-rt-22-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
# jackd2 asks whether to enable real-time priority; answer without a prompt.
echo "jackd2 jackd/tweak_rt_limits boolean true" | $SUDO debconf-set-selections
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: installed ${#missing[@]} packages"
