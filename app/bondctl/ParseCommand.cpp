// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ParseCommand.h"

#include "Command.h"
#include "JsonOutput.h"
#include "ProcBondingParser.h"

#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace bondctl {

namespace {

// Reads at most limit + 1 bytes, so /dev/zero or a huge file ends quickly and the parser can
// tell that the input was too large. /proc files report size 0: read until end of file.
bool readBounded(QFile &file, qsizetype limit, QByteArray *out, QString *error)
{
    while (out->size() <= limit) {
        const QByteArray chunk = file.read(qMin<qint64>(64 * 1024, limit + 1 - out->size()));
        if (chunk.isEmpty()) {
            if (file.error() != QFileDevice::NoError) {
                *error = file.errorString();
                return false;
            }
            break;
        }
        out->append(chunk);
    }
    return true;
}

} // namespace

int runParse(const QStringList &args)
{
    if (args.size() != 1) {
        printError(QStringLiteral("usage: bondctl parse FILE (a /proc/net/bonding/<bond> file, or "
                                  "- for standard input)"));
        return ExitUsage;
    }
    const QString path = args.first();
    QFile file;
    if (path == QLatin1String("-")) {
        if (!file.open(stdin, QIODevice::ReadOnly)) {
            printError(QStringLiteral("cannot read standard input: %1").arg(file.errorString()));
            return ExitUsage;
        }
    } else {
        if (QFileInfo(path).isDir()) {
            printError(QStringLiteral("%1: is a directory, not a bonding status file").arg(path));
            return ExitUsage;
        }
        file.setFileName(path);
        if (!file.open(QIODevice::ReadOnly)) {
            printError(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
            return ExitUsage;
        }
    }
    QByteArray contents;
    QString error;
    if (!readBounded(file, bm::ProcBondingParser::MaxInputBytes, &contents, &error)) {
        printError(QStringLiteral("%1: cannot read: %2").arg(path, error));
        return ExitUsage;
    }
    const bm::ProcBondingParser::Result result = bm::ProcBondingParser::parse(contents);
    if (!result.ok()) {
        printError(QStringLiteral("%1: %2").arg(path, result.error));
        return ExitUsage;
    }
    writeJson(parseJson(result.bond));
    return ExitOk;
}

} // namespace bondctl
