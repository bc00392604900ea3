#!/usr/bin/env bash
# Runs stagedesk.service under a real systemd: the package installed with
# apt on a fresh Debian 12 (see fresh-debian.sh) together with systemd, the
# service enabled, and that system booted in a container
# (systemd-nspawn --boot, sharing this machine's network). Checks that the
# service
#   - starts at boot, on the internal clock (no audio device in the container),
#     with the options of /etc/default/stagedesk;
#   - runs as its dynamic user, in the audio group, with the unit's
#     real-time and memory-lock limits (as far as this machine lets systemd
#     grant them; if it cannot, stagedesk must say what it was refused),
#     and which of its threads run SCHED_FIFO;
#   - after a fader set over OSC and its autosave, and a kill -9 of its
#     process, is restarted by systemd with the fader where it was.
# Prints the time each step took. Needs root (skipped, 77, without) and the
# network.
#
# Usage: sudo packaging/test-service.sh [BUILD_DIR]   (default: build)
set -euo pipefail
src_dir=$(cd "$(dirname "$0")" && pwd)
source "$src_dir/fresh-debian.sh"
nspawn_pid=""
init_pid=""
fresh_debian_stop() { # the container powered off, or killed
  [ -n "$nspawn_pid" ] || return 0
  if [ -n "$init_pid" ]; then
    nsenter -t "$init_pid" -a systemctl poweroff 2>/dev/null || true
    timeout 30 tail --pid="$nspawn_pid" -f /dev/null || kill -KILL "$init_pid" 2>/dev/null || true
  fi
  kill -KILL "$nspawn_pid" 2>/dev/null || true
  wait "$nspawn_pid" 2>/dev/null || true
  nspawn_pid=""
}
in_container() { nsenter -t "$init_pid" -a "$@"; }
unit_property() { in_container systemctl show -p "$1" --value stagedesk.service; }

osc_port=$(free_udp_port)
fresh_debian_init "${1:-$src_dir/../build}" service
fresh_debian_base
fresh_debian_deb
fresh_debian_mount

step "apt-get install systemd-sysv dbus ./$(basename "$deb"); systemctl enable stagedesk"
in_root apt-get update -qq || fail "apt-get update"
in_root apt-get install -y -q systemd-sysv dbus "/tmp/$(basename "$deb")" >"$run/apt.log" 2>&1 ||
  { tail -20 "$run/apt.log"; fail "apt-get install"; }
grep -E "^[0-9]+ upgraded" "$run/apt.log"
echo "STAGEDESK_OPTIONS=\"--osc-port $osc_port --osc-bind 127.0.0.1 --autosave-seconds 1\"" \
  >"$root/etc/default/stagedesk"
in_root systemctl enable stagedesk.service
# The container mounts its own /proc and /dev.
fresh_debian_unmount

step "systemd-nspawn --boot"
# Named after this run: two builds' tests may boot theirs at the same time.
systemd-nspawn --boot --quiet --register=no --keep-unit --console=passive -D "$root" \
  --machine="stagedesk-test-$$" >"$run/boot.log" 2>&1 &
nspawn_pid=$!
for _ in $(seq 100); do
  init_pid=$(pgrep -P "$nspawn_pid" -x systemd || true)
  [ -n "$init_pid" ] && break
  sleep 0.1
done
[ -n "$init_pid" ] || { cat "$run/boot.log"; fail "systemd did not start in the container"; }
state=""
for _ in $(seq 600); do # until the boot is over (its manager answers from early on)
  state=$(in_container systemctl is-system-running 2>/dev/null || true)
  case "$state" in running | degraded | maintenance | stopping) break ;; esac
  sleep 0.1
done
echo "system: $state; $(in_container systemctl --version | head -1)"
[ "$state" = running ] || { in_container systemctl --failed --no-pager; fail "the system is $state"; }

step "stagedesk.service started at boot"
[ "$(unit_property ActiveState)" = active ] || fail "stagedesk.service is $(unit_property ActiveState)"
pid=$(unit_property MainPID)
info=$("$src_dir/osc-ask.py" "$osc_port" /info --wait 20) || fail "no answer to /info"
echo "MainPID $pid; /info -> $info"
journal=$(in_container journalctl -b -u stagedesk.service -o cat --no-pager)
sed 's/^/  journal: /' <<<"$journal"
grep -q "internal clock" <<<"$journal" || fail "it does not say it runs on the internal clock"
# The answer came from this service, not from another program on the port.
grep -q "OSC remote (X32 protocol) on 127.0.0.1:$osc_port" <<<"$journal" ||
  fail "the service is not the one listening on $osc_port"

