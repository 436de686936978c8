// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AtomicFile.h"

#include "SystemRoot.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bm::helper::AtomicFile {

namespace {

const QString InterfacesFile = QStringLiteral("/etc/network/interfaces");

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QString failure(const char *what, const QString &path, int error)
{
    return QStringLiteral("could not %1 %2: %3").arg(QLatin1String(what), path, systemError(error));
}

// Closes a descriptor when it goes out of scope.
struct Fd {
    int fd = -1;
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

bool writeAll(int fd, const QByteArray &content)
{
    const char *data = content.constData();
    qsizetype left = content.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        left -= n;
    }
    return true;
}

// The folder (real path) and file name of an allowed host path.
struct Target {
    QString folder;
    QByteArray name;
};

Target target(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return {SystemRoot::path(path.left(slash)), QFile::encodeName(path.mid(slash + 1))};
}

// Checks that `path` may be written and opens its folder into `dir`; `folderMissing` tells
// whether the folder does not exist (an error for a write, nothing to do for a removal).
QString openFolder(const QString &path, Target *t, Fd *dir, bool *folderMissing)
{
    if (const QString refused = checkAllowed(path); !refused.isEmpty())
        return refused;
    *t = target(path);
    dir->fd = ::open(QFile::encodeName(t->folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    *folderMissing = dir->fd < 0 && errno == ENOENT;
    return dir->fd < 0 ? failure("open the folder of", path, errno) : QString();
}

// Refuses to replace a symbolic link or anything but a regular file.
QString checkTarget(int dirFd, const Target &t, const QString &path, bool *exists)
{
    struct stat st {
    };
    if (::fstatat(dirFd, t.name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT) {
            *exists = false;
            return QString();
        }
        return failure("inspect", path, errno);
    }
    *exists = true;
    if (S_ISLNK(st.st_mode))
        return QStringLiteral("%1 is a symbolic link; Bond Manager does not replace it").arg(path);
    if (!S_ISREG(st.st_mode))
        return QStringLiteral("%1 is not a regular file").arg(path);
    return QString();
}

} // namespace

const QStringList &allowedFolders()
{
    static const QStringList folders {QStringLiteral("/etc/systemd/network"),
                                      QStringLiteral("/etc/network/interfaces.d"),
                                      QStringLiteral("/run/systemd/network")};
    return folders;
}

QString checkAllowed(const QString &path)
{
    if (path == InterfacesFile)
        return QString();
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const QString folder = path.left(slash);
    const QString name = path.mid(slash + 1);
    const bool clean = path.startsWith(QLatin1Char('/')) && QDir::cleanPath(path) == path;
    if (!clean || slash < 0 || !allowedFolders().contains(folder))
        return QStringLiteral("Bond Manager does not write %1: it writes only in %2 and %3")
                .arg(path, allowedFolders().join(QStringLiteral(", ")), InterfacesFile);
    // Hidden names are the temporary files' (and ifupdown's source-directory skips them).
    if (name.isEmpty() || name.startsWith(QLatin1Char('.')) || name.contains(QChar(0)))
        return QStringLiteral("'%1' is not a file name Bond Manager writes").arg(name);
    return QString();
}

QString write(const QString &path, const QByteArray &content)
{
    Target t;
    Fd dir;
    bool folderMissing = false;
    if (const QString error = openFolder(path, &t, &dir, &folderMissing); !error.isEmpty())
        return error;
    bool exists = false;
    if (const QString bad = checkTarget(dir.fd, t, path, &exists); !bad.isEmpty())
        return bad;

    QByteArray temp = QFile::encodeName(t.folder) + "/." + t.name + ".XXXXXX";
    Fd file;
    file.fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (file.fd < 0)
        return failure("create a temporary file for", path, errno);
    auto fail = [&](const char *what) {
        const int error = errno;
        ::unlink(temp.constData());
        return failure(what, path, error);
    };
    if (::fchmod(file.fd, 0644) != 0)
        return fail("set the mode of");
    if (!writeAll(file.fd, content))
        return fail("write");
    if (::fsync(file.fd) != 0)
        return fail("flush");
    const int fd = file.fd;
    file.fd = -1;
    if (::close(fd) != 0)
        return fail("write");
    const QByteArray tempName = temp.mid(temp.lastIndexOf('/') + 1);
    if (::renameat(dir.fd, tempName.constData(), dir.fd, t.name.constData()) != 0)
        return fail("replace");
    if (::fsync(dir.fd) != 0)
        return failure("flush the folder of", path, errno);
    return QString();
}

QString remove(const QString &path)
{
    Target t;
    Fd dir;
    bool folderMissing = false;
    if (const QString error = openFolder(path, &t, &dir, &folderMissing); !error.isEmpty())
        return folderMissing ? QString() : error;
    if (::unlinkat(dir.fd, t.name.constData(), 0) != 0)
        return errno == ENOENT ? QString() : failure("remove", path, errno);
    if (::fsync(dir.fd) != 0)
        return failure("flush the folder of", path, errno);
    return QString();
}

QString apply(const FileChange &change)
{
    return change.remove ? remove(change.path) : write(change.path, change.content);
}

FileSnapshot snapshot(const QString &path, QString *error)
{
    FileSnapshot snap;
    snap.path = path;
    QFile file(SystemRoot::path(path));
    if (!file.exists())
        return snap;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("could not read %1: %2").arg(path, file.errorString());
        return snap;
    }
    snap.existed = true;
    snap.content = file.readAll();
    return snap;
}

QString restore(const FileSnapshot &snap)
{
    return snap.existed ? write(snap.path, snap.content) : remove(snap.path);
}

} // namespace bm::helper::AtomicFile
