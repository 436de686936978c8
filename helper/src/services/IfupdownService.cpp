// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "IfupdownService.h"

#include "AtomicFile.h"
#include "ChangePlanner.h"
#include "ErrorNames.h"
#include "IfupdownStanzas.h"
#include "InterfaceName.h"
#include "InterfacesEditor.h"
#include "InterfacesFile.h"
#include "KernelBackend.h"
#include "OptionTable.h"
#include "SystemRoot.h"

#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>

#include <memory>
#include <utility>

namespace bm::helper {

namespace E = BondManager::DBus::Error;

namespace {

const QString Ifup = QStringLiteral("/sbin/ifup");
const QString Ifdown = QStringLiteral("/sbin/ifdown");
// ifenslave's hook: without it ifup brings a bond stanza up without making the bond.
const QString IfenslaveHook = QStringLiteral("/etc/network/if-pre-up.d/ifenslave");

Failure refused(const QString &text)
{
    return Failure {E::ServiceRefused, text};
}

// A name that can go on ifup's command line as one interface: no option ("-..."), no
// "iface=logical" mapping, nothing the kernel would not take.
QString checkName(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]*$"));
    if (!InterfaceName::isValid(name) || !plain.match(name).hasMatch())
        return QStringLiteral("%1 cannot be handed to ifupdown: use only letters, digits, '.', '-' and '_'")
                .arg(name);
    return QString();
}

QString checkNames(const BondConfig &config)
{
    const QStringList names = QStringList(config.slaves) << config.name;
    for (const QString &name : names) {
        if (const QString bad = checkName(name); !bad.isEmpty())
            return bad;
    }
    return QString();
}

QByteArray readFile(const QString &hostPath, bool *exists = nullptr)
{
    QFile file(SystemRoot::path(hostPath));
    const bool ok = file.open(QIODevice::ReadOnly);
    if (exists)
        *exists = ok;
    return ok ? file.readAll() : QByteArray();
}

// Interfaces named on an auto or allow-* line of any file ifupdown reads: the ones it brings up
// by itself at boot or on hotplug.
QStringList startedAtBoot()
{
    QStringList names;
    for (const QString &path : InterfacesFile::includedFiles()) {
        for (const InterfacesFile::Line &line : InterfacesFile::split(readFile(path))) {
            const QByteArray keyword = line.keyword();
            if (keyword != "auto" && !keyword.startsWith("allow-"))
                continue;
            for (int i = 1; i < line.words.size(); ++i)
                names << QString::fromUtf8(line.words.at(i).text);
        }
    }
    return names;
}

// Set when `bond` has a stanza in a file other than its own, which Bond Manager does not change.
QString configuredElsewhere(const QString &bond)
{
    QString location;
    if (IfupdownStanzas::load(bond, &location) && location != IfupdownStanzas::filePath(bond))
        return QStringLiteral("%1 is configured in %2, which Bond Manager does not change").arg(bond, location);
    return QString();
}

QStringList intersect(const QStringList &a, const QStringList &b)
{
    QStringList out;
    for (const QString &x : a) {
        if (b.contains(x))
            out << x;
    }
    return out;
}

QStringList minus(const QStringList &a, const QStringList &b)
{
    QStringList out;
    for (const QString &x : a) {
        if (!b.contains(x))
            out << x;
    }
    return out;
}

// The options ifenslave cannot set (no key, or a value it does not know): set live after ifup.
QVariantMap liveOnly(const BondConfig &config)
{
    QStringList unsaved;
    QVariantMap live = config.options;
    for (const SavedOption &o : savedOptions(IfupdownStanzas::optionMappings(), config.options,
                                             QStringLiteral("ifupdown"), &unsaved))
        live.remove(QLatin1String(o.spec->name));
    return live;
}

// The last lines of what a command said, for the error sentence.
QString lastWords(const QByteArray &output)
{
    QStringList lines = QString::fromLocal8Bit(output).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() > 6)
        lines = lines.mid(lines.size() - 6);
    return lines.join(QStringLiteral(" / ")).trimmed();
}

// The files a create of `config` writes (the bond's own first); empty, or why it cannot.
QString planCreate(const BondConfig &config, QList<FileChange> *writes)
{
    QStringList problems;
    const QList<InterfacesEditor::FileEdit> edits = InterfacesEditor::planSlaves(config.slaves, &problems);
    if (!problems.isEmpty())
        return problems.join(QLatin1Char(' '));
    QList<InterfacesEditor::Saved> saved;
    for (const InterfacesEditor::FileEdit &edit : edits) {
        saved << InterfacesEditor::saved(edit, config.slaves);
        *writes << FileChange {edit.path, edit.edited, false};
    }
    FileChange bondFile = IfupdownStanzas::generate(config).file;
    bondFile.content += InterfacesEditor::savedComment(config.name, saved);
    writes->prepend(bondFile);
    return QString();
}