step "its user, groups, limits and real-time threads"
status=$(in_container cat "/proc/$pid/status")
uid=$(awk '/^Uid:/ { print $2 }' <<<"$status")
audio_gid=$(in_container getent group audio | cut -d: -f3)
echo "uid $uid (DynamicUser range 61184-65519), groups: $(awk '/^Groups:/ { $1 = ""; print }' <<<"$status"); audio is $audio_gid"
[ "$uid" -ge 61184 ] && [ "$uid" -le 65519 ] || fail "uid $uid is not a dynamic user"
awk '/^Groups:/' <<<"$status" | grep -qw "$audio_gid" || fail "not in the audio group"
# systemd raises a service's limits up to its own hard limits: on a machine
# those are the kernel's (PID 1 holds CAP_SYS_RESOURCE); in a sandbox
# without that capability they are the sandbox's, and the service gets those.
limit_of() { # the hard limit named $2 in /proc/PID/limits text $1
  sed -n "s/^$2  *\([^ ]*\)  *\([^ ]*\).*/\2/p" <<<"$1"
}
limits=$(in_container cat "/proc/$pid/limits")
init_limits=$(in_container cat /proc/1/limits)
rtprio=$(limit_of "$limits" "Max realtime priority")
memlock=$(limit_of "$limits" "Max locked memory")
init_rtprio=$(limit_of "$init_limits" "Max realtime priority")
init_memlock=$(limit_of "$init_limits" "Max locked memory")
echo "unit: $(in_container systemctl show -p LimitRTPRIO -p LimitMEMLOCK stagedesk.service | tr '\n' ' ')"
echo "process: RLIMIT_RTPRIO $rtprio, RLIMIT_MEMLOCK $memlock; the container's PID 1 may grant up to $init_rtprio and $init_memlock"
[ "$(unit_property LimitRTPRIO)" = 95 ] || fail "the unit does not ask for LimitRTPRIO=95"
[ "$(unit_property LimitMEMLOCK)" = infinity ] || fail "the unit does not ask for LimitMEMLOCK=infinity"
if [ "$init_rtprio" -lt 95 ]; then
  echo "NOTE: this machine caps what systemd can grant (its sandbox lacks CAP_SYS_RESOURCE):"
  echo "      the service gets the most it can, and stagedesk must say what it was refused"
  [ "$rtprio" = "$init_rtprio" ] || fail "RLIMIT_RTPRIO $rtprio, not the $init_rtprio systemd could grant"
  [ "$memlock" = "$init_memlock" ] || fail "RLIMIT_MEMLOCK $memlock, not the $init_memlock systemd could grant"
  grep -q "SCHED_FIFO priority 80 refused" <<<"$journal" || fail "stagedesk did not say real time was refused"
  grep -q "memory not locked" <<<"$journal" || fail "stagedesk did not say memory was not locked"
else
  [ "$rtprio" = 95 ] || fail "RLIMIT_RTPRIO is $rtprio, not 95"
  [ "$memlock" = unlimited ] || fail "RLIMIT_MEMLOCK is $memlock, not unlimited"
fi
echo "locked: $(awk '/^VmLck:/ { print $2, $3 }' <<<"$status") of $(awk '/^VmRSS:/ { print $2, $3 }' <<<"$status") resident"
fifo=0
for task in $(in_container ls "/proc/$pid/task"); do
  policy=$(in_container chrt -p "$task" | tr '\n' ' ')
  echo "  thread $task $(in_container cat "/proc/$pid/task/$task/comm"): $policy"
  if grep -q SCHED_FIFO <<<"$policy"; then fifo=$((fifo + 1)); fi
done
[ "$rtprio" -lt 80 ] || [ "$fifo" -ge 1 ] || fail "no thread runs SCHED_FIFO though RLIMIT_RTPRIO allows it"

step "a fader over OSC, its autosave, then kill -9"
before=$("$src_dir/osc-ask.py" "$osc_port" /ch/01/mix/fader) || fail "no answer to a fader GET"
near "$before" 0.375 && fail "the fader is already at 0.375: the test could not tell"
fader=$("$src_dir/osc-ask.py" "$osc_port" /ch/01/mix/fader 0.375) || fail "no answer to a fader GET"
echo "/ch/01/mix/fader $before, set to 0.375 -> $fader"
near "$fader" 0.375 || fail "the fader did not take the value"
sleep 3 # autosaved within a second (--autosave-seconds 1)
in_container ls -l /var/lib/stagedesk/ | sed 's/^/  /'
in_container kill -KILL "$pid"
killed=$SECONDS
restarted=""
for _ in $(seq 100); do
  new_pid=$(unit_property MainPID)
  if [ "$new_pid" != 0 ] && [ "$new_pid" != "$pid" ] && [ "$(unit_property ActiveState)" = active ]; then
    restarted=yes
    break
  fi
  sleep 0.1
done
[ -n "$restarted" ] || fail "systemd did not restart it: $(unit_property ActiveState) $(unit_property Result)"
echo "restarted as $new_pid after $((SECONDS - killed)) s, NRestarts=$(unit_property NRestarts)"
after=$("$src_dir/osc-ask.py" "$osc_port" /ch/01/mix/fader --wait 20) || fail "no answer after the restart"
echo "/ch/01/mix/fader after the restart -> $after"
near "$after" 0.375 || fail "it did not start from the autosave"
in_container journalctl -b -u stagedesk.service -o cat --no-pager | grep -E "autosave|Main process exited|Scheduled restart" |
  sed 's/^/  journal: /'

step "done"
echo "test-service: OK in $((SECONDS - all_started)) s"
