// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TrialJournal.h"

#include "SystemRoot.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace bm::helper {

QString TrialJournal::folder()
{
    return SystemRoot::path(QStringLiteral("/run/bond-manager/trials"));
}

bool TrialJournal::validId(const QString &id)
{
    if (id.isEmpty() || id.size() > 32)
        return false;
    for (QChar c : id)
        if (!(c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('z'))))
            return false;
    return true;
}

QString TrialJournal::write(const QString &id, const QJsonObject &journal)
{
    if (!validId(id))
        return QStringLiteral("The trial id %1 is not one the helper makes.").arg(id.left(40));
    if (!QDir().mkpath(folder()))
        return QStringLiteral("The folder %1 cannot be made.").arg(folder());
    // Only root reads it: it tells the host's addresses and what a trial is about to change.
    QFile::setPermissions(folder(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    // QSaveFile: a temporary file in the same folder, flushed to disk, renamed over the target.
    QSaveFile file(folder() + QLatin1Char('/') + id + QStringLiteral(".json"));
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("The journal of trial %1 cannot be written: %2.").arg(id, file.errorString());
    file.write(QJsonDocument(journal).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return QStringLiteral("The journal of trial %1 cannot be written: %2.").arg(id, file.errorString());
    return QString();
}

void TrialJournal::remove(const QString &id)
{
    if (validId(id))
        QFile::remove(folder() + QLatin1Char('/') + id + QStringLiteral(".json"));
}

QList<std::pair<QString, QJsonObject>> TrialJournal::all()
{
    QList<std::pair<QString, QJsonObject>> journals;
    const QDir dir(folder());
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString id = name.chopped(5);
        if (!validId(id))
            continue;
        QFile file(dir.filePath(name));
        QJsonObject journal;
        if (file.open(QIODevice::ReadOnly))
            journal = QJsonDocument::fromJson(file.read(1 << 20)).object();
        journals.append({id, journal});
    }
    return journals;
}

} // namespace bm::helper