// The files a change from `current` to `wanted` writes; `editSlaves` gets the slaves whose
// stanzas become `inet manual`.
QString planChange(const BondConfig &current, const BondConfig &wanted, QList<FileChange> *writes,
                   QStringList *editSlaves)
{
    const QStringList addedSlaves = minus(wanted.slaves, current.slaves);
    const QStringList removedSlaves = minus(current.slaves, wanted.slaves);
    bool adopted = true;
    const QByteArray own = readFile(IfupdownStanzas::filePath(wanted.name), &adopted);
    adopted = !adopted;
    // A bond saved nowhere yet: every slave's stanza becomes `inet manual`.
    *editSlaves = adopted ? wanted.slaves : addedSlaves;
    QStringList problems;
    const QList<InterfacesEditor::FileEdit> edits = InterfacesEditor::planSlaves(*editSlaves, &problems);
    if (!problems.isEmpty())
        return problems.join(QLatin1Char(' '));

    // Each file's content before and after; the removed slaves get their earlier stanzas back.
    QList<InterfacesEditor::Saved> records = InterfacesEditor::parseSavedComment(own);
    QMap<QString, QPair<QByteArray, QByteArray>> files;
    for (const InterfacesEditor::FileEdit &edit : edits)
        files.insert(edit.path, {edit.original, edit.edited});
    for (const InterfacesEditor::Saved &record : std::as_const(records)) {
        if (intersect(record.slaves(), removedSlaves).isEmpty())
            continue;
        if (!files.contains(record.path)) {
            const QByteArray content = readFile(record.path);
            files.insert(record.path, {content, content});
        }
        auto &file = files[record.path];
        file.second = InterfacesEditor::restore(file.second, record, removedSlaves);
    }
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        std::optional<InterfacesEditor::Saved> old;
        for (qsizetype i = 0; i < records.size(); ++i) {
            if (records.at(i).path == it.key())
                old = records.takeAt(i);
        }
        const InterfacesEditor::Saved now = InterfacesEditor::resaved(
                old, {it.key(), it.value().first, it.value().second}, wanted.slaves);
        if (!now.stanzas.isEmpty() || now.editedLength > 0 || !now.originalMiddle.isEmpty())
            records << now;
        if (it.value().first != it.value().second)
            *writes << FileChange {it.key(), it.value().second, false};
    }
    FileChange bondFile = IfupdownStanzas::generate(wanted).file;
    bondFile.content += InterfacesEditor::savedComment(wanted.name, records);
    writes->prepend(bondFile);
    return QString();
}

// The files a removal of `current` writes: its own file goes, the slaves' stanzas come back.
void planRemove(const BondConfig &current, QList<FileChange> *writes)
{
    const QString ownPath = IfupdownStanzas::filePath(current.name);
    bool exists = false;
    const QByteArray own = readFile(ownPath, &exists);
    for (const InterfacesEditor::Saved &record : InterfacesEditor::parseSavedComment(own)) {
        const QByteArray now = readFile(record.path);
        const QByteArray back = InterfacesEditor::restore(now, record, record.slaves());
        if (back != now)
            *writes << FileChange {record.path, back, false};
    }
    if (exists)
        writes->prepend(FileChange {ownPath, QByteArray(), true});
}

} // namespace

// One create, change or remove on its way through ifdown, the files, ifup and the kernel.
struct IfupdownService::Operation {
    enum Kind : quint8 { Create, Change, Remove } kind = Create;
    BondConfig current; // change and remove
    BondConfig wanted;  // create and change
    Done done;
    QList<FileSnapshot> snapshots;
    QList<FileChange> writes;
    bool filesWritten = false;
    QStringList downedSlaves; // slaves this call took down through ifdown
    QStringList addedSlaves;
    QStringList removedSlaves;
    bool bondWasUp = false; // ifupdown had the bond up before (change and remove)
    bool reup = false;      // change: down and up again
    QList<std::function<void()>> kernelUndo;

    static std::shared_ptr<Operation> make(Kind kind, const BondConfig &current, const BondConfig &wanted,
                                           Done done)
    {
        auto op = std::make_shared<Operation>();
        op->kind = kind;
        op->current = current;
        op->wanted = wanted;
        op->done = std::move(done);
        return op;
    }

    QString bond() const { return kind == Remove ? current.name : wanted.name; }

