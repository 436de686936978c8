// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A bond saved for systemd-networkd 252: our .netdev (the bond and its options), the bond's
// .network (addresses, MTU) and one .network per slave (Bond=, PrimarySlave=), all in
// /etc/systemd/network with names that mark them as Bond Manager's, and read back into a
// BondConfig so that saved and live can be compared. networkd's Reload creates a new bond from
// these files but never changes an existing one: the caller applies changes live too.
#pragma once

#include "AtomicFile.h"
#include "BondConfig.h"
#include "OptionMapping.h"

#include <optional>

namespace bm::helper::NetworkdFiles {

// Every option of the option table with its systemd.netdev [Bond] key, or why it has none.
const QList<OptionMapping> &optionMappings();

inline constexpr const char *Folder = "/etc/systemd/network";
// 10-bond-manager-bond0.netdev, 10-bond-manager-bond0.network and, per slave,
// 10-bond-manager-bond0:eth0.network (':' cannot occur in an interface name, so no bond's files
// can be mistaken for another's).
QString netdevPath(const QString &bond);
QString networkPath(const QString &bond);
QString slaveNetworkPath(const QString &bond, const QString &slave);
// Whether a file name in the folder is one of ours.
bool isOurs(const QString &fileName);

struct Output {
    QList<FileChange> files; // the bond's .netdev and .network, then one .network per slave
    QStringList unsaved;     // options (or values) networkd cannot save: live until the next boot
};
// The files for `config` (assumed valid: BondConfig::validate()).
Output generate(const BondConfig &config);

// Our files (or files in the same style) back into a config: the .netdev, the bond's .network
// (may be empty), and the .network files of its slaves (each says Bond=<bond>; others are
// ignored). Slaves come in the order given. Anything not understood goes to problems.
BondConfig parse(const QByteArray &netdev, const QByteArray &network, const QList<QByteArray> &slaveNetworks,
                 QStringList *problems = nullptr);

// --- trials (issue 15) ---
// A trial's files wait in /run/systemd/network, which a reboot empties. networkd gives /etc the
// higher priority for files of the same name and takes the first .network file that matches a
// link (in the order of the file names, wherever they are), so a trial's file is named to sort
// just before ours: 09-bond-manager-... for 10-bond-manager-...
inline constexpr const char *TrialFolder = "/run/systemd/network";
QString trialPath(const QString &path);
// The reverse: the file in /etc a trial's file stands for; and whether a path is a trial's file.
QString trialTarget(const QString &runPath);
bool isTrialFile(const QString &path);
// The trial's stand-in for a slave's file that leaves /etc only at the commit: the slave is no
// longer networkd's to enslave (the kernel has released it) until then.
QByteArray releasedSlaveNetwork(const QString &bond, const QString &slave);
// `netdev` (ours) with MACAddress= in [NetDev]: the bond keeps a carrying slave's MAC.
QByteArray withMac(const QByteArray &netdev, const QString &mac);
// The addresses, gateways and DNS of a .network file (its [Network] Address=, Gateway=, DNS=,
// Domains=, DHCP=, IPv6AcceptRA=): for carry-over, of the file that configured a carrying slave.
IpConfig networkIp(const QByteArray &network);
// The .network file networkd applied to the link with `ifindex` (its state file under
// /run/systemd/netif/links); empty when none.
QString networkFileOf(int ifindex);

// Reads our files of `bond` from the folder (under SystemRoot); empty when there is no .netdev.
std::optional<BondConfig> load(const QString &bond, QStringList *problems = nullptr);
// The same of the files a pending trial staged under TrialFolder (trialPath).
std::optional<BondConfig> loadStaged(const QString &bond, QStringList *problems = nullptr);
// The changes that remove every file of ours for `bond` (the .netdev, .network, slaves' files).
QList<FileChange> removal(const QString &bond);

} // namespace bm::helper::NetworkdFiles
