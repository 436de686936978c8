// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "InterfacesEditor.h"

#include "AtomicFile.h"
#include "InterfacesFile.h"
#include "SystemRoot.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QSet>

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

QByteArray sha256(const QByteArray &content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
}

// The header and option lines of every stanza of `iface` in `content`, in order.
QByteArray stanzaText(const QByteArray &content, const QString &iface)
{
    const QList<Line> lines = InterfacesFile::split(content);
    QByteArray text;
    for (const InterfacesFile::Stanza &stanza : InterfacesFile::ifaceStanzas(lines)) {
        if (stanza.name != iface.toUtf8())
            continue;
        QList<int> own {stanza.header};
        own += stanza.options;
        for (int i : own) {
            text += content.mid(lines.at(i).begin, lines.at(i).end - lines.at(i).begin);
            if (!text.endsWith('\n'))
                text += '\n';
        }
    }
    return text;
}

// `content` with the first stanza of `iface` (header and options) replaced by `text`, or `text`
// appended when it has none.
QByteArray replaceFirstStanza(const QByteArray &content, const QString &iface, const QByteArray &text)
{
    const QList<Line> lines = InterfacesFile::split(content);
    for (const InterfacesFile::Stanza &stanza : InterfacesFile::ifaceStanzas(lines)) {
        if (stanza.name != iface.toUtf8())
            continue;
        QByteArray out = content.left(lines.at(stanza.header).begin) + text;
        QSet<int> dropped(stanza.options.begin(), stanza.options.end());
        for (int i = stanza.header + 1; i < lines.size(); ++i) {
            if (!dropped.contains(i))
                out += content.mid(lines.at(i).begin, lines.at(i).end - lines.at(i).begin);
        }
        return out;
    }
    QByteArray out = content;
    if (!out.isEmpty() && !out.endsWith('\n'))
        out += '\n';
    return out + text;
}

// Data lines of the comment block: each line of `data` behind "#|", and a marker when the last
// one has no line break.
void appendData(QByteArray *out, const QByteArray &data)
{
    qsizetype pos = 0;
    while (pos < data.size()) {
        const qsizetype nl = data.indexOf('\n', pos);
        const qsizetype end = nl < 0 ? data.size() : nl + 1;
        *out += "#|" + data.mid(pos, end - pos);
        if (nl < 0)
            *out += "\n#@noeol\n";
        pos = end;
    }
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

QStringList Saved::slaves() const
{
    QStringList names;
    for (const auto &[slave, text] : stanzas)
        names << slave;
    return names;
}

Saved saved(const FileEdit &edit, const QStringList &slaves)
{
    const QByteArray &a = edit.original;
    const QByteArray &b = edit.edited;
    const qsizetype shorter = qMin(a.size(), b.size());
    qsizetype prefix = 0;
    while (prefix < shorter && a.at(prefix) == b.at(prefix))
        ++prefix;
    // Whole lines read better in the comment block; the bytes are the same either way.
    while (prefix > 0 && a.at(prefix - 1) != '\n')
        --prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && a.at(a.size() - 1 - suffix) == b.at(b.size() - 1 - suffix))
        ++suffix;
    while (suffix > 0 && a.size() - suffix > 0 && a.at(a.size() - suffix - 1) != '\n')
        --suffix;

    Saved s;
    s.path = edit.path;
    s.editedHash = sha256(b);
    s.prefix = prefix;
    s.editedLength = b.size() - prefix - suffix;
    s.originalMiddle = a.mid(prefix, a.size() - prefix - suffix);
    for (const QString &slave : slaves) {
        const QByteArray text = stanzaText(a, slave);
        if (!text.isEmpty())
            s.stanzas.append({slave, text});
    }
    return s;
}

std::optional<QByteArray> original(const QByteArray &current, const Saved &saved)
{
    if (sha256(current) != saved.editedHash || saved.prefix + saved.editedLength > current.size())
        return std::nullopt;
    return current.left(saved.prefix) + saved.originalMiddle + current.mid(saved.prefix + saved.editedLength);
}

