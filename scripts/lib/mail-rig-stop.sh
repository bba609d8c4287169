#!/usr/bin/env bash
# Stops exactly the Dovecot instance started by mail-rig.sh, by its master PID
# (never by process name), then optionally deletes the rig dir.
#   scripts/lib/mail-rig-stop.sh RIG_DIR [--keep]
set -uo pipefail
RIG_DIR="${RIG_DIR:-}"
KEEP=0
for a in "$@"; do
  case "$a" in --keep) KEEP=1 ;; *) RIG_DIR="$a" ;; esac
done
[ -n "$RIG_DIR" ] || { echo "usage: mail-rig-stop.sh RIG_DIR [--keep]" >&2; exit 2; }
PIDFILE="$RIG_DIR/run/master.pid"
t0=$(date +%s%N)
if [ ! -f "$PIDFILE" ]; then echo "no pidfile at $PIDFILE (not running?)" >&2; exit 0; fi
PID=$(cat "$PIDFILE")
# Make sure the PID really is *our* dovecot master (config path on its cmdline).
if ! tr '\0' ' ' < "/proc/$PID/cmdline" 2>/dev/null | grep -q -- "$RIG_DIR/dovecot.conf"; then
  echo "pid $PID is not this rig's dovecot (stale pidfile); nothing killed" >&2
else
  kill -TERM "$PID"
  for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.05; done
  if kill -0 "$PID" 2>/dev/null; then echo "pid $PID still alive after 5 s, sending KILL" >&2; kill -KILL "$PID"; fi
fi
t1=$(date +%s%N)
[ "$KEEP" = 1 ] || rm -rf "$RIG_DIR"
echo "# dovecot stopped in $(( (t1 - t0) / 1000000 )) ms" >&2