    QString takeSnapshots()
    {
        for (const FileChange &w : std::as_const(writes)) {
            QString error;
            snapshots << AtomicFile::snapshot(w.path, &error);
            if (!error.isEmpty())
                return error;
        }
        return QString();
    }

    QString writeFiles()
    {
        filesWritten = true;
        for (const FileChange &w : std::as_const(writes)) {
            if (const QString error = AtomicFile::apply(w); !error.isEmpty())
                return error;
        }
        return QString();
    }
};

IfupdownService::IfupdownService(ChangePlanner *planner, KernelBackend *kernel, QObject *parent)
    : QObject(parent)
    , m_planner(planner)
    , m_kernel(kernel)
    , m_runtime(std::make_unique<RuntimeService>(planner, kernel, [] { return QStringList(); }))
{ }

IfupdownService::~IfupdownService() = default;

QStringList IfupdownService::upInterfaces()
{
    // ifupdown 0.8 keeps "eth0=eth0" (interface=logical name) per configured interface.
    QStringList names;
    const QByteArray state = readFile(QStringLiteral("/run/network/ifstate"));
    for (const QByteArray &line : state.split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            names << QString::fromUtf8(line.left(eq));
    }
    return names;
}

std::optional<SavedBond> IfupdownService::load(const QString &bond)
{
    // A pending trial's stanza, as its commit will write it.
    for (const TrialWrite &write : std::as_const(m_trials)) {
        if (write.kind == TrialWrite::Kind::Remove || write.bond() != bond)
            continue;
        Persistence where = Persistence::file(NetworkOwner::Ifupdown, IfupdownStanzas::filePath(bond));
        where.pending = true;
        return SavedBond {carriedWanted(write), where, {}};
    }
    QString location;
    QStringList problems;
    const std::optional<BondConfig> config = IfupdownStanzas::load(bond, &location, &problems);
    if (!config)
        return std::nullopt;
    return SavedBond {*config, Persistence::file(NetworkOwner::Ifupdown, location), problems};
}

QStringList IfupdownService::unsaved(const BondConfig &config) const
{
    return IfupdownStanzas::generate(config).unsaved;
}

QString IfupdownService::whyNotInstalled() const
{
    if (!QFileInfo(SystemRoot::path(Ifup)).isExecutable()
        || !QFileInfo(SystemRoot::path(Ifdown)).isExecutable())
        return QStringLiteral("ifupdown is not installed here (%1 is missing)").arg(Ifup);
    if (!QFileInfo::exists(SystemRoot::path(IfenslaveHook)))
        return QStringLiteral(
                       "ifenslave is not installed here, so ifupdown cannot make bonds (%1 is missing)")
                .arg(IfenslaveHook);
    return QString();
}

QString IfupdownService::refusal(const BondConfig &config) const
{
    if (const QString why = whyNotInstalled(); !why.isEmpty())
        return why;
    if (const QString bad = checkNames(config); !bad.isEmpty())
        return bad;
    return IfupdownStanzas::generate(config).error;
}

bool IfupdownService::bondExists(const QString &bond) const
{
    const auto links = m_kernel->dumpLinks();
    if (!links)
        return false;
    for (const LinkInfo &l : *links) {
        if (l.name == bond)
            return true;
    }
    return false;
}

QString IfupdownService::verifyKernel(const QString &bond, const QStringList &slaves) const
{
    const auto links = m_kernel->dumpLinks();
    if (!links)
        return QStringLiteral("the kernel could not be asked whether %1 exists").arg(bond);
    const LinkInfo *master = nullptr;
    for (const LinkInfo &l : *links) {
        if (l.name == bond && l.isBond())
            master = &l;
    }
    if (!master)
        return QStringLiteral("ifup reported success but the kernel has no bond %1").arg(bond);
    QStringList missing;
    for (const QString &slave : slaves) {
        bool enslaved = false;
        for (const LinkInfo &l : *links)
            enslaved = enslaved || (l.name == slave && l.masterIndex == master->ifindex);
        if (!enslaved)
            missing << slave;
    }
    if (!missing.isEmpty())
        return QStringLiteral("ifup brought %1 up without %2").arg(bond, missing.join(QStringLiteral(", ")));
    return QString();
}

