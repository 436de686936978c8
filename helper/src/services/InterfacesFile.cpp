// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "InterfacesFile.h"

#include "SystemRoot.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <glob.h>

namespace bm::helper::InterfacesFile {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

QByteArray readFile(const QString &path, bool *ok)
{
    QFile file(SystemRoot::path(path));
    *ok = file.open(QIODevice::ReadOnly);
    return *ok ? file.readAll() : QByteArray();
}

// Host paths matching a shell pattern (absolute, or relative to `base`), sorted as glob(3) does.
QStringList expand(const QByteArray &pattern, const QString &base)
{
    QString path = QFile::decodeName(pattern);
    if (!path.startsWith(QLatin1Char('/')))
        path = base + QLatin1Char('/') + path;
    const QByteArray real = QFile::encodeName(SystemRoot::path(path));
    glob_t matches {};
    QStringList out;
    if (::glob(real.constData(), 0, nullptr, &matches) == 0) {
        for (size_t i = 0; i < matches.gl_pathc; ++i)
            out << SystemRoot::systemPath(QDir::cleanPath(QFile::decodeName(matches.gl_pathv[i])));
    }
    ::globfree(&matches);
    return out;
}

void collect(const QString &path, QStringList *files, int depth)
{
    if (files->contains(path) || depth > 16)
        return;
    bool ok = false;
    const QByteArray content = readFile(path, &ok);
    if (!ok)
        return;
    files->append(path);
    const QString base = path.left(path.lastIndexOf(QLatin1Char('/')));
    static const QRegularExpression runPartsName(QStringLiteral("^[a-zA-Z0-9_-]+$"));
    for (const Line &line : split(content)) {
        if (line.words.size() < 2)
            continue;
        if (line.keyword() == "source") {
            for (const QString &included : expand(line.value(), base))
                collect(included, files, depth + 1);
        } else if (line.keyword() == "source-directory") {
            for (const QString &folder : expand(line.value(), base)) {
                const QStringList names = QDir(SystemRoot::path(folder)).entryList(QDir::Files, QDir::Name);
                for (const QString &name : names) {
                    if (runPartsName.match(name).hasMatch())
                        collect(folder + QLatin1Char('/') + name, files, depth + 1);
                }
            }
        }
    }
}

} // namespace

QByteArray Line::value() const
{
    QByteArray out;
    for (int i = 1; i < words.size(); ++i) {
        if (i > 1)
            out += ' ';
        out += words.at(i).text;
    }
    return out;
}

bool Line::startsStanza() const
{
    const QByteArray k = keyword();
    return k == "iface" || k == "mapping" || k == "auto" || k.startsWith("allow-") || k == "source"
           || k == "source-directory" || k == "rename" || k == "no-auto-down" || k == "no-scripts";
}

QList<Line> split(const QByteArray &content)
{
    QList<Line> lines;
    qsizetype pos = 0;
    const qsizetype size = content.size();
    while (pos < size) {
        Line line;
        line.begin = pos;
        bool first = true;
        bool continues = true;
        while (continues && pos < size) {
            qsizetype eol = content.indexOf('\n', pos);
            const qsizetype next = eol < 0 ? size : eol + 1;
            if (eol < 0)
                eol = size;
            qsizetype last = eol; // after the last non-blank byte of this physical line
            while (last > pos && isSpace(content.at(last - 1)))
                --last;
            qsizetype start = pos;
            while (start < last && isSpace(content.at(start)))
                ++start;
            // A comment is a line of its own, whatever it ends with.
            const bool comment = first && start < last && content.at(start) == '#';
            continues = !comment && last > pos && content.at(last - 1) == '\\';
            const qsizetype wordsEnd = continues ? last - 1 : last;
            for (qsizetype i = start; !comment && i < wordsEnd;) {
                while (i < wordsEnd && isSpace(content.at(i)))
                    ++i;
                const qsizetype wordStart = i;
                while (i < wordsEnd && !isSpace(content.at(i)))
                    ++i;
                if (i > wordStart)
                    line.words.append({content.mid(wordStart, i - wordStart), wordStart});
            }
            pos = next;
            first = false;
        }
        line.end = pos;
        lines.append(line);
    }
    return lines;
}

QList<Stanza> ifaceStanzas(const QList<Line> &lines)
{
    QList<Stanza> stanzas;
    bool inIface = false;
    for (int i = 0; i < lines.size(); ++i) {
        const Line &line = lines.at(i);
        if (line.isBlankOrComment())
            continue;
        if (line.startsStanza()) {
            inIface = line.keyword() == "iface" && line.words.size() >= 2;
            if (inIface) {
                Stanza s;
                s.header = i;
                s.name = line.words.at(1).text;
                s.family = line.words.value(2).text;
                s.method = line.words.value(3).text;
                stanzas.append(s);
            }
            continue;
        }
        if (inIface)
            stanzas.last().options.append(i);
    }
    return stanzas;
}

QStringList includedFiles(const QString &start)
{
    QStringList files;
    collect(start, &files, 0);
    return files;
}

} // namespace bm::helper::InterfacesFile
