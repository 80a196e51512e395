# Shared by the QEMU lab's scripts (lab/vm-*; sourced, never run): two Debian guests under QEMU
# software emulation (no KVM needed) whose kernel has DRBD in-tree, which this machine's kernel
# lacks. Each guest has three networks, as in the reference DHCP cluster:
#   eth0  management: QEMU user networking (restrict=on), SSH forwarded from 127.0.0.1:SSH_BASE+N,
#         and the lab's power switch at 10.0.2.100:7000 (a guestfwd that runs lab/vm-power-switch)
#   eth1  heartbeat and replication: a QEMU socket link between the two guests only
#   eth2  client network: a tap on the host bridge br-vmlab, where the namespace vmlab-client
#         asks for DHCP leases (lab/vm-probe-dhcp); no address of its own, only the VIP later
# and an empty second disk (/dev/vdb) for DRBD. Everything else lives in lab/state/vm/; the
# host's /etc, routes and addresses are never touched (the bridge and tap have no address).

VM_LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VSTATE=$VM_LAB_DIR/state/vm
RUN=$VSTATE/run
GUESTS=(node1 node2)
# Ports on 127.0.0.1: SSH of nodeN at SSH_BASE+N, the replication link's UDP ends at LINK_BASE+N.
SSH_BASE=${VM_LAB_SSH_BASE:-22610}
LINK_BASE=${VM_LAB_LINK_BASE:-22620}
REPL_NET=192.168.77
# The client network's names on the host, and its addresses (the VIP, the DHCP range).
CLIENT_BRIDGE=br-vmlab
CLIENT_NS=vmlab-client
CLIENT_NET=10.10.101
MARK="clusterdeck-vmlab $VSTATE"
# What the guests' fence_lab talks to: QEMU turns connections to it into lab/vm-power-switch runs.
SWITCH_ADDR=10.0.2.100:7000
GUEST_MEM=${VM_LAB_MEM:-1024}
DISK_MB=${VM_LAB_DISK_MB:-256}
RELEASES=(trixie bookworm)
DEFAULT_RELEASE=trixie

die() {
    echo "vm-lab: $*" >&2
    exit 1
}

say() {
    echo "vm-lab: $*" >&2
}

. "$VM_LAB_DIR/packages.sh"

need_root() {
    [[ $(id -u) == 0 ]] || die "must run as root (debootstrap, the image build and the client bridge need it); try: sudo $0 $*"
}

check_release() {
    local r
    for r in "${RELEASES[@]}"; do [[ $1 == "$r" ]] && return 0; done
    die "unknown release '$1' (releases: ${RELEASES[*]})"
}

# The release of the running lab, or the default.
running_release() {
    if [[ -r $RUN/release ]]; then cat "$RUN/release"; else echo "$DEFAULT_RELEASE"; fi
}

image_dir() { echo "$VSTATE/images/$1"; }

guest_index() {
    case $1 in
        node1) echo 1 ;;
        node2) echo 2 ;;
        *) die "unknown guest '$1' (guests: ${GUESTS[*]})" ;;
    esac
}

ssh_port() { echo $((SSH_BASE + $(guest_index "$1"))); }
repl_addr() { echo "$REPL_NET.1$(guest_index "$1")"; }
tap_name() { echo "vmlab-tap$(guest_index "$1")"; }

. "$VM_LAB_DIR/proc.sh"

# The pid of a guest's QEMU if it is still running.
qemu_pid() { recorded_pid "$RUN/$1/qemu.pid"; }

guest_on() { qemu_pid "$1" >/dev/null; }

# Waits (up to SECONDS of wall-clock time, trying again every 0.1 s) until the command succeeds.
wait_for() {
    local deadline=$((SECONDS + $1))
    shift
    while ((SECONDS < deadline)); do
        "$@" && return 0
        sleep 0.1
    done
    return 1
}

ssh_opts() {
    echo -i "$VSTATE/ssh/id_ed25519" -o UserKnownHostsFile="$VSTATE/ssh/known_hosts" \
        -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes -o BatchMode=yes \
        -o IdentitiesOnly=yes -o ConnectTimeout=5
}

# Runs a command on a guest as root over its forwarded SSH port, with the lab's key and known_hosts.
on_guest() {
    local guest=$1
    shift
    # shellcheck disable=SC2046
    ssh $(ssh_opts) -p "$(ssh_port "$guest")" root@127.0.0.1 "$@"
}

# link_alias [-n NS] DEV: the alias the lab gave a link, which tells its links from anyone else's.
link_alias() { ip "${@:1:$#-1}" -o link show dev "${@: -1}" 2>/dev/null | sed -n 's/.* alias //p' | head -1; }
link_is_ours() { [[ $(link_alias "$1") == "$MARK" ]]; }
ns_is_ours() { [[ -e /run/netns/$CLIENT_NS && $(link_alias -n "$CLIENT_NS" eth0) == "$MARK" ]]; }

# The client network: the bridge (no address) and the client namespace's veth in it.
client_net_up() {
    if ! ip link show dev "$CLIENT_BRIDGE" >/dev/null 2>&1; then
        ip link add "$CLIENT_BRIDGE" type bridge
        ip link set "$CLIENT_BRIDGE" alias "$MARK"
    fi
    link_is_ours "$CLIENT_BRIDGE" || die "$CLIENT_BRIDGE exists but is not this lab's (another checkout's QEMU lab?)"
    ip link set "$CLIENT_BRIDGE" up
    [[ -e /run/netns/$CLIENT_NS ]] || ip netns add "$CLIENT_NS"
    if ! ip -n "$CLIENT_NS" link show eth0 >/dev/null 2>&1; then
        ip link add vmlab-client type veth peer name eth0 netns "$CLIENT_NS"
        ip link set vmlab-client alias "$MARK"
        ip -n "$CLIENT_NS" link set eth0 alias "$MARK"
    fi
    ns_is_ours || die "namespace $CLIENT_NS exists but is not this lab's"
    ip link set vmlab-client master "$CLIENT_BRIDGE" up
    ip -n "$CLIENT_NS" link set lo up
    ip -n "$CLIENT_NS" link set eth0 up
}

