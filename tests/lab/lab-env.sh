# SPDX-FileCopyrightText: 2026 Bond Manager developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the lab scripts (not executable): where the lab keeps its cached kernel and how to find it.
# shellcheck shell=bash

BM_LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BM_LAB_CACHE=${BM_LAB_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/bond-manager-lab}

lab_die() {
    echo "lab: $*" >&2
    exit 125
}

# The kernel ABI the lab boots. Pinned so that fixtures and timings are reproducible; when Debian drops
# that package from the archive (it does after each point release) setup falls back to whatever the
# linux-image-amd64 meta package depends on.
lab_pinned_kver() {
    local v
    v=$(tr -d '[:space:]' <"$BM_LAB_DIR/kernel-version")
    echo "${BM_LAB_KVER:-$v}"
}

lab_meta_kver() {
    apt-cache depends linux-image-amd64 2>/dev/null |
        sed -n 's/^ *Depends: linux-image-\([0-9].*-amd64\)$/\1/p' | head -n1
}
