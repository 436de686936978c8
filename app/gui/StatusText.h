// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Words and icons for kernel states. Every status the window shows goes through here so that it is
// always an icon AND a translated word, never a colour alone.
#pragma once

#include "BondTypes.h"

#include <QCoreApplication>
#include <QIcon>
#include <QString>

#include <optional>

class QLabel;

namespace bm::gui {

enum class Health { AllUp, Degraded, Down, NoSlaves };

class StatusText
{
    Q_DECLARE_TR_FUNCTIONS(StatusText)
public:
    static QString mii(MiiStatus status);
    static QIcon miiIcon(MiiStatus status);

    static QString slaveState(std::optional<SlaveState> state);
    static QIcon slaveStateIcon(SlaveState state);
    static QIcon primaryIcon();

    static Health health(const BondInfo &bond);
    static QString health(Health health);
    static QIcon healthIcon(Health health);

    // "Active-backup (failover)": what people call it, without the kernel's spelling.
    static QString modeTitle(BondMode mode);
    // Two sentences: what the mode does and what it needs from the switches.
    static QString modeExplanation(BondMode mode);
    // "Active-backup (failover) — active-backup", or the raw option text for an unknown mode.
    static QString modeWithKernelName(const BondInfo &bond);
    // Modes with one active slave at a time: active-backup, balance-tlb, balance-alb.
    static bool hasActiveSlave(BondMode mode);

    // "MII every 100 ms, up delay 200 ms", "ARP every 1000 ms to 192.0.2.1, 192.0.2.2", "none".
    static QString monitoring(const BondInfo &bond);
    // "1 Gb/s full duplex", "100 Mb/s half duplex", "speed unknown".
    static QString speed(const SlaveInfo &slave);

    // The network service's name as people know it: "NetworkManager", "systemd-networkd", ...
    static QString serviceName(const QString &backend);
    // "Saved in NetworkManager", "Saved in /etc/...", "Not saved: gone after a reboot"; empty when
    // the helper does not say (an older one).
    static QString persistence(const BondPersistence &persistence);
    // "miimon (saved 100, running 200)".
    static QString drift(const BondDrift &drift);

    // The icon rendered once per size and scale for the whole run (icons are the ones above).
    static QPixmap pixmap(const QIcon &icon, int size, qreal dpr);
    // Shows icon (null: nothing) in label at size, without touching the label when it shows it already.
    static void showIcon(QLabel *label, const QIcon &icon, int size);
};

} // namespace bm::gui
