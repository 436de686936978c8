// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A bond saved for ifupdown with ifenslave (Debian 12): one file per bond in
// /etc/network/interfaces.d with its `auto` line and stanzas (`iface bond0 inet static|dhcp|manual`
// with addresses and ifenslave's bond-* keys, `iface bond0 inet6 ...` for IPv6), and the same
// stanzas read back into a BondConfig. The slaves' own stanzas are InterfacesEditor's job.
#pragma once

#include "AtomicFile.h"
#include "BondConfig.h"
#include "OptionMapping.h"

#include <optional>

namespace bm::helper::IfupdownStanzas {

// Every option of the option table with the bond-* key ifenslave 2.13 reads
// (/etc/network/if-pre-up.d/ifenslave), or why it has none.
const QList<OptionMapping> &optionMappings();

inline constexpr const char *Folder = "/etc/network/interfaces.d";
// /etc/network/interfaces.d/bond-manager-bond0
QString filePath(const QString &bond);

struct Output {
    FileChange file;
    QStringList unsaved; // options ifenslave cannot set: live until the next boot
    QString error;       // set when the bond cannot be saved for ifupdown at all
};
// The stanza file for `config` (assumed valid: BondConfig::validate()).
Output generate(const BondConfig &config);

// The stanzas of `bond` in `content` (any interfaces(5) text) back into a config; slaves come
// from bond-slaves and from other stanzas' `bond-master <bond>`. Anything not understood goes to
// problems.
BondConfig parse(const QByteArray &content, const QString &bond, QStringList *problems = nullptr);

// Reads every file ifupdown reads (under SystemRoot); empty when none has a stanza for `bond`.
// `location` is set to the file holding its first stanza.
std::optional<BondConfig> load(const QString &bond, QString *location = nullptr,
                               QStringList *problems = nullptr);

} // namespace bm::helper::IfupdownStanzas
