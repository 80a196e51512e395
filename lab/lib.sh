# Shared by the lab scripts (sourced, never run). Everything the lab creates on the host carries
# the lab's names (br-lab, veth-*, lab-* namespaces) and, on links, the alias
# "clusterdeck-lab <state dir>": that alias is how the scripts tell their own objects from someone
# else's, including the lab of another checkout.
#
# LAB_INSTANCE=N (1..20) makes this one of several labs at once (lab/clusters, issue 16's scale
# benchmark): its names carry N (br-labN, labN-node1, vethN-node1), its state is
# state/instances/N and its subnet 10.99.N. Unset, the lab is the one it always was, name for name.
# The longest name, vethNN-client, stays within Linux's 15 characters for an interface.

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
INSTANCE=${LAB_INSTANCE:-}
if [[ -n $INSTANCE && ! $INSTANCE =~ ^([1-9]|1[0-9]|20)$ ]]; then
    echo "lab: LAB_INSTANCE must be a number from 1 to 20 (or unset), not '$INSTANCE'" >&2
    exit 1
fi
# The state of every instance lives under the default lab's; what they share on the machine
# (an empty /data that lab/up made) is marked there.
LAB_STATE=$LAB_DIR/state
STATE=$LAB_STATE${INSTANCE:+/instances/$INSTANCE}
NODES=(node1 node2)
BRIDGE=br-lab$INSTANCE
MARK="clusterdeck-lab $STATE"
CLIENT_NS=lab$INSTANCE-client
CLIENT_VETH=veth$INSTANCE-client
FENCE_AGENT=/usr/sbin/fence_lab
# Non-root users on the nodes, only in the nodes' private /etc/passwd (see lab/README.md).
SUDO_USER_NAME=deck
PASSWORD_USER=ops
PASSWORD=lab-ops-pw
USER_HOMES=/run/home
SPOOL=$STATE/spool

# The subnet (first three octets of a /24) and token are fixed when the lab comes up; afterwards
# every script reads them from state/config so they all agree.
DEFAULT_NET=10.99.${INSTANCE:-0}
NET=${LAB_NET:-$DEFAULT_NET}
TOKEN=3000
MODE=full
if [[ -r $STATE/config ]]; then
    # shellcheck source=/dev/null
    . "$STATE/config"
fi

die() {
    echo "lab$INSTANCE: $*" >&2
    exit 1
}

say() {
    echo "lab$INSTANCE: $*" >&2
}

need_root() {
    [[ $(id -u) == 0 ]] || die "must run as root (network, mount and PID namespaces need it); try: sudo $0 $*"
}

node_index() {
    case $1 in
        node1) echo 1 ;;
        node2) echo 2 ;;
        *) die "unknown node '$1' (nodes: ${NODES[*]})" ;;
    esac
}

node_addr() { echo "$NET.1$(node_index "$1")"; }
node_ns() { node_index "$1" >/dev/null; echo "lab$INSTANCE-$1"; }
# The host's end of the node's link, a port of the bridge.
node_veth() { node_index "$1" >/dev/null; echo "veth$INSTANCE-$1"; }
vip() { echo "$NET.100"; }
bridge_addr() { echo "$NET.254"; }

. "$(dirname "${BASH_SOURCE[0]}")/proc.sh"
. "$(dirname "${BASH_SOURCE[0]}")/packages.sh"

# Host pid of a node's init (PID 1 of its PID namespace), if the node is powered on.
init_pid() { recorded_pid "$STATE/$1/init.pid"; }

node_on() { init_pid "$1" >/dev/null; }

# Runs a command inside a powered-on node, in all of its namespaces.
in_node() {
    local node=$1 pid
    shift
    pid=$(init_pid "$node") || die "$node is powered off"
    nsenter -t "$pid" -m -u -n -p -i --wd=/ -- "$@"
}

# The alias of a link (`ip -o` prints it last); args: [-n NAMESPACE] DEVICE.
link_alias() {
    local out
    out=$(ip "${@:1:$#-1}" -o link show dev "${!#}" 2>/dev/null) || return 1
    [[ $out == *'    alias '* ]] && echo "${out##*    alias }"
    return 0
}

link_is_ours() { [[ $(link_alias "$1") == "$MARK" ]]; }

ns_exists() { [[ -e /run/netns/$1 ]]; }

ns_is_ours() { [[ $(link_alias -n "$1" eth0) == "$MARK" ]]; }

# Why an existing link or namespace is not ours, for messages.
whose() {
    case $1 in
        "clusterdeck-lab "*) echo "it belongs to the lab of another checkout (${1#clusterdeck-lab })" ;;
        *) echo "it is not the lab's" ;;
    esac
}

# Pids of all host processes whose PID namespace is the one of the given init.
pids_in_pidns() {
    local ns p
    ns=$(readlink "/proc/$1/ns/pid") || return 0
    for p in /proc/[0-9]*; do
        [[ $(readlink "$p/ns/pid" 2>/dev/null) == "$ns" ]] && echo "${p#/proc/}"
    done
    return 0
}

