// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// What the app remembers between runs, in QSettings under the organisation and application names
// that runApp() (App.cpp) sets: the window's geometry and splitter, the host shown last, which
// notifications each bond gives, whether the "kept in the tray" hint was shown, and how long a change
// made as a trial waits to be kept. Whether the app
// starts at login is not kept here: the autostart entry itself is that setting (Autostart.h).
#pragma once

#include "HelperConnection.h"

#include <QSettings>
#include <QStringList>

#include <memory>

namespace bm::gui {

class Settings
{
public:
    // The kinds of notification one can switch off per bond.
    enum class Notify { Failover, SlaveDown, SlaveUp };

    // The app's settings (QSettings' default place for the organisation and application).
    Settings();
    // A file of its own, for tests.
    explicit Settings(const QString &fileName);
    ~Settings();
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);

    // The target connected to last: this computer, the lab or a host (never a bare bus address).
    HelperTarget lastTarget() const;
    void setLastTarget(const HelperTarget &target);
    // The last host typed into Connect to Host, even after connecting elsewhere since.
    QString lastHost() const;

    // Failovers and slaves going down are announced unless switched off; slaves coming back only
    // when switched on (the app announced only the first two before these settings existed).
    bool notifies(const QString &bond, Notify kind) const;
    void setNotifies(const QString &bond, Notify kind, bool on);
    static bool notifiesByDefault(Notify kind);
    // The bonds that have a switch of their own.
    QStringList bondsWithNotifySettings() const;

    bool trayHintShown() const;
    void setTrayHintShown(bool shown);

    // Seconds a change made as a trial waits for Keep before the host undoes it: 60 unless set,
    // always within what the helper's Try takes.
    uint confirmWithin() const;
    void setConfirmWithin(uint seconds);
    static constexpr uint MinConfirmWithin = 10;
    static constexpr uint MaxConfirmWithin = 600;
    static constexpr uint DefaultConfirmWithin = 60;

    // Writes what changed to disk now (it also happens by itself, a moment later).
    void sync();
    QString fileName() const;

private:
    std::unique_ptr<QSettings> m_store;
};

} // namespace bm::gui