void IfupdownService::run(const QString &program, const QStringList &args, const QStringList &ifaces,
                          bool keepGoing, std::function<void(const QString &error)> then)
{
    if (ifaces.isEmpty()) {
        then(QString());
        return;
    }
    auto *process = new QProcess(this);
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/sbin:/usr/bin:/sbin:/bin"));
    process->setProcessEnvironment(env);
    process->setWorkingDirectory(QStringLiteral("/"));
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setStandardInputFile(QProcess::nullDevice());
    const QString iface = ifaces.first();
    const QString command = QFileInfo(program).fileName() + QLatin1Char(' ')
                            + (QStringList(args) << iface).join(QLatin1Char(' '));
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, &QProcess::kill);
    auto finish = [this, process, timer, program, args, ifaces, keepGoing, then, command](bool started) {
        const bool timedOut = started && !timer->isActive();
        timer->stop();
        QString error;
        if (!started) {
            error = QStringLiteral("%1 could not be started: %2").arg(command, process->errorString());
        } else if (timedOut) {
            error = QStringLiteral("%1 did not finish within %2 s").arg(command).arg(CommandTimeoutMs / 1000);
        } else if (process->exitStatus() != QProcess::NormalExit || process->exitCode() != 0) {
            const QString words = lastWords(process->readAll());
            error = QStringLiteral("%1 failed (exit status %2)%3")
                            .arg(command)
                            .arg(process->exitCode())
                            .arg(words.isEmpty() ? QString() : QStringLiteral(": ") + words);
        }
        process->deleteLater();
        if (!error.isEmpty() && !keepGoing) {
            then(error);
            return;
        }
        run(program, args, ifaces.mid(1), keepGoing,
            [then, error](const QString &later) { then(error.isEmpty() ? later : error); });
    };
    connect(process, &QProcess::finished, this, [finish] { finish(true); });
    connect(process, &QProcess::errorOccurred, this, [finish](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            finish(false);
    });
    // Fixed arguments; "--" ends the options before the (checked) interface name.
    // Under the system root, as whyNotInstalled() looks for it (only tests set one).
    process->start(SystemRoot::path(program), QStringList(args) << QStringLiteral("--") << iface);
    timer->start(CommandTimeoutMs);
}

// --- create ---------------------------------------------------------------------------------

QString IfupdownService::whyNotCreate(const BondConfig &config) const
{
    if (const QString why = refusal(config); !why.isEmpty())
        return why;
    if (bondExists(config.name))
        return QStringLiteral("%1 exists already: save it for ifupdown as a change").arg(config.name);
    QString location;
    if (IfupdownStanzas::load(config.name, &location))
        return QStringLiteral("%1 is configured for ifupdown in %2 already").arg(config.name, location);
    return QString();
}

void IfupdownService::create(const BondConfig &config, Done done)
{
    if (m_trial)
        return stage(TrialWrite::of(TrialWrite::Kind::Create, {}, config, m_kernel), std::move(done));
    if (const QString why = whyNotCreate(config); !why.isEmpty())
        return done(refused(why));

    auto op = Operation::make(Operation::Create, BondConfig(), config, std::move(done));

    if (const QString error = planCreate(config, &op->writes); !error.isEmpty())
        return op->done(refused(error));
    if (const QString error = op->takeSnapshots(); !error.isEmpty())
        return op->done(refused(error));

    // The slaves' old stanzas take them down (a DHCP client let go, addresses removed) while they
    // are still in the files.
    op->downedSlaves = intersect(config.slaves, upInterfaces());
    run(Ifdown, {}, op->downedSlaves, false, [this, op](const QString &error) {
        if (!error.isEmpty())
            return rollBack(op, error);
        createWritten(op);
    });
}

void IfupdownService::createWritten(std::shared_ptr<Operation> op)
{
    if (const QString error = op->writeFiles(); !error.isEmpty())
        return rollBack(op, error);
    // As at boot: ifenslave's hooks make the bond, set its options and enslave the slaves.
    run(Ifup, {}, {op->wanted.name}, false, [this, op](const QString &error) {
        if (!error.isEmpty())
            return rollBack(op, error);
        createUp(op);
    });
}

void IfupdownService::createUp(std::shared_ptr<Operation> op)
{
    if (const QString missing = verifyKernel(op->wanted.name, op->wanted.slaves); !missing.isEmpty())
        return rollBack(op, missing);
    const QVariantMap live = liveOnly(op->wanted);
    if (!live.isEmpty()) {
        if (const Outcome failed = m_planner->setOptions(op->wanted.name, live))
            return rollBack(op, failed->text);
    }
    op->done(std::nullopt);
}

// --- change ---------------------------------------------------------------------------------

QString IfupdownService::whyNotChange(const BondConfig &current, const BondConfig &wanted) const
{
    if (const QString why = refusal(wanted); !why.isEmpty())
        return why;
    if (const QString bad = checkNames(current); !bad.isEmpty())
        return bad;
    if (current.name != wanted.name)
        return QStringLiteral("a bond cannot be renamed (%1 to %2)").arg(current.name, wanted.name);
    return configuredElsewhere(wanted.name);
}

