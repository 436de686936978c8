# SPDX-FileCopyrightText: 2026 Bond Manager developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced inside the lab guest by suites and tools: bonds over the two-switch topology, and bounded
# waits on what /proc/net/bonding and sysfs say (never fixed sleeps).
# shellcheck shell=bash

LAB_FAULT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/fault

# wait_for SECONDS WHAT COMMAND [ARGS...]: polls COMMAND every 0.1 s until it succeeds; fails after
# SECONDS with a message naming WHAT.
wait_for() {
    local limit=$1 what=$2 start=$SECONDS
    shift 2
    until "$@"; do
        if [ $((SECONDS - start)) -ge "$limit" ]; then
            echo "timed out after ${limit}s waiting for: $what" >&2
            return 1
        fi
        sleep 0.1
    done
}

# make_bond NAME "IP-LINK-OPTIONS" SLAVE...: the bond, its slaves (down first, as the driver requires),
# then the bond up.
make_bond() {
    local name=$1 opts=$2 s
    shift 2
    modprobe bonding
    # shellcheck disable=SC2086  # the options are words for ip
    ip link add "$name" type bond $opts
    for s in "$@"; do
        ip link set "$s" down
        ip link set "$s" master "$name"
    done
    ip link set "$name" up
}

# del_bond NAME: deletes it; its former slaves are brought back up (release leaves them down).
del_bond() {
    local slaves
    slaves=$(cat "/sys/class/net/$1/bonding/slaves" 2>/dev/null || true)
    ip link del "$1"
    for s in $slaves; do ip link set "$s" up; done
}

# Every cable, ISL and uplink back in place.
restore_all() {
    local l
    for l in eth0 eth1 eth2 eth3 isl uplink; do "$LAB_FAULT" restore "$l"; done
}

proc_of() { cat "/proc/net/bonding/$1"; }
# The bond's own MII status (the first "MII Status:" line; the later ones are the slaves').
bond_mii() { awk '/^MII Status: /{print $3; exit}' "/proc/net/bonding/$1"; }
active_slave() { sed -n 's/^Currently Active Slave: //p' "/proc/net/bonding/$1"; }
# slave_field BOND SLAVE FIELD: FIELD's value in SLAVE's section, e.g. slave_field bond0 eth0 "MII Status"
slave_field() {
    awk -v s="$2" -v f="$3: " '/^Slave Interface: /{cur = ($3 == s)} cur && index($0, f) == 1 {print substr($0, length(f) + 1); exit}' \
        "/proc/net/bonding/$1"
}

is_active() { [ "$(active_slave "$1")" = "$2" ]; }
slave_mii_is() { [ "$(slave_field "$1" "$2" "MII Status")" = "$3" ]; }
bond_mii_is() { [ "$(bond_mii "$1")" = "$2" ]; }
all_slaves_up() {
    local s slaves
    read -r -a slaves <"/sys/class/net/$1/bonding/slaves"
    for s in "${slaves[@]}"; do slave_mii_is "$1" "$s" up || return 1; done
}

# ping_ok ADDRESS: one echo answered within 2 s (busybox ping: the host may have no iputils).
ping_ok() { busybox ping -c 1 -W 2 "$1" >/dev/null 2>&1; }

# start_monitor FILE: `ip -d monitor link` into FILE, returning once it is known to be listening: a
# marker change (an alias on the loopback) must have reached FILE.
start_monitor() {
    local file=$1 token
    ip -d monitor link >"$file" 2>&1 &
    LAB_MONITOR_PID=$!
    token=lab-monitor-$RANDOM$RANDOM
    # shellcheck disable=SC2317  # called through wait_for
    poke() { ip link set lo alias "$token"; grep -q "$token" "$file"; }
    wait_for 10 "ip monitor to listen" poke
}
stop_monitor() { kill "$LAB_MONITOR_PID" 2>/dev/null; wait "$LAB_MONITOR_PID" 2>/dev/null || true; }

# Suite bookkeeping: check WHAT COMMAND [ARGS...] prints PASS or FAIL and counts; end_suite exits with
# the verdict. Suites keep going after a failure so one run shows everything that is broken.
LAB_FAILS=0
check() {
    local what=$1
    shift
    if "$@"; then
        echo "PASS: $what"
    else
        echo "FAIL: $what"
        LAB_FAILS=$((LAB_FAILS + 1))
    fi
}
end_suite() {
    if [ "$LAB_FAILS" -eq 0 ]; then echo "all checks passed"; exit 0; fi
    echo "$LAB_FAILS check(s) failed"
    exit 1
}
