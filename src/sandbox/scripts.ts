/**
 * The two small sh programs that build the sandbox. Neither has any path or argument written into
 * it: everything arrives as positional parameters, so no text from a config file or the model is
 * ever parsed as shell code.
 */

/**
 * Run once per sandbox, as root (real, via sudo, or of a new user namespace), as PID 1 of new
 * mount, IPC, UTS, PID and (unless network is allowed) network namespaces. Builds the root the
 * commands will see on an empty tmpfs, pivots into it, prints `ready <pid>` and then waits on stdin:
 * it holds the namespaces open so each command only has to enter them (the mounts are paid once,
 * not per command), and it exits when Kubrick closes the pipe or dies.
 *
 * $1 new-root dir, $2 1 = bring loopback up, $3 /dev/shm size in bytes, $4 /dev/.kubrick-fstab
 * content (the per-command mounts, see COMMAND_SCRIPT), then steps until `--`, each path both as
 * written and in its /proc/self/mountinfo spelling:
 *   tmpfs PATH MI-PATH OPTIONS   a fresh tmpfs (/tmp)
 *   symlink PATH TARGET          a link (/bin -> usr/bin)
 *   robind PATH MI-PATH SOURCE   SOURCE shown read-only at PATH (system, toolchains, hidden secrets)
 *   bind PATH MI-PATH SOURCE     SOURCE shown read-write at PATH (the workspace, its .git)
 */
export const HOLDER_SCRIPT = `set -eu
PATH=/usr/sbin:/usr/bin:/sbin:/bin
root=$1 lo_up=$2 shm_size=$3 fstab=$4
shift 4
fail() { echo "kubrick sandbox: $*" >&2; exit 125; }
# Our pid as the runner's /proc numbers it, for nsenter; read by the shell itself before this
# namespace's own /proc replaces the runner's.
host_pid=
while read -r key value rest; do
  if [ "$key" = NSpid: ]; then host_pid=$value; fi
done < /proc/self/status
[ -n "$host_pid" ] || fail "cannot tell this process's pid (the kernel has no NSpid)"
# Every mount at or under a path again, read-only ($2 = ro) or not, always nosuid and nodev,
# keeping the flags the kernel locked (a remount that drops them is refused in a user namespace).
remount_tree() {
  # Read by the shell itself (no program per step), all of it before anything is remounted.
  matches=
  while read -r _id _parent _dev _root mp opts _rest; do
    case $mp in "$1"|"$1"/*) matches="$matches$mp $opts
" ;; esac
  done < /proc/self/mountinfo
  while read -r mp opts; do
    [ -n "$mp" ] || continue
    case $mp in *\\\\*) mp=$(printf '%b' "$mp") ;; esac
    keep=
    old_ifs=$IFS; IFS=,
    for o in $opts; do case $o in rw|ro) ;; *) keep="$keep,$o" ;; esac; done
    IFS=$old_ifs
    mount -o "remount,bind,$2,nosuid,nodev$keep" "$mp" || fail "cannot remount $mp $2"
  done <<MOUNTS
$matches
MOUNTS
}
mount -t tmpfs -o mode=0755,size=4m,nosuid,nodev kubrick-root "$root" || fail "cannot make the sandbox root"
while [ "$#" -gt 0 ]; do
  step=$1; shift
  case $step in
    --) break ;;
    tmpfs)
      { mkdir -p "$root$1" && mount -t tmpfs -o "$3" kubrick "$root$1"; } || fail "cannot mount a tmpfs at $1"
      shift 3 ;;
    symlink)
      { mkdir -p "$root\${1%/*}" && ln -s "$2" "$root$1"; } || fail "cannot link $1"
      shift 2 ;;
    bind|robind)
      if [ -d "$3" ]; then [ -d "$root$1" ] || mkdir -p "$root$1"; else { [ -d "$root\${1%/*}" ] || mkdir -p "$root\${1%/*}"; } && { [ -e "$root$1" ] || : > "$root$1"; }; fi || fail "cannot make a place for $1"
      mount --rbind "$3" "$root$1" || fail "cannot show $1"
      if [ "$step" = robind ]; then remount_tree "$2" ro; else remount_tree "$2" rw; fi
      shift 3 ;;
    *) fail "unknown setup step $step" ;;
  esac
done
# A minimal /dev: no disks, no host /dev/shm; read-only once the per-command mount table is in it.
mkdir -p "$root/dev"
mount -t tmpfs -o mode=0755,size=1m,nosuid,noexec kubrick-dev "$root/dev"
for d in null zero full random urandom tty; do : > "$root/dev/$d"; mount --bind "/dev/$d" "$root/dev/$d"; done
ln -s /proc/self/fd "$root/dev/fd"
ln -s /proc/self/fd/0 "$root/dev/stdin"
ln -s /proc/self/fd/1 "$root/dev/stdout"
ln -s /proc/self/fd/2 "$root/dev/stderr"
mkdir "$root/dev/shm"
mount -t tmpfs -o "mode=1777,size=$shm_size,nosuid,nodev" kubrick-shm "$root/dev/shm"
# This namespace's own /proc: it shows only the sandbox's processes, and a later /proc mount in a
# user namespace needs one fully visible.
mkdir -p "$root/proc"
mount -t proc -o nosuid,nodev,noexec kubrick-proc "$root/proc" || fail "cannot mount /proc"
# Each command mounts a /proc of its own first (its mount table's first line), hiding the other
# processes with the strongest hidepid this kernel has: found once here, not tried per command.
probe="$root/dev/.kubrick-proc-probe"
mkdir "$probe"
hide=
for opt in hidepid=invisible hidepid=2; do
  if mount -t proc -o "nosuid,nodev,noexec,$opt" kubrick-probe "$probe" 2>/dev/null; then
    umount "$probe"; hide=",$opt"; break
  fi
done
rmdir "$probe"
fstab="kubrick-command-proc /proc proc nosuid,nodev,noexec$hide 0 0
$fstab"
# What each command makes read-only in its own /proc, where this kernel has it (bubblewrap's list).
for p in sys sysrq-trigger irq bus; do
  if [ -e "$root/proc/$p" ]; then fstab="$fstab
/proc/$p /proc/$p none bind,ro,nosuid,nodev,noexec 0 0"; fi
done
printf '%s\\n' "$fstab" > "$root/dev/.kubrick-fstab"
mount -o remount,bind,ro,nosuid,noexec "$root/dev" || fail "cannot make /dev read-only"
mkdir -p "$root/tmp/kubrick-home" "$root/tmp/kubrick-tmp"
cd "$root"
pivot_root . .
umount -l .
cd /
mount -o remount,bind,ro,nosuid,nodev / || fail "cannot make the sandbox root read-only"
if [ "$lo_up" = 1 ]; then ip link set lo up || fail "cannot bring up loopback"; fi
echo "ready $host_pid"
read -r _ || true
`;