void IfupdownService::change(const BondConfig &current, const BondConfig &wanted, Done done)
{
    if (m_trial)
        return stage(TrialWrite::of(TrialWrite::Kind::Change, current, wanted, m_kernel), std::move(done));
    if (const QString why = whyNotChange(current, wanted); !why.isEmpty())
        return done(refused(why));

    auto op = Operation::make(Operation::Change, current, wanted, std::move(done));
    op->addedSlaves = minus(wanted.slaves, current.slaves);
    op->removedSlaves = minus(current.slaves, wanted.slaves);
    op->reup = current.ip != wanted.ip
               || (wanted.options.contains(QStringLiteral("mode"))
                   && wanted.options.value(QStringLiteral("mode"))
                              != current.options.value(QStringLiteral("mode")));

    QStringList editSlaves;
    if (const QString error = planChange(current, wanted, &op->writes, &editSlaves); !error.isEmpty())
        return op->done(refused(error));
    if (const QString error = op->takeSnapshots(); !error.isEmpty())
        return op->done(refused(error));

    op->bondWasUp = upInterfaces().contains(wanted.name);
    op->downedSlaves = intersect(editSlaves, upInterfaces());
    run(Ifdown, {}, op->downedSlaves, false, [this, op](const QString &error) {
        if (!error.isEmpty())
            return rollBack(op, error);
        if (op->reup)
            changeReup(op);
        else
            changeLive(op);
    });
}

void IfupdownService::changeLive(std::shared_ptr<Operation> op)
{
    if (const QString error = op->writeFiles(); !error.isEmpty())
        return rollBack(op, error);
    const QString bond = op->wanted.name;
    // Slaves that stay in the bond (a bond saved here for the first time) were only taken down
    // to let their old stanza go: the bond needs them running.
    for (const QString &slave : std::as_const(op->downedSlaves)) {
        if (op->current.slaves.contains(slave))
            m_kernel->setUp(slave, true);
    }
    QVariantMap changed, before;
    for (auto it = op->wanted.options.cbegin(); it != op->wanted.options.cend(); ++it) {
        if (op->current.options.value(it.key()) != it.value()) {
            changed.insert(it.key(), it.value());
            if (op->current.options.contains(it.key()))
                before.insert(it.key(), op->current.options.value(it.key()));
        }
    }
    if (!changed.isEmpty()) {
        if (const Outcome failed = m_planner->setOptions(bond, changed))
            return rollBack(op, failed->text);
        op->kernelUndo << [this, bond, before] {
            if (!before.isEmpty())
                m_planner->setOptions(bond, before);
        };
    }
    for (const QString &slave : std::as_const(op->removedSlaves)) {
        if (const Outcome failed = m_planner->removeSlave(bond, slave))
            return rollBack(op, failed->text);
        op->kernelUndo << [this, bond, slave] { m_planner->addSlave(bond, slave); };
    }
    for (const QString &slave : std::as_const(op->addedSlaves)) {
        if (const Outcome failed = m_planner->addSlave(bond, slave))
            return rollBack(op, failed->text);
        op->kernelUndo << [this, bond, slave] { m_planner->removeSlave(bond, slave); };
    }
    // Clearing a primary has no live form here: the file holds no bond-primary, which counts
    // from the next ifup.
    if (!op->wanted.primary.isEmpty() && op->wanted.primary != op->current.primary) {
        if (const Outcome failed = m_planner->setOptions(bond,
                                                         {{QStringLiteral("primary"), op->wanted.primary}}))
            return rollBack(op, failed->text);
        op->kernelUndo << [this, bond, old = op->current.primary] {
            if (!old.isEmpty())
                m_planner->setOptions(bond, {{QStringLiteral("primary"), old}});
        };
    }
    finishWithSlavesUp(op, op->removedSlaves);
}

void IfupdownService::changeReup(std::shared_ptr<Operation> op)
{
    const QString bond = op->wanted.name;
    // With the old stanza: the old addresses go; ifenslave's post-down hook deletes the bond.
    run(Ifdown, {}, op->bondWasUp ? QStringList {bond} : QStringList(), false,
        [this, op, bond](const QString &error) {
            if (!error.isEmpty())
                return rollBack(op, error);
            // Made afresh by ifup, as at boot (a bond with slaves takes no new mode).
            if (bondExists(bond)) {
                if (const Outcome failed = m_planner->deleteBond(bond))
                    return rollBack(op, failed->text);
            }
            if (const QString failed = op->writeFiles(); !failed.isEmpty())
                return rollBack(op, failed);
            run(Ifup, {}, {bond}, false, [this, op, bond](const QString &upError) {
                if (!upError.isEmpty())
                    return rollBack(op, upError);
                if (const QString missing = verifyKernel(bond, op->wanted.slaves); !missing.isEmpty())
                    return rollBack(op, missing);
                const QVariantMap live = liveOnly(op->wanted);
                if (!live.isEmpty()) {
                    if (const Outcome failed = m_planner->setOptions(bond, live))
                        return rollBack(op, failed->text);
                }
                finishWithSlavesUp(op, op->removedSlaves);
            });
        });
}

