# A fresh Debian 12 to install the package on, for the scripts that prove
# the package on a machine that has never seen Stagedesk
# (test-fresh-install.sh, test-service.sh). Sourced, not run:
#   fresh_debian_init BUILD_DIR RUN_NAME   where things go; installs the tools
#   fresh_debian_base                      the cached minimal bookworm
#   fresh_debian_deb                       cpack's .deb of the build -> $deb
#   fresh_debian_mount                     a throwaway system in $root
#   in_root COMMAND...                     runs a command in it (chroot)
#   step TEXT, fail TEXT, near A B         progress, failure, comparison
#   free_udp_port                          a port for the console's OSC
# The minimal system (debootstrap --variant=minbase) is made once and kept
# in BUILD_DIR/fresh-install/, with the .debs apt fetches into it; a run
# works on an overlay over it, so the cached tree never changes. Whatever
# happens, the exit trap unmounts what a run mounted and deletes its files.
# Needs root (without it a script exits 77, skipped) and the network.
# STAGEDESK_DEBIAN_MIRROR chooses the mirror.

step() { # prints how long the previous step took, then names the next one
  echo "--- ($((SECONDS - step_started)) s) $*"
  step_started=$SECONDS
}

fail() {
  echo "$(basename "$0"): FAILED: $*" >&2
  exit 1
}

fresh_debian_init() {
  # 77: ctest's "skipped" (SKIP_RETURN_CODE in tests/CMakeLists.txt).
  [ "$(id -u)" -eq 0 ] || { echo "$(basename "$0"): skipped: needs root" >&2; exit 77; }
  build=$(realpath "$1")
  [ -f "$build/CPackConfig.cmake" ] || { echo "$(basename "$0"): $build is not a configured build tree" >&2; exit 2; }
  mirror=${STAGEDESK_DEBIAN_MIRROR:-http://deb.debian.org/debian}
  work=$build/fresh-install
  base=$work/bookworm-minbase # the cached fresh system, never changed by a run
  archives=$work/apt-archives # the cached .debs that apt-get fetches
  run=$work/run-$2            # this run: the overlay and what it wrote
  root=$run/root
  step_started=$SECONDS
  all_started=$SECONDS
  local needs=() p
  for p in debootstrap systemd-container python3-liblo; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || needs+=("$p")
  done
  if [ ${#needs[@]} -gt 0 ]; then
    step "installing ${needs[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${needs[@]}"
  fi
  trap fresh_debian_cleanup EXIT
  fresh_debian_cleanup # a run that was killed may have left its overlay behind
}

# Unmounts what fresh_debian_mount mounted in $root, then the mount points
# named (the overlay itself).
fresh_debian_unmount() {
  local m
  for m in "$root/var/cache/apt/archives" "$root/dev" "$root/proc" "$@"; do
    if mountpoint -q "$m"; then umount "$m" 2>/dev/null || umount -l "$m"; fi
  done
}

fresh_debian_cleanup() {
  declare -F fresh_debian_stop >/dev/null && fresh_debian_stop # the script's own processes
  fresh_debian_unmount "$root"
  rm -rf --one-file-system "$run" # never into a mount that did not go
}

fresh_debian_base() {
  [ -d "$base" ] && return
  step "debootstrap --variant=minbase bookworm (made once, then cached in $base)"
  rm -rf "$base.partial"
  mkdir -p "$work"
  debootstrap --variant=minbase bookworm "$base.partial" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    fail "debootstrap, see $work/debootstrap.log"
  # Point releases and security updates too: the package's versioned
  # dependencies come from the build machine's (updated) libraries.
  cat >"$base.partial/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
  # No daemon of a package that apt installs may start in the chroot.
  printf '#!/bin/sh\nexit 101\n' >"$base.partial/usr/sbin/policy-rc.d"
  chmod 755 "$base.partial/usr/sbin/policy-rc.d"
  mv "$base.partial" "$base"
  echo "$(du -sm "$base" | cut -f1) MB"
}

fresh_debian_deb() {
  step "cpack -G DEB from $build"
  rm -rf "$work/deb"
  (cd "$build" && cpack -G DEB -B "$work/deb" >/dev/null) || fail "cpack"
  deb=$(ls "$work"/deb/stagedesk_*.deb)
  echo "$(basename "$deb"), $(($(stat -c %s "$deb") / 1024)) KiB"
}

fresh_debian_mount() {
  step "a fresh system for this run (an overlay over the cached one)"
  mkdir -p "$run/upper" "$run/overlay-work" "$root" "$archives"
  mount -t overlay overlay -o "lowerdir=$base,upperdir=$run/upper,workdir=$run/overlay-work" "$root"
  mount -t proc proc "$root/proc"
  mount --bind /dev "$root/dev"
  mount --bind "$archives" "$root/var/cache/apt/archives"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  cp "$deb" "$root/tmp/"
}

# A UDP port free on 127.0.0.1 now, for the console's OSC: the chroot and the
# container share this machine's network with whatever else runs on it.
free_udp_port() {
  python3 -c 'import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# True when the number $1 is $2 within 0.002 (a fader's travel over OSC).
near() { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; exit !(d < 0.002 && d > -0.002) }'; }

in_root() {
  chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"
}