client_net_down() {
    if ns_is_ours; then ip netns del "$CLIENT_NS"; fi
    # the namespace's end of the pair goes with it, and takes this end along a moment later
    if link_is_ours vmlab-client; then
        ip link del vmlab-client 2>/dev/null || ! ip link show dev vmlab-client >/dev/null 2>&1 ||
            die "vmlab-client cannot be removed"
    fi
    local g
    for g in "${GUESTS[@]}"; do link_is_ours "$(tap_name "$g")" && ip link del "$(tap_name "$g")"; done
    link_is_ours "$CLIENT_BRIDGE" && ip link del "$CLIENT_BRIDGE"
    return 0
}

# Starts a guest's QEMU with the disks it has in $RUN/GUEST (made by vm-up); power-on after a
# power-off keeps them, as a real machine keeps its disks.
boot() {
    local g=$1 i d=$RUN/$1 img hostname tap
    i=$(guest_index "$g")
    img=$(image_dir "$(cat "$RUN/release")")
    hostname=$(cat "$d/hostname")
    tap=$(tap_name "$g")
    guest_on "$g" && return 0
    rm -f "$d/qemu.pid" "$d/qemu.pidfile"
    if ! ip link show dev "$tap" >/dev/null 2>&1; then
        ip tuntap add dev "$tap" mode tap
        ip link set "$tap" alias "$MARK"
    fi
    ip link set "$tap" master "$CLIENT_BRIDGE" up
    local peer=$((LINK_BASE + 3 - i))
    # setsid: a guest started by the power switch (a child of the other guest's QEMU) must not
    # die with it.
    setsid qemu-system-x86_64 -name "clusterdeck-vmlab-$g" -accel tcg -m "$GUEST_MEM" -smp 1 -nodefaults \
        -display none -serial "file:$d/console.log" -monitor none -daemonize -pidfile "$d/qemu.pidfile" \
        -kernel "$img/vmlinuz" -initrd "$img/initrd.img" \
        -append "root=/dev/vda rw console=ttyS0 net.ifnames=0 lab.slot=$g lab.hostname=$hostname panic=0" \
        -drive "file=$d/root.qcow2,if=none,id=root,format=qcow2" \
        -device "virtio-blk-pci,drive=root" \
        -drive "file=$d/disk.img,if=none,id=data,format=raw,cache=writeback" \
        -device "virtio-blk-pci,drive=data,serial=lab-data-$g" \
        -drive "file=$img/repo.img,if=none,id=packages,format=raw,readonly=on" \
        -device "virtio-blk-pci,drive=packages,serial=lab-packages" \
        -netdev "user,id=mgmt,restrict=on,net=10.0.2.0/24,hostfwd=tcp:127.0.0.1:$(ssh_port "$g")-10.0.2.15:22,guestfwd=tcp:$SWITCH_ADDR-cmd:$VM_LAB_DIR/vm-power-switch $g" \
        -device "virtio-net-pci,netdev=mgmt,mac=52:54:00:dd:0$i:01" \
        -netdev "socket,id=repl,udp=127.0.0.1:$peer,localaddr=127.0.0.1:$((LINK_BASE + i))" \
        -device "virtio-net-pci,netdev=repl,mac=52:54:00:dd:0$i:02" \
        -netdev "tap,id=client,ifname=$tap,script=no,downscript=no" \
        -device "virtio-net-pci,netdev=client,mac=52:54:00:dd:0$i:03" </dev/null >>"$d/qemu.log" 2>&1 ||
        die "$g: QEMU did not start: $(tail -3 "$d/qemu.log")"
    record_pid "$(cat "$d/qemu.pidfile")" "$d/qemu.pid"
}

# Pulls the plug: QEMU dies with SIGKILL, the guest's disks stay as they were at that instant.
power_off() {
    local g=$1 pid
    pid=$(qemu_pid "$g") || return 0
    kill -KILL "$pid" 2>/dev/null || true
    wait_for 10 eval '! guest_on "$g"' || die "$g: QEMU $pid did not exit"
    rm -f "$RUN/$g/qemu.pid" "$RUN/$g/qemu.pidfile"
}

ssh_up() { on_guest "$1" true 2>/dev/null; }

# Whether the guest's boot stopped for good (its initramfs found no root disk, its kernel panicked).
boot_failed() { grep -qE '^ALERT!|Kernel panic' "$RUN/$1/console.log" 2>/dev/null; }

# Waits for the guest's sshd; dies at once when its boot failed.
wait_ssh() {
    local g=$1 deadline=$((SECONDS + $2))
    while ((SECONDS < deadline)); do
        ssh_up "$g" && return 0
        boot_failed "$g" && die "$g did not boot: $(grep -E '^ALERT!|Kernel panic' "$RUN/$g/console.log" | head -1) (see $RUN/$g/console.log)"
        guest_on "$g" || die "$g: QEMU ended (see $RUN/$g/qemu.log)"
        sleep 0.5
    done
    die "$g does not answer SSH on 127.0.0.1:$(ssh_port "$g") within $2 s; see $RUN/$g/console.log"
}
