/**
 * The two small sh programs that build the sandbox. Neither has any path or argument written into
 * it: everything arrives as positional parameters, so no text from a config file or the model is
 * ever parsed as shell code.
 */

/**
 * Run once per sandbox, as root (real, via sudo, or of a new user namespace) inside new mount, IPC,
 * UTS and (unless network is allowed) network namespaces. Builds the root the commands will see,
 * pivots into it, prints `ready <pid>` and then waits on stdin: it holds the namespaces open so each
 * command only has to enter them (the expensive mounts are paid once, not per command), and it
 * exits when Kubrick closes the pipe or dies.
 *
 * $1 new-root dir, $2 owner uid, $3 owner gid, $4 1 = bring loopback up, then steps until `--`:
 *   hide DIR MODE   an empty tmpfs over DIR (the runner's HOME, RUNNER_TEMP, /tmp, /run, …)
 *   bind PATH       PATH bound back read-write at its own place (the workspace)
 *   robind PATH     PATH bound back read-only (Node, toolchains, sandbox_paths)
 */
export const TEMPLATE_SCRIPT = `set -eu
PATH=/usr/sbin:/usr/bin:/sbin:/bin
root=$1 owner_uid=$2 owner_gid=$3 lo_up=$4
shift 4
fail() { echo "kubrick sandbox: $*" >&2; exit 125; }
mount --rbind / "$root" || fail "cannot bind the root filesystem"
# Everything read-only. Flags the kernel locked on a mount (nosuid, nodev, noexec, atime) must be
# repeated or the remount is refused; a mount we cannot make read-only fails the whole setup.
while read -r mp opts; do
  case $mp in *\\\\*) mp=$(printf '%b' "$mp") ;; esac
  case $mp in "$root/proc"|"$root/proc/"*|"$root/dev"|"$root/dev/"*) continue ;; esac
  keep=
  old_ifs=$IFS; IFS=,
  for o in $opts; do case $o in rw|ro) ;; *) keep="$keep,$o" ;; esac; done
  IFS=$old_ifs
  mount -o "remount,bind,ro$keep" "$mp" || fail "cannot make $mp read-only"
done <<MOUNTS
$(awk -v r="$root" '$5 == r || index($5, r "/") == 1 { print $5, $6 }' /proc/self/mountinfo)
MOUNTS
while [ "$#" -gt 0 ]; do
  step=$1; shift
  case $step in
    --) break ;;
    hide)
      mount -t tmpfs -o "mode=$2,uid=$owner_uid,gid=$owner_gid,nosuid,nodev" kubrick "$root$1" || fail "cannot hide $1"
      shift 2 ;;
    bind|robind)
      if [ -d "$1" ]; then mkdir -p "$root$1"; else mkdir -p "$root\${1%/*}"; [ -e "$root$1" ] || : > "$root$1"; fi
      mount --bind "$1" "$root$1" || fail "cannot bind $1"
      if [ "$step" = robind ]; then mount -o remount,bind,ro "$root$1" || fail "cannot make $1 read-only"; fi
      shift ;;
    *) fail "unknown setup step $step" ;;
  esac
done
# A minimal /dev: no disks, no host /dev/shm.
mount -t tmpfs -o mode=0755,nosuid kubrick "$root/dev"
for d in null zero full random urandom tty; do : > "$root/dev/$d"; mount --bind "/dev/$d" "$root/dev/$d"; done
ln -s /proc/self/fd "$root/dev/fd"
ln -s /proc/self/fd/0 "$root/dev/stdin"
ln -s /proc/self/fd/1 "$root/dev/stdout"
ln -s /proc/self/fd/2 "$root/dev/stderr"
mkdir "$root/dev/shm"
mount -t tmpfs -o mode=1777,nosuid,nodev kubrick "$root/dev/shm"
mkdir -p "$root/tmp/kubrick-home" "$root/tmp/kubrick-tmp"
cd "$root"
pivot_root . .
umount -l .
cd /
if [ "$lo_up" = 1 ]; then ip link set lo up || fail "cannot bring up loopback"; fi
echo "ready $$"
read -r _ || true
`;

/**
 * Run per command, after entering the template's namespaces, as PID 1 of a new PID namespace with
 * a fresh /proc (from unshare --mount-proc): a fresh HOME and TMPDIR, the workspace as cwd, then
 * exec the privilege drop and the command. The command becomes PID 1, so when it exits or is
 * killed the kernel kills everything it left behind.
 *
 * $1 owner uid, $2 owner gid, $3 working directory, then the drop prefix and argv.
 */
export const COMMAND_SCRIPT = `set -eu
cmd_path=\${PATH-}
PATH=/usr/sbin:/usr/bin:/sbin:/bin
owner_uid=$1 owner_gid=$2 workdir=$3
shift 3
mount -t tmpfs -o "mode=0700,uid=$owner_uid,gid=$owner_gid,nosuid,nodev" kubrick /tmp/kubrick-home
mount -t tmpfs -o "mode=0700,uid=$owner_uid,gid=$owner_gid,nosuid,nodev" kubrick /tmp/kubrick-tmp
cd "$workdir"
PATH=$cmd_path
exec "$@"
`;

export const SANDBOX_HOME = '/tmp/kubrick-home';
export const SANDBOX_TMPDIR = '/tmp/kubrick-tmp';
