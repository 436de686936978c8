// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A write made while a trial is open (ServiceTrial.h), as the services that keep a trial's files
// aside see it: which write, and the carry-over it brings (the trial contract,
// shared/dbus/org.bondmanager.Helper1.xml): the slave whose addresses or routes the bond takes
// over, whose saved addresses then go into the bond's saved configuration, and its MAC.
#pragma once

#include "BondConfig.h"
#include "CarryPlan.h"

#include <QJsonObject>

namespace bm::helper {

class KernelBackend;

struct TrialWrite {
    enum class Kind : quint8 { Create, Change, Remove };
    Kind kind = Kind::Create;
    BondConfig current;  // change and remove
    BondConfig wanted;   // create and change
    QString carriedFrom; // empty: nothing carried over
    QString mac;         // the carrying slave's, when the plan carries it

    QString bond() const { return kind == Kind::Remove ? current.name : wanted.name; }
    // What moves from `carriedFrom` (change/CarryPlan.h): what the write leaves unset.
    CarryPlan carry() const { return CarryPlan::leaving(wanted.ip); }
    // The bond's addresses as saved: wanted's with what the plan takes of `slave` (what the
    // service saved for the carrying slave).
    IpConfig carriedIp(const IpConfig &slave) const { return carry().ip(wanted.ip, slave); }

    // The write with its carry-over: the first slave the write enslaves that carries addresses or
    // routes (change/Carrying.h) by the kernel now, and its MAC.
    static TrialWrite of(Kind kind, const BondConfig &current, const BondConfig &wanted,
                         KernelBackend *kernel);

    // For a trial's recorded part, and back.
    QJsonObject toJson() const;
    static TrialWrite fromJson(const QJsonObject &json);
};

} // namespace bm::helper
