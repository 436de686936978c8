// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "InterfaceName.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace bm::InterfaceName {

namespace {

// The kernel's isspace() (lib/ctype.c) also counts 0xa0, Latin-1's no-break space, as a space.
// That byte occurs inside UTF-8 sequences such as "à" (c3 a0), so such names are refused too.
bool kernelSpace(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xa0;
}

// At most this many characters of a refused name are echoed: a valid name has at most 15 bytes,
// and a caller may send megabytes that would otherwise come back whole in the error text.
constexpr int MaxShownChars = 16;

QString quoted(const QString &name)
{
    QString shown;
    int chars = 0;
    for (int i = 0; i < name.size(); ++i, ++chars) {
        if (chars == MaxShownChars) {
            shown += QChar(0x2026); // …
            break;
        }
        const QChar c = name.at(i);
        if (c.isHighSurrogate() && i + 1 < name.size() && name.at(i + 1).isLowSurrogate()) {
            shown += c;
            shown += name.at(++i);
        } else if (c.category() == QChar::Other_Control) {
            shown += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        } else {
            shown += c;
        }
    }
    return QLatin1Char('\'') + shown + QLatin1Char('\'');
}

} // namespace

// The reasons (context "InterfaceName") are shown by the GUI in its language as a name is typed;
// bondctl and the helper load no translation and give them in English.
QString check(const QByteArray &utf8)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString name = decoder.decode(utf8);
    if (decoder.hasError())
        return QCoreApplication::translate("InterfaceName", "interface name is not valid UTF-8");
    if (utf8.contains('\0'))
        return QCoreApplication::translate("InterfaceName", "interface name must not contain a NUL byte");
    return check(name);
}

QString check(const QString &name)
{
    if (name.isEmpty())
        return QCoreApplication::translate("InterfaceName", "interface name must not be empty");
    for (int i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c.isHighSurrogate() && i + 1 < name.size() && name.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate())
            return QCoreApplication::translate("InterfaceName", "interface name is not valid UTF-8");
    }
    const QByteArray bytes = name.toUtf8();
    if (bytes.contains('\0'))
        return QCoreApplication::translate("InterfaceName", "interface name must not contain a NUL byte");
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return QCoreApplication::translate("InterfaceName", "'.' and '..' cannot be interface names");
    for (QChar c : name) {
        if (c.category() == QChar::Other_Control && !kernelSpace(uchar(c.unicode() & 0xff)))
            return QCoreApplication::translate("InterfaceName",
                                               "interface name %1 must not contain control characters")
                    .arg(quoted(name));
    }
    for (char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '/')
            return QCoreApplication::translate("InterfaceName", "interface name %1 must not contain '/'")
                    .arg(quoted(name));
        if (c == ':')
            return QCoreApplication::translate("InterfaceName", "interface name %1 must not contain ':'")
                    .arg(quoted(name));
        // The kernel reads '%' as a pattern ("bond%d") and picks the name itself, or refuses it:
        // the interface would not carry the name asked for.
        if (c == '%')
            return QCoreApplication::translate("InterfaceName",
                                               "interface name %1 must not contain '%'; the kernel "
                                               "would choose the name itself")
                    .arg(quoted(name));
        if (c == 0xa0)
            return QCoreApplication::translate("InterfaceName",
                                               "interface name %1 contains the byte 0xa0, which the kernel "
                                               "treats as a space")
                    .arg(quoted(name));
        if (kernelSpace(c))
            return QCoreApplication::translate("InterfaceName", "interface name %1 must not contain spaces")
                    .arg(quoted(name));
    }
    if (bytes.size() > MaxBytes)
        return QCoreApplication::translate("InterfaceName",
                                           "interface name %1 is %2 bytes long; the kernel allows at most %3")
                .arg(quoted(name))
                .arg(bytes.size())
                .arg(MaxBytes);
    return QString();
}

} // namespace bm::InterfaceName