// --- remove ---------------------------------------------------------------------------------

QString IfupdownService::whyNotRemove(const BondConfig &current) const
{
    if (const QString bad = checkNames(current); !bad.isEmpty())
        return bad;
    return configuredElsewhere(current.name);
}

void IfupdownService::remove(const BondConfig &current, Done done)
{
    if (m_trial)
        return stage(TrialWrite::of(TrialWrite::Kind::Remove, current, {}, m_kernel), std::move(done));
    if (const QString why = whyNotRemove(current); !why.isEmpty())
        return done(refused(why));

    auto op = Operation::make(Operation::Remove, current, BondConfig(), std::move(done));
    planRemove(current, &op->writes);
    if (const QString error = op->takeSnapshots(); !error.isEmpty())
        return op->done(refused(error));
    op->bondWasUp = upInterfaces().contains(current.name);
    // ifenslave's post-down hook releases the slaves (taking down those ifupdown has up) and
    // deletes the bond.
    run(Ifdown, {}, op->bondWasUp ? QStringList {current.name} : QStringList(), false,
        [this, op](const QString &error) {
            if (!error.isEmpty())
                return rollBack(op, error);
            removeDown(op);
        });
}

void IfupdownService::removeDown(std::shared_ptr<Operation> op)
{
    const QString bond = op->current.name;
    if (bondExists(bond)) {
        if (const Outcome failed = m_planner->deleteBond(bond))
            return rollBack(op, failed->text);
    }
    // Slaves still up as `inet manual` go down with that stanza, before their earlier one is back.
    op->downedSlaves = intersect(op->current.slaves, upInterfaces());
    run(Ifdown, {}, op->downedSlaves, true, [this, op](const QString &error) {
        if (!error.isEmpty())
            qWarning("ifupdown: %s", qPrintable(error));
        if (const QString failed = op->writeFiles(); !failed.isEmpty())
            return rollBack(op, failed);
        finishWithSlavesUp(op, op->current.slaves);
    });
}

void IfupdownService::finishWithSlavesUp(std::shared_ptr<Operation> op, const QStringList &slaves)
{
    // The bond is done with them: one that does not come up is the host's configuration speaking,
    // not a reason to undo the bond's change.
    run(Ifup, {}, intersect(slaves, startedAtBoot()), true, [op](const QString &error) {
        if (!error.isEmpty())
            qWarning("ifupdown: %s", qPrintable(error));
        op->done(std::nullopt);
    });
}

// --- rollback -------------------------------------------------------------------------------

void IfupdownService::rollBack(std::shared_ptr<Operation> op, const QString &reason)
{
    const QString bond = op->bond();
    for (qsizetype i = op->kernelUndo.size() - 1; i >= 0; --i)
        op->kernelUndo.at(i)();
    op->kernelUndo.clear();
    auto finish = [op, reason] { op->done(refused(reason)); };
    auto afterBond = [this, op, bond, finish] {
        if (op->filesWritten) {
            for (const FileSnapshot &snapshot : std::as_const(op->snapshots)) {
                if (const QString error = AtomicFile::restore(snapshot); !error.isEmpty())
                    qWarning("ifupdown: %s", qPrintable(error));
            }
        }
        auto slavesBack = [this, op, finish] {
            run(Ifup, {}, op->downedSlaves, true, [finish](const QString &) { finish(); });
        };
        if (op->kind == Operation::Create || (op->kind == Operation::Change && !op->reup)) {
            slavesBack();
        } else if (op->bondWasUp) {
            run(Ifup, {}, {bond}, true, [slavesBack](const QString &) { slavesBack(); });
        } else {
            if (!bondExists(bond)) {
                QVariantMap options = op->current.options;
                if (!op->current.primary.isEmpty())
                    options.insert(QStringLiteral("primary"), op->current.primary);
                m_planner->createBond(bond, options, op->current.slaves);
            }
            slavesBack();
        }
    };
    // What ifup may have made of the new configuration goes first, with that configuration.
    const bool undoBond = op->kind == Operation::Create || (op->kind == Operation::Change && op->reup);
    if (!undoBond || !op->filesWritten) {
        afterBond();
        return;
    }
    const bool up = upInterfaces().contains(bond);
    run(Ifdown, {QStringLiteral("--force")}, up || bondExists(bond) ? QStringList {bond} : QStringList(),
        true, [this, bond, afterBond](const QString &) {
            if (bondExists(bond))
                m_planner->deleteBond(bond);
            afterBond();
        });
}

