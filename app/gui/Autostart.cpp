// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace bm::gui {

namespace {

// The Exec key's quoting (Desktop Entry Specification, "The Exec key"): an argument with reserved
// characters goes in double quotes, with ", `, $ and \ escaped; the file format then escapes every
// backslash once more.
QString execArgument(const QString &argument)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    bool quote = false;
    for (const QChar c : argument)
        quote = quote || reserved.contains(c);
    if (!quote)
        return argument;
    QString quoted;
    for (const QChar c : argument) {
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') || c == QLatin1Char('\\'))
            quoted += QLatin1Char('\\');
        quoted += c;
    }
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QString Autostart::filePath()
{
    // GenericConfigLocation is $XDG_CONFIG_HOME when set and absolute, else ~/.config.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/autostart/org.bondmanager.BondManager.desktop");
}

bool Autostart::isEnabled()
{
    return QFileInfo::exists(filePath());
}

QByteArray Autostart::entry(const QString &program)
{
    QStringList lines {
            QStringLiteral("[Desktop Entry]"),
            QStringLiteral("Type=Application"),
            QStringLiteral("Name=Bond Manager"),
            QStringLiteral("Comment=") + tr("Watches the network bonds from the tray"),
            QStringLiteral("Exec=") + execArgument(program) + QStringLiteral(" --tray"),
            QStringLiteral("Icon=org.bondmanager.BondManager"),
            QStringLiteral("Terminal=false"),
            QStringLiteral("X-GNOME-Autostart-enabled=true"),
    };
    return lines.join(QLatin1Char('\n')).toUtf8() + '\n';
}

bool Autostart::setEnabled(bool on, QString *error)
{
    const QString path = filePath();
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!on) {
        if (QFileInfo::exists(path) && !QFile::remove(path))
            return fail(tr("Could not remove %1.").arg(path));
        return true;
    }
    if (!QDir().mkpath(QFileInfo(path).path()))
        return fail(tr("Could not create the folder %1.").arg(QFileInfo(path).path()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Could not write %1: %2").arg(path, file.errorString()));
    file.write(entry(QCoreApplication::applicationFilePath()));
    if (!file.commit())
        return fail(tr("Could not write %1: %2").arg(path, file.errorString()));
    return true;
}

} // namespace bm::gui