# Waits (up to SECONDS, polling every 0.1 s) until the command succeeds.
wait_for() {
    local seconds=$1 i
    shift
    for ((i = 0; i < seconds * 10; i++)); do
        "$@" && return 0
        sleep 0.1
    done
    return 1
}

no_procs_in_ns() { [[ -z $(ip netns pids "$1" 2>/dev/null) ]]; }

# Pulls the plug: the node's init dies with SIGKILL, which takes every process of its PID
# namespace with it (and so its mount namespace with the /data mount), then its link goes down
# and its addresses (including a VIP it held) go away. Its disk (state/NODE) stays.
power_off() {
    local node=$1 ns pid p
    ns=$(node_ns "$node")
    if pid=$(init_pid "$node"); then
        kill -KILL "$pid" 2>/dev/null || true
        wait_for 10 test ! -e "/proc/$pid" || say "$node: init $pid did not exit"
    fi
    rm -f "$STATE/$node/init.pid"
    if ns_exists "$ns"; then
        # Anything else still in the node's network namespace belongs to the node too.
        for p in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$p" 2>/dev/null || true; done
        wait_for 10 no_procs_in_ns "$ns" || say "$node: processes left in $ns: $(ip netns pids "$ns")"
        ip -n "$ns" addr flush dev eth0 2>/dev/null || true
        ip -n "$ns" link set eth0 down 2>/dev/null || true
    fi
    if link_is_ours "$(node_veth "$node")"; then
        ip link set "$(node_veth "$node")" down
    fi
}

# The node's network: its namespace with eth0, whose peer veth-NODE is a port of the bridge.
node_net() {
    local node=$1 ns veth
    ns=$(node_ns "$node")
    veth=$(node_veth "$node")
    ns_exists "$ns" || ip netns add "$ns"
    if ! ip -n "$ns" link show eth0 >/dev/null 2>&1; then
        # A veth left from a namespace the kernel is still tearing down goes away by itself.
        wait_for 5 eval '! ip link show dev "$veth" >/dev/null 2>&1' ||
            die "$veth exists without its peer in $ns; lab/down first"
        ip link add "$veth" type veth peer name eth0 netns "$ns"
        ip link set "$veth" alias "$MARK"
        ip -n "$ns" link set eth0 alias "$MARK"
    fi
    ip link set "$veth" master "$BRIDGE" up
    ip -n "$ns" link set lo up
    ip -n "$ns" addr flush dev eth0
    ip -n "$ns" addr add "$(node_addr "$node")/24" dev eth0
    ip -n "$ns" link set eth0 up
}

# Boots a node: its init becomes PID 1 of fresh mount, UTS, IPC and PID namespaces inside the
# node's network namespace, detached from the caller (setsid, no inherited output).
# Runs a long-lived lab process (a node, the power switch) in a new session with only stdin, stdout
# and stderr of the caller: a descriptor of `flock LOCK lab/up` must not stay open in the lab, or
# the shared lab lock would be held until lab/down instead of being released when the command ends.
detach() {
    local fd
    for fd in $(ls /proc/$BASHPID/fd); do
        ((fd > 2)) && eval "exec $fd>&-" 2>/dev/null
    done
    exec setsid "$@"
}

power_on() {
    local node=$1 ns
    ns=$(node_ns "$node")
    node_on "$node" && return 0
    node_net "$node"
    rm -f "$STATE/$node/init.pid"
    # The instance, if any, is an argument rather than only inherited, so that the node's processes
    # say which lab they belong to (ps, lab/down's check).
    (detach ip netns exec "$ns" unshare --mount --uts --ipc --pid --fork --propagation private \
        -- "$LAB_DIR/node-init" "$node" ${INSTANCE:+"$INSTANCE"}) </dev/null >>"$STATE/$node/console.log" 2>&1 &
    wait_for 10 node_on "$node" || die "$node did not boot; see $STATE/$node/console.log"
}

# One line per node: power, whether it holds the VIP and whether /data is mounted in it.
node_status() {
    local node=$1 pid vip_held=no data=no power=off
    if pid=$(init_pid "$node"); then
        power=on
        grep -qs " /data " "/proc/$pid/mounts" && data=yes
    fi
    if ns_exists "$(node_ns "$node")" &&
        [[ $(ip -n "$(node_ns "$node")" -4 -o addr show dev eth0 2>/dev/null) == *" $(vip)/"* ]]; then
        vip_held=yes
    fi
    echo "$node power=$power vip=$vip_held data=$data"
}

# lab_profile_json NAME: the lab (as lab/env prints it, for the LAB_INSTANCE in the environment) as one
# saved cluster named NAME, the way clusters.json holds it.
lab_profile_json() {
    eval "$("$LAB_DIR/env")"
    profile_json "$1" "$LAB_USER" "$LAB_SSH_KEY" "$LAB_KNOWN_HOSTS" "$LAB_ADDR_node1" "$LAB_ADDR_node2"
}

