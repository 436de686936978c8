// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// "Start in the tray at login": an XDG autostart entry ($XDG_CONFIG_HOME/autostart, by default
// ~/.config/autostart) that runs this program with --tray. The entry is the setting: ticked means
// the file is there, which also shows what the user did by hand in the desktop's own settings.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace bm::gui {

class Autostart
{
    Q_DECLARE_TR_FUNCTIONS(Autostart)
public:
    static QString filePath();
    static bool isEnabled();
    // Writes the entry (atomically: a half-written one would be worse than none) or removes it.
    // False with one sentence in *error when that failed.
    static bool setEnabled(bool on, QString *error = nullptr);
    // The entry's text for a program (an absolute path).
    static QByteArray entry(const QString &program);
};

} // namespace bm::gui
