# Recorded processes, shared by the namespace lab (lib.sh) and the QEMU lab (vm-lib.sh); sourced.

# A process is identified by pid and start time, so a recycled pid is never mistaken for ours.
proc_start() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    # After "pid (comm) " the start time is the 20th field.
    set -- $stat
    echo "${20}"
}

# Prints the pid of a process recorded in FILE as "pid starttime" if it is still that process.
recorded_pid() {
    local file=$1 pid start
    [[ -r $file ]] || return 1
    read -r pid start <"$file" || return 1
    [[ -n $pid && -n $start ]] || return 1
    [[ $(proc_start "$pid") == "$start" ]] || return 1
    echo "$pid"
}

record_pid() {
    echo "$1 $(proc_start "$1")" >"$2"
}