// --- trials ---------------------------------------------------------------------------------

namespace {

// What of `ip` the kernel can hold by itself: static addresses and gateways, the MTU. DHCP and
// DNS wait for ifupdown (the commit's files, the next ifup).
IpConfig kernelOnly(IpConfig ip)
{
    if (ip.ipv4Method != Ipv4Method::Static)
        ip.ipv4Method = Ipv4Method::Off;
    if (ip.ipv6Method != Ipv6Method::Static)
        ip.ipv6Method = Ipv6Method::Off;
    ip.dnsServers.clear();
    ip.dnsSearch.clear();
    return ip;
}

// ifupdown's dhcp method runs dhclient with this pid file for `iface`.
QString dhclientPidFile(const QString &iface)
{
    return QStringLiteral("/run/dhclient.%1.pid").arg(iface);
}

// Stops the DHCP client ifupdown runs for each of `slaves` that has one, without a release
// (`dhclient -x`), then `then`. A slave enslaved by a trial keeps the client of its old `inet
// dhcp` stanza: it would renew on the slave a lease that the bond holds now, and an ifdown of the
// slave would release it (dhclient -r) under the bond's feet.
void stopDhclients(QObject *context, QStringList slaves, int timeoutMs, std::function<void()> then)
{
    while (!slaves.isEmpty() && !QFileInfo::exists(SystemRoot::path(dhclientPidFile(slaves.first()))))
        slaves.removeFirst();
    if (slaves.isEmpty())
        return then();
    auto *process = new QProcess(context);
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/sbin:/usr/bin:/sbin:/bin"));
    process->setProcessEnvironment(env);
    process->setWorkingDirectory(QStringLiteral("/"));
    process->setStandardInputFile(QProcess::nullDevice());
    process->setStandardOutputFile(QProcess::nullDevice());
    process->setStandardErrorFile(QProcess::nullDevice());
    QTimer::singleShot(timeoutMs, process, &QProcess::kill);
    // Once: finished, or failed to start (no dhclient: then there is no client to stop either).
    auto next = std::make_shared<std::function<void()>>([=] {
        process->deleteLater();
        stopDhclients(context, slaves.mid(1), timeoutMs, then);
    });
    const auto once = [next] {
        if (const std::function<void()> f = std::exchange(*next, nullptr))
            f();
    };
    QObject::connect(process, &QProcess::finished, context, once);
    QObject::connect(process, &QProcess::errorOccurred, context, [once](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            once();
    });
    // With the interface: without one, dhclient would stop "clients" on every interface.
    process->start(
            SystemRoot::path(QStringLiteral("/sbin/dhclient")),
            {QStringLiteral("-x"), QStringLiteral("-pf"), dhclientPidFile(slaves.first()), slaves.first()});
}

// `content` (a stanza file of ours) with `hwaddress ether <mac>` in the bond's first stanza.
QByteArray withHwaddress(const QByteArray &content, const QString &bond, const QString &mac)
{
    const QByteArray header = "iface " + bond.toUtf8() + " inet";
    const qsizetype at = content.indexOf(header);
    const qsizetype end = at < 0 ? -1 : content.indexOf('\n', at);
    if (end < 0 || mac.isEmpty())
        return content;
    QByteArray out = content;
    out.insert(end + 1, "    hwaddress ether " + mac.toUtf8() + '\n');
    return out;
}

} // namespace

BondConfig IfupdownService::carriedWanted(const TrialWrite &write)
{
    BondConfig wanted = write.wanted;
    if (!write.carriedFrom.isEmpty()) {
        if (const std::optional<BondConfig> slave = IfupdownStanzas::load(write.carriedFrom))
            wanted.ip = write.carriedIp(slave->ip);
    }
    return wanted;
}

QString IfupdownService::planTrial(const TrialWrite &write, QList<FileChange> *writes) const
{
    if (write.kind == TrialWrite::Kind::Remove) {
        planRemove(write.current, writes);
        return QString();
    }
    const BondConfig wanted = carriedWanted(write);
    QStringList editSlaves;
    const QString error = write.kind == TrialWrite::Kind::Create
                                  ? planCreate(wanted, writes)
                                  : planChange(write.current, wanted, writes, &editSlaves);
    if (error.isEmpty() && !writes->isEmpty())
        (*writes)[0].content = withHwaddress(writes->at(0).content, wanted.name, write.mac);
    return error;
}

