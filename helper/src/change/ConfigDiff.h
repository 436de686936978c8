// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// What it takes to bring a running bond from one BondConfig to another: the options that differ,
// the slaves to release and to add, the primary, and whether the addresses change. Every network
// service's change() starts from it (services/NetworkService.h): the runtime one hands it to
// ChangePlanner::applyDiff, the file-based ones write it and apply what their service will not.
#pragma once

#include "BondConfig.h"

#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace bm::helper {

struct ConfigDiff {
    // Options of the wanted configuration that the current one lacks or holds with another value
    // (address lists compared as sets), OptionTable names, normalised values. Options the wanted
    // configuration leaves out are left as they are.
    QVariantMap options;
    QStringList removeSlaves;       // in the current order
    QStringList addSlaves;          // in the wanted order
    std::optional<QString> primary; // set when it changes; empty clears it
    bool ipChanged = false;         // the wanted IpConfig is not the current one

    bool isEmpty() const
    {
        return options.isEmpty() && removeSlaves.isEmpty() && addSlaves.isEmpty() && !primary && !ipChanged;
    }

    static ConfigDiff between(const BondConfig &current, const BondConfig &wanted);
};

} // namespace bm::helper
