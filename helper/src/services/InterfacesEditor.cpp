// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "InterfacesEditor.h"

#include "AtomicFile.h"
#include "InterfacesFile.h"
#include "SystemRoot.h"

#include <QFile>
#include <QHash>

namespace bm::helper::InterfacesEditor {

namespace {

using InterfacesFile::Line;

enum class Action { Keep, Drop, Rewrite };

QByteArray rewriteHeader(const QByteArray &content, const Line &line)
{
    // Keep everything up to the interface's name; the family, method and anything after it
    // (such as `inherits`) become "inet manual".
    const InterfacesFile::Word &name = line.words.at(1);
    const qsizetype from = line.words.size() > 2 ? line.words.at(2).offset : name.offset + name.text.size();
    const InterfacesFile::Word &last = line.words.last();
    const qsizetype to = last.offset + last.text.size();
    QByteArray out = content.mid(line.begin, from - line.begin);
    if (line.words.size() <= 2)
        out += ' ';
    out += "inet manual";
    out += content.mid(to, line.end - to);
    return out;
}

Edit edit(const QByteArray &content, const QString &iface, bool keepFirst, bool *manualWritten)
{
    const QByteArray name = iface.toUtf8();
    const QList<Line> lines = InterfacesFile::split(content);
    QList<Action> actions(lines.size(), Action::Keep);
    for (const InterfacesFile::Stanza &stanza : InterfacesFile::ifaceStanzas(lines)) {
        if (stanza.name != name)
            continue;
        const bool rewrite = keepFirst && !*manualWritten;
        actions[stanza.header] = rewrite ? Action::Rewrite : Action::Drop;
        if (rewrite)
            *manualWritten = true;
        for (int option : stanza.options)
            actions[option] = Action::Drop;
    }
    Edit result {content, QByteArray()};
    for (int i = 0; i < lines.size(); ++i) {
        const Line &line = lines.at(i);
        switch (actions.at(i)) {
        case Action::Keep:
            result.edited += content.mid(line.begin, line.end - line.begin);
            break;
        case Action::Rewrite:
            result.edited += rewriteHeader(content, line);
            break;
        case Action::Drop:
            break;
        }
    }
    return result;
}

} // namespace

Edit makeSlave(const QByteArray &content, const QString &iface, bool *manualWritten)
{
    return edit(content, iface, true, manualWritten);
}

Edit removeStanzas(const QByteArray &content, const QString &iface)
{
    bool unused = false;
    return edit(content, iface, false, &unused);
}

QList<FileEdit> planSlaves(const QStringList &slaves, QStringList *problems)
{
    QList<FileEdit> edits;
    // Per slave: whether a file read earlier keeps its stanza (as `inet manual`).
    QHash<QString, bool> manualWritten;
    const QStringList files = InterfacesFile::includedFiles();
    for (const QString &path : files) {
        QFile file(SystemRoot::path(path));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        FileEdit fileEdit {path, file.readAll(), QByteArray()};
        fileEdit.edited = fileEdit.original;
        for (const QString &slave : slaves) {
            bool written = manualWritten.value(slave);
            const Edit e = makeSlave(fileEdit.edited, slave, &written);
            manualWritten.insert(slave, written);
            if (!e.changed())
                continue;
            if (!AtomicFile::checkAllowed(path).isEmpty()) {
                if (problems)
                    problems->append(QStringLiteral("%1 is configured in %2, which Bond Manager does not "
                                                    "change; make it `iface %1 inet manual` there first")
                                             .arg(slave, path));
                continue;
            }
            fileEdit.edited = e.edited;
        }
        if (fileEdit.edited != fileEdit.original)
            edits.append(fileEdit);
    }
    return edits;
}

} // namespace bm::helper::InterfacesEditor