/**
 * Run per command, after entering the holder's namespaces, as PID 1 of a new PID namespace in a
 * mount namespace of its own, as root until the drop: mounts this command's /proc (hidepid where
 * the kernel has it; sys, sysrq-trigger, irq and bus read-only) and its fresh HOME and TMPDIR,
 * then runs the privilege drop and the command with the file-size and task limits, while a watcher
 * ends the command if it has more than the allowed number of processes. When the command is done,
 * everything it left is killed, a full /tmp or /dev/shm is emptied, and the limits it hit are
 * reported on a last stderr line: \\037kubrick-sandbox-limits <names>.
 *
 * $1 command uid, $2 gid, $3 working directory, $4 process limit, $5 file-size limit in 512-byte
 * blocks, $6 task limit, then the drop prefix and argv.
 */
export const COMMAND_SCRIPT = `set -u
cmd_path=\${PATH-}
PATH=/usr/sbin:/usr/bin:/sbin:/bin
uid=$1 gid=$2 workdir=$3 max_procs=$4 fsize=$5 tasks=$6
shift 6
fail() { echo "kubrick sandbox: $*" >&2; exit 125; }
mount -a -T /dev/.kubrick-fstab || fail "cannot set up the command's mounts"
cd "$workdir" || fail "cannot enter $workdir"
# The watcher counts this namespace's processes (itself, its sleep and PID 1 included) as root.
(
  while :; do
    set -- /proc/[0-9]*
    if [ "$#" -gt $((max_procs + 3)) ]; then kill -KILL -1 2>/dev/null; exit 3; fi
    sleep 0.1
  done
) &
watcher=$!
status=0
(
  ulimit -c 0
  ulimit -f "$fsize"
  hard=$(ulimit -H -u 2>/dev/null || ulimit -H -p)
  if [ "$hard" = unlimited ] || [ "$hard" -ge "$tasks" ]; then ulimit -u "$tasks" 2>/dev/null || ulimit -p "$tasks"; fi
  PATH=$cmd_path
  exec "$@"
) || status=$?
# Silently: the shell would report the watcher's SIGTERM on stderr, in the command's output.
{ kill "$watcher"; wait "$watcher"; watched=$?; } 2>/dev/null
# Nothing the command started outlives it; nothing races the clean-up below.
kill -KILL -1 2>/dev/null
limits=
[ "$watched" = 3 ] && limits="$limits processes"
# 128 + SIGXFSZ: the command itself hit the file-size limit. A program it ran hit it if a file
# stopped at exactly that size (the kernel cuts the write there).
if [ "$status" = 153 ] || { [ "$status" != 0 ] &&
  find "$workdir" /tmp /dev/shm -path "$workdir/.git" -prune -o -type f -size "$((fsize * 512))c" -print -quit 2>/dev/null | grep -q .; }; then
  limits="$limits file-size"
fi
# Emptying stays on that tmpfs (-xdev): the workspace may be mounted below /tmp.
empty() { find "$1" -xdev -mindepth 1 ! -path /tmp/kubrick-home ! -path /tmp/kubrick-tmp -delete 2>/dev/null; }
if [ "$status" != 0 ]; then
  for full in $(df -Pk /tmp /tmp/kubrick-home /tmp/kubrick-tmp /dev/shm 2>/dev/null | awk 'NR > 1 && $4 < 1024 { print $6 }'); do
    case $full in
      /tmp) limits="$limits tmp"; empty /tmp ;;
      /dev/shm) limits="$limits shm"; empty /dev/shm ;;
      /tmp/kubrick-home) limits="$limits home" ;;
      /tmp/kubrick-tmp) limits="$limits tmpdir" ;;
    esac
  done
fi
if [ -n "$limits" ]; then printf '\\n\\037kubrick-sandbox-limits%s\\n' "$limits" >&2; fi
exit "$status"
`;

export const SANDBOX_HOME = '/tmp/kubrick-home';
export const SANDBOX_TMPDIR = '/tmp/kubrick-tmp';
/** The first byte of the line COMMAND_SCRIPT ends stderr with when the command hit a limit. */
export const LIMITS_LINE = '\x1fkubrick-sandbox-limits';