void IfupdownService::stage(const TrialWrite &write, Done done)
{
    QString why;
    switch (write.kind) {
    case TrialWrite::Kind::Create:
        why = whyNotCreate(write.wanted);
        break;
    case TrialWrite::Kind::Change:
        why = whyNotChange(write.current, write.wanted);
        break;
    case TrialWrite::Kind::Remove:
        why = whyNotRemove(write.current);
        break;
    }
    // The files are planned now too, so that a trial that could not be saved is refused before
    // anything changes.
    QList<FileChange> writes;
    if (why.isEmpty())
        why = planTrial(write, &writes);
    if (!why.isEmpty())
        return done(refused(why));

    // The part: the write, planned again at the commit. Recorded before the kernel changes.
    const QString id = m_trial->id;
    if (m_trial->record)
        m_trial->record(write.toJson());
    m_trials.insert(id, write);
    const QPointer<IfupdownService> self(this);
    Done staged = [self, id, done = std::move(done)](const Outcome &outcome) {
        if (outcome && self)
            self->m_trials.remove(id);
        done(outcome);
    };
    BondConfig current = write.current;
    current.ip = kernelOnly(current.ip);
    BondConfig wanted = write.wanted;
    wanted.ip = kernelOnly(wanted.ip);
    switch (write.kind) {
    case TrialWrite::Kind::Create:
        return m_runtime->create(wanted, std::move(staged));
    case TrialWrite::Kind::Change:
        return m_runtime->change(current, wanted, std::move(staged));
    case TrialWrite::Kind::Remove:
        return m_runtime->remove(current, std::move(staged));
    }
}

void IfupdownService::setTrial(const ServiceTrial *trial)
{
    m_trial = trial ? std::optional(*trial) : std::nullopt;
}

void IfupdownService::commitTrial(const QString &id, const QJsonObject &part, Done done)
{
    // The write as staged in this process; from the journal only when there is no other.
    const TrialWrite write = m_trials.contains(id) ? m_trials.take(id) : TrialWrite::fromJson(part);
    QList<FileChange> writes;
    if (const QString why = planTrial(write, &writes); !why.isEmpty())
        return done(refused(why));
    // All or nothing: a file that cannot be written puts back those written before it.
    QList<FileSnapshot> before;
    for (const FileChange &w : std::as_const(writes)) {
        QString error;
        before << AtomicFile::snapshot(w.path, &error);
        if (!error.isEmpty())
            return done(refused(error));
    }
    for (qsizetype i = 0; i < writes.size(); ++i) {
        if (const QString error = AtomicFile::apply(writes.at(i)); !error.isEmpty()) {
            for (qsizetype j = i; j >= 0; --j)
                AtomicFile::restore(before.at(j));
            return done(refused(error));
        }
    }
    handOver(write, std::move(done));
}

void IfupdownService::handOver(const TrialWrite &write, Done done)
{
    // The change is lasting by now: what ifup cannot do is said, not undone (the files bring it
    // all back at the next boot).
    const auto said = [done = std::move(done)](const QString &error) {
        if (!error.isEmpty())
            qWarning("bond-manager-helper: ifupdown after a confirmed trial: %s", qPrintable(error));
        done(std::nullopt);
    };
    if (write.kind == TrialWrite::Kind::Remove) {
        // The released slaves with a stanza of their own again: --force, since ifupdown still
        // counts them as up from before the bond.
        QStringList slaves;
        for (const QString &slave : write.current.slaves)
            if (IfupdownStanzas::load(slave))
                slaves << slave;
        return run(Ifup, {QStringLiteral("--force")}, slaves, true, said);
    }
    // The bond runs as the trial made it: no hooks (ifenslave's would take the enslaved slaves
    // down), and the addresses it adds are there already (--ignore-errors); ifup records the
    // bond as up and starts a DHCP client where the stanza asks for one, once the enslaved
    // slaves' clients are gone.
    stopDhclients(this, minus(write.wanted.slaves, write.current.slaves), CommandTimeoutMs,
                  [this, bond = write.bond(), said = std::move(said)] {
                      run(Ifup, {QStringLiteral("--no-scripts"), QStringLiteral("--ignore-errors")}, {bond},
                          true, said);
                  });
}

void IfupdownService::rollbackTrial(const QString &id, const QJsonObject &, Done done)
{
    m_trials.remove(id);
    done(std::nullopt);
}

} // namespace bm::helper
