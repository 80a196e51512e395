# Shared by lib.sh and vm-lib.sh (sourced, never run); uses their die and say.

# install_missing LOG PACKAGE...: installs those of the Debian packages that are not installed, with
# one line saying which; apt's own output goes to LOG and only its end is shown if it fails. Package
# scripts must not start corosync, pacemaker, dhcpd or sshd on the host.
install_missing() {
    local log=$1 missing=() p rc=0 own_policy=no
    shift
    for p in "$@"; do
        [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) == "install ok installed" ]] || missing+=("$p")
    done
    ((${#missing[@]})) || return 0
    command -v apt-get >/dev/null || die "missing packages ${missing[*]} and no apt-get (the lab needs Debian 12 or similar)"
    mkdir -p "$(dirname "$log")"
    say "installing ${missing[*]} (apt's output: $log)"
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod +x /usr/sbin/policy-rc.d
        own_policy=yes
    fi
    { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; } >"$log" 2>&1 ||
        rc=$?
    [[ $own_policy == yes ]] && rm -f /usr/sbin/policy-rc.d
    if ((rc != 0)); then
        tail -n 15 "$log" >&2
        die "package installation failed (apt-get exit $rc; all of its output: $log)"
    fi
}