# profile_json NAME USER KEY KNOWN_HOSTS HOST...: one saved cluster, as the window's clusters.json holds it.
profile_json() {
    local name=$1 user=$2 key=$3 known=$4 hosts="" h
    shift 4
    json() { local s=${1//\\/\\\\}; printf '"%s"' "${s//\"/\\\"}"; }
    for h in "$@"; do hosts+="${hosts:+, }$(json "$h")"; done
    cat <<JSON
  {
    "name" : $(json "$name"),
    "hosts" : [ $hosts ],
    "user" : $(json "$user"),
    "identityFile" : $(json "$key"),
    "knownHosts" : $(json "$known"),
    "jumpHost" : null
  }
JSON
}

# write_lab_profile DIR: DIR/clusters.json with the lab's cluster saved as "lab", for a window
# started with -Dclusterdeck.configDir=DIR -Dclusterdeck.connect=lab (lab/run, lab/bench-memory).
write_lab_profile() {
    mkdir -p "$1"
    { echo '{ "clusters" : ['; lab_profile_json lab; echo '] }'; } >"$1/clusters.json"
}

# lab_window [--installed] NAME CLUSTERS [JVM OPTION...]: the console window on an Xvfb display of its
# own, connecting to the saved clusters named in CLUSTERS (comma-separated) of the profiles in
# $STATE/NAME/clusters.json (write_lab_profile writes the lab's as "lab"); its data and audit log in
# a temporary directory, its output in $STATE/NAME.log. For the benchmarks that watch a window
# (lab/bench-soak, lab/bench-resources, lab/bench-faults, lab/bench-clusters). The source tree's
# launcher runs a copy of the jar, so the tree may be rebuilt meanwhile; --installed runs the
# installed package's. Sets WINDOW_PID, WINDOW_ID and DISPLAY; the caller's EXIT trap calls
# lab_window_stop.
lab_window() {
    local launcher=("$(dirname "$LAB_DIR")/installer/clusterdeck") name clusters dfile
    if [[ $1 == --installed ]]; then
        launcher=(/usr/bin/clusterdeck)
        shift
    fi
    name=$1 clusters=$2
    shift 2
    [[ -r $STATE/$name/clusters.json ]] || die "no saved clusters in $STATE/$name"
    WINDOW_DIR=$(mktemp -d)
    if [[ ${launcher[0]} != /usr/bin/clusterdeck ]]; then
        local jar
        jar=$(dirname "$LAB_DIR")/target/clusterdeck.jar
        [[ -r $jar ]] || die "build first: mvn -q -o package -DskipTests"
        cp "$jar" "$WINDOW_DIR/clusterdeck.jar"
        export CLUSTERDECK_JAR=$WINDOW_DIR/clusterdeck.jar
    fi
    dfile=$(mktemp)
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$dfile" >/dev/null 2>&1 &
    WINDOW_XVFB=$!
    for _ in {1..100}; do [[ -s $dfile ]] && break; sleep 0.1; done
    export DISPLAY=:$(cat "$dfile")
    rm -f "$dfile"
    # the launcher execs java: this is the window's process
    "${launcher[@]}" -Dclusterdeck.configDir="$STATE/$name" -Dclusterdeck.connect="$clusters" \
        -Dclusterdeck.dataDir="$WINDOW_DIR/data" "$@" >"$STATE/$name.log" 2>&1 &
    WINDOW_PID=$!
    WINDOW_ID=""
    for _ in {1..1500}; do
        WINDOW_ID=$(xdotool search --name '^ClusterDeck' 2>/dev/null | head -1) && [[ -n $WINDOW_ID ]] && break
        sleep 0.02
    done
    [[ -n $WINDOW_ID ]] || die "no ClusterDeck window within 30 s (see $STATE/$name.log)"
}

# lab_window_view N: shows view N of the window (1 overview, 2 dependency graph, 3 failover timeline).
lab_window_view() {
    xdotool windowfocus --sync "$WINDOW_ID" key "ctrl+$1" 2>/dev/null || true
}

lab_window_stop() {
    # each step apart and none failing: an EXIT trap runs this under errexit, where the killed window's
    # exit status would end it before Xvfb is stopped (the soak left its Xvfb running that way)
    if [[ -n ${WINDOW_PID:-} ]]; then kill "$WINDOW_PID" 2>/dev/null || true; wait "$WINDOW_PID" 2>/dev/null || true; fi
    if [[ -n ${WINDOW_XVFB:-} ]]; then kill "$WINDOW_XVFB" 2>/dev/null || true; wait "$WINDOW_XVFB" 2>/dev/null || true; fi
    if [[ -n ${WINDOW_DIR:-} ]]; then rm -rf "$WINDOW_DIR"; fi
    WINDOW_PID="" WINDOW_XVFB="" WINDOW_DIR=""
    return 0
}

# The longest FX-thread stall (ms) a window's -Dclusterdeck.fxStallLog FILE recorded from epoch ms SINCE on.
fx_longest_since() {
    awk -v since="$2" '$1 >= since && $2 > m { m = $2 } END { print m + 0 }' "$1"
}