QByteArray restore(const QByteArray &current, const Saved &saved, const QStringList &slaves)
{
    bool all = true;
    for (const QString &slave : saved.slaves())
        all = all && slaves.contains(slave);
    if (all) {
        if (const auto exact = original(current, saved))
            return *exact;
    }
    // Someone changed the file since (or only some slaves leave): stanza by stanza.
    QByteArray out = current;
    for (const auto &[slave, text] : saved.stanzas) {
        if (slaves.contains(slave))
            out = replaceFirstStanza(out, slave, text);
    }
    return out;
}

Saved resaved(const std::optional<Saved> &old, const FileEdit &edit, const QStringList &slaves)
{
    const std::optional<QByteArray> base = old ? original(edit.original, *old) : edit.original;
    if (base)
        return saved({edit.path, *base, edit.edited}, slaves);
    // Changed by someone else since: from here on stanza by stanza, with what the old record kept
    // for the slaves it knew.
    Saved s = saved(edit, slaves);
    for (const auto &[slave, text] : old->stanzas) {
        if (!slaves.contains(slave))
            continue;
        bool replaced = false;
        for (auto &own : s.stanzas) {
            if (own.first == slave) {
                own.second = text;
                replaced = true;
            }
        }
        if (!replaced)
            s.stanzas.append({slave, text});
    }
    return s;
}

QByteArray savedComment(const QString &bond, const QList<Saved> &saved)
{
    if (saved.isEmpty())
        return QByteArray();
    QByteArray out = "\n# The slaves' stanzas as they were before Bond Manager made them `inet manual`; it "
                     "puts them\n# back when it deletes "
                     + bond.toUtf8() + ".\n";
    for (const Saved &s : saved) {
        out += "#@file " + s.editedHash + ' ' + QByteArray::number(s.prefix) + ' '
               + QByteArray::number(s.editedLength) + ' ' + s.path.toUtf8() + '\n';
        out += "#@middle\n";
        appendData(&out, s.originalMiddle);
        for (const auto &[slave, text] : s.stanzas) {
            out += "#@stanzas " + slave.toUtf8() + '\n';
            appendData(&out, text);
        }
    }
    return out;
}

QList<Saved> parseSavedComment(const QByteArray &content)
{
    QList<Saved> records;
    QByteArray *target = nullptr;
    qsizetype pos = 0;
    while (pos < content.size()) {
        const qsizetype nl = content.indexOf('\n', pos);
        const qsizetype end = nl < 0 ? content.size() : nl + 1;
        const QByteArray line = content.mid(pos, end - pos);
        pos = end;
        if (line.startsWith("#|") && target) {
            *target += line.mid(2);
            if (!target->endsWith('\n'))
                *target += '\n';
        } else if (line.startsWith("#@noeol") && target && target->endsWith('\n')) {
            target->chop(1);
        } else if (line.startsWith("#@file ")) {
            const QList<QByteArray> words = line.trimmed().split(' ');
            if (words.size() < 5) {
                target = nullptr;
                continue;
            }
            Saved s;
            s.editedHash = words.at(1);
            s.prefix = words.at(2).toLongLong();
            s.editedLength = words.at(3).toLongLong();
            s.path = QString::fromUtf8(words.mid(4).join(' '));
            records.append(s);
            target = nullptr;
        } else if (line.startsWith("#@middle") && !records.isEmpty()) {
            target = &records.last().originalMiddle;
        } else if (line.startsWith("#@stanzas ") && !records.isEmpty()) {
            records.last().stanzas.append({QString::fromUtf8(line.mid(10).trimmed()), QByteArray()});
            target = &records.last().stanzas.last().second;
        } else {
            target = nullptr;
        }
    }
    return records;
}

} // namespace bm::helper::InterfacesEditor
