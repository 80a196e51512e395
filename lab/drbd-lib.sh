# Shared by the DRBD lab scripts (sourced, never run): two Debian guests under QEMU software
# emulation whose kernel has DRBD 8.4 in-tree, for the DRBD this machine's kernel lacks.
# Everything lives in lab/state/drbd/ and on 127.0.0.1 ports; the host's network, /etc and
# /root/.ssh are never touched.

DRBD_LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DSTATE=$DRBD_LAB_DIR/state/drbd
GUESTS=(node1 node2)
# Ports on 127.0.0.1: SSH of nodeN at SSH_BASE+N, the replication link's UDP ends at LINK_BASE+N.
SSH_BASE=${DRBD_LAB_SSH_BASE:-22610}
LINK_BASE=${DRBD_LAB_LINK_BASE:-22620}
# Replication network between the guests (QEMU socket link, not reachable from the host).
REPL_NET=192.168.77
GUEST_MEM=${DRBD_LAB_MEM:-1024}
DISK_MB=${DRBD_LAB_DISK_MB:-256}
RATE=${DRBD_LAB_RATE:-4M}

die() {
    echo "drbd-lab: $*" >&2
    exit 1
}

say() {
    echo "drbd-lab: $*" >&2
}

need_root() {
    [[ $(id -u) == 0 ]] || die "must run as root (debootstrap and the image build need it); try: sudo $0 $*"
}

guest_index() {
    case $1 in
        node1) echo 1 ;;
        node2) echo 2 ;;
        *) die "unknown guest '$1' (guests: ${GUESTS[*]})" ;;
    esac
}

ssh_port() { echo $((SSH_BASE + $(guest_index "$1"))); }
repl_addr() { echo "$REPL_NET.1$(guest_index "$1")"; }

. "$DRBD_LAB_DIR/proc.sh"

# The pid of a guest's QEMU if it is still running.
qemu_pid() { recorded_pid "$DSTATE/$1/qemu.pid"; }

guest_on() { qemu_pid "$1" >/dev/null; }

wait_for() {
    local seconds=$1 i
    shift
    for ((i = 0; i < seconds * 10; i++)); do
        "$@" && return 0
        sleep 0.1
    done
    return 1
}

# Runs a command on a guest as root over its forwarded SSH port, with the lab's key and known_hosts.
on_guest() {
    local guest=$1
    shift
    ssh -i "$DSTATE/ssh/id_ed25519" -o UserKnownHostsFile="$DSTATE/ssh/known_hosts" \
        -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes -o BatchMode=yes \
        -o IdentitiesOnly=yes -o ConnectTimeout=5 -p "$(ssh_port "$guest")" root@127.0.0.1 "$@"
}
