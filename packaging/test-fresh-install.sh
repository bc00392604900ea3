#!/usr/bin/env bash
# Installs the Debian package of a build tree on a fresh Debian 12, as a
# desk's owner would, and checks that it works and goes away cleanly:
#   1. a minimal bookworm (debootstrap --variant=minbase), made once and
#      cached in BUILD_DIR/fresh-install/ with the .debs apt downloads;
#   2. the package cpack makes from BUILD_DIR, in a throwaway copy of it (an
#      overlay over the cached tree): `dpkg -i` (which must fail: nothing it
#      depends on is there), `apt-get install -f`, then --version, --help,
#      the manual page, check-show of the installed demo show, a headless
#      start on the internal clock (no audio device in the chroot) answering
#      OSC /info and a fader SET/GET over UDP from outside, stopped by
#      SIGTERM; then `apt-get remove`, which must leave none of its files.
# Prints the time each step took. Needs root (debootstrap, chroot, mounts);
# installs its own tools when missing (see fresh-debian.sh).
#
# Usage: sudo packaging/test-fresh-install.sh [BUILD_DIR]   (default: build)
#   STAGEDESK_DEBIAN_MIRROR  the Debian mirror (default deb.debian.org)
#   rm -rf BUILD_DIR/fresh-install to make the cached tree again.
set -euo pipefail
src_dir=$(cd "$(dirname "$0")" && pwd)
source "$src_dir/fresh-debian.sh"
console_pid=""
fresh_debian_stop() { [ -z "$console_pid" ] || kill -KILL "$console_pid" 2>/dev/null || true; }

osc_port=$(free_udp_port)
fresh_debian_init "${1:-$src_dir/../build}" install
fresh_debian_base
fresh_debian_deb
fresh_debian_mount
packages_before=$(in_root dpkg-query -W -f='${Status}\n' | grep -c "install ok installed")
echo "$packages_before packages installed"

step "dpkg -i $(basename "$deb") (must fail: its dependencies are missing)"
if in_root dpkg -i "/tmp/$(basename "$deb")" >"$run/dpkg.log" 2>&1; then
  fail "dpkg -i succeeded on a minimal system: the package declares no dependencies"
fi
grep -m 3 "depends on" "$run/dpkg.log" || true
echo "($(grep -c "depends on" "$run/dpkg.log") missing dependencies reported)"

step "apt-get update; apt-get install -f -y"
in_root apt-get update -qq || fail "apt-get update"
in_root apt-get install -f -y -q >"$run/apt.log" 2>&1 || { tail -20 "$run/apt.log"; fail "apt-get install -f"; }
grep -E "^[0-9]+ upgraded" "$run/apt.log"
in_root dpkg-query -W -f='${Status} ${Version}\n' stagedesk | grep -q "install ok installed" ||
  fail "stagedesk is not installed after apt-get install -f"
packages_after=$(in_root dpkg-query -W -f='${Status}\n' | grep -c "install ok installed")
echo "$((packages_after - packages_before)) packages installed with it"
in_root dpkg-query -L stagedesk >"$run/files.txt"

step "stagedesk --version, --help, manual page, check-show"
version=$(in_root stagedesk --version)
echo "$version"
[[ "$version" =~ ^stagedesk\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "--version printed '$version'"
in_root stagedesk --help >"$run/help.txt" || fail "--help exited $?"
grep -q -- "--headless" "$run/help.txt" || fail "--help does not mention --headless"
echo "--help: $(wc -l <"$run/help.txt") lines"
man_page=/usr/share/man/man1/stagedesk.1.gz
if in_root sh -c "command -v man" >/dev/null; then
  man_page=$(in_root man -w stagedesk) || fail "man -w stagedesk"
fi
[ -s "$root$man_page" ] || fail "no manual page at $man_page"
gzip -t "$root$man_page" || fail "$man_page is not a whole gzip file"
echo "manual page: $man_page"
in_root stagedesk check-show /usr/share/stagedesk/demo-show.json || fail "check-show of the demo show"

step "headless start on the internal clock, OSC /info and a fader over UDP"
mkdir -p "$root/tmp/home"
chroot "$root" env -i PATH=/usr/bin:/bin HOME=/tmp/home LANG=C.UTF-8 \
  stagedesk --headless --osc-port "$osc_port" --osc-bind 127.0.0.1 >"$run/console.log" 2>&1 &
console_pid=$!
# Asked from this machine: the chroot shares its network.
ask="$src_dir/osc-ask.py $osc_port"
info=$($ask /info --wait 20) || { cat "$run/console.log"; fail "the console did not answer /info"; }
echo "/info -> $info"
# ... from this console, not from another program on the same port.
grep -q "OSC remote (X32 protocol) on 127.0.0.1:$osc_port" "$run/console.log" ||
  { cat "$run/console.log"; fail "the console is not the one listening on $osc_port"; }
fader=$($ask /ch/01/mix/fader 0.625) || fail "no answer to a fader GET"
echo "/ch/01/mix/fader set to 0.625 -> $fader"
near "$fader" 0.625 || fail "the fader did not take the value"
sleep 2 # a few seconds of running, then a clean stop
kill -TERM "$console_pid"
console_status=0
wait "$console_pid" || console_status=$?
console_pid=""
sed 's/^/  console: /' "$run/console.log"
[ "$console_status" -eq 0 ] || fail "the console exited with status $console_status on SIGTERM"
grep -q "internal clock" "$run/console.log" || fail "the console did not say it runs on the internal clock"

step "apt-get remove -y stagedesk"
in_root apt-get remove -y -q stagedesk >"$run/remove.log" 2>&1 || { cat "$run/remove.log"; fail "apt-get remove"; }
in_root dpkg-query -W -f='${Status}\n' stagedesk 2>/dev/null | grep -q "install ok installed" &&
  fail "stagedesk is still installed"
left=()
while read -r path; do
  [ -e "$root$path" ] && [ ! -d "$root$path" ] && left+=("$path")
done <"$run/files.txt"
[ ${#left[@]} -eq 0 ] || fail "apt-get remove left files of the package: ${left[*]}"
echo "none of the files of its $(grep -c . "$run/files.txt") paths is left"

step "done"
echo "test-fresh-install: OK in $((SECONDS - all_started)) s"
