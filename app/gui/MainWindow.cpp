// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MainWindow.h"

#include "BondBackend.h"
#include "BondEvents.h"
#include "BondListModel.h"
#include "BondView.h"
#include "Coalescer.h"
#include "CreateBondWizard.h"
#include "DrillResult.h"
#include "ErrorText.h"
#include "EventCsv.h"
#include "FailoverTimeline.h"
#include "OptionsEditor.h"
#include "Settings.h"
#include "SlaveTile.h"
#include "Sparkline.h"
#include "StatusText.h"
#include "TrafficSampler.h"
#include "TrialDialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

namespace bm::gui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_sampler(new TrafficSampler(this))
    , m_list(new QListView(this))
    , m_stack(new QStackedWidget(this))
    , m_split(new QSplitter(this))
    , m_empty(new QLabel(this))
    , m_banner(new QWidget(this))
    , m_bannerIcon(new QLabel(this))
    , m_bannerText(new QLabel(this))
{
    // A few ms before the first refresh: the helper sends a failover right behind the link event
    // that caused it, and one frame showing both beats a frame for the link event that the
    // failover then has to wait for.
    m_viewRefresh = new Coalescer([this] { showSelected(); }, 8, Coalescer::FrameMs, this);
    setWindowTitle(tr("Bond Manager"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/org.bondmanager.BondManager.svg")));

    m_list->setObjectName(QStringLiteral("bondList"));
    m_list->setAccessibleName(tr("Bonds"));
    m_list->setIconSize(QSize(22, 22));
    m_list->setSpacing(2);
    m_list->setMinimumWidth(200);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setWordWrap(true);
    // Every row is the same two lines: without this, each change and paint lays out the text of
    // every row again to find its size (most of the GUI's painting in a flap storm over 64 bonds).
    m_list->setUniformItemSizes(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setObjectName(QStringLiteral("emptyMessage"));
    m_stack->addWidget(m_empty);

    m_bannerText->setWordWrap(true);
    m_bannerText->setObjectName(QStringLiteral("banner"));
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_banner->setForegroundRole(QPalette::ToolTipText);
    auto *bannerBox = new QHBoxLayout(m_banner);
    bannerBox->addWidget(m_bannerIcon);
    bannerBox->addWidget(m_bannerText, 1);
    m_banner->hide();

    m_split->setObjectName(QStringLiteral("mainSplitter"));
    m_split->addWidget(m_list);
    m_split->addWidget(m_stack);
    m_split->setStretchFactor(1, 1);
    m_split->setChildrenCollapsible(false);

    auto *central = new QWidget(this);
    auto *box = new QVBoxLayout(central);
    box->setContentsMargins(0, 0, 0, 0);
    box->addWidget(m_banner);
    box->addWidget(m_split, 1);
    setCentralWidget(central);

    connect(m_sampler, &TrafficSampler::rates, this, &MainWindow::addTraffic);
    connect(m_sampler, &TrafficSampler::trouble, this,
            [this](const QString &interface, quint64 errors, quint64 drops, const QTime &since) {
                if (SlaveTile *tile = m_view ? m_view->tile(interface) : nullptr)
                    tile->setTrafficTrouble(errors, drops, since);
            });
    m_sampler->setWindow(this);
    buildMenus();
    resize(1000, 680);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Connect to &Host…"), this, &MainWindow::connectToHost);
    file->addAction(tr("Connect to the &Lab"), this, [this] { Q_EMIT connectRequested(HelperTarget::lab()); });
    file->addAction(tr("Connect to &This Computer"), this,
                    [this] { Q_EMIT connectRequested(HelperTarget::systemBus()); });
    file->addSeparator();
    file->addAction(tr("&Export Timeline as CSV…"), this, &MainWindow::exportTimeline);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);

    QMenu *bond = menuBar()->addMenu(tr("&Bond"));
    QAction *create = bond->addAction(QIcon::fromTheme(QStringLiteral("list-add")), tr("&New Bond…"),
                                      QKeySequence::New, this, &MainWindow::newBond);
    m_bondActions << bond->addAction(tr("&Options…"), this, &MainWindow::editOptions);
    m_bondActions << bond->addAction(tr("&Add Slave…"), this, &MainWindow::addSlave);
    bond->addSeparator();
    m_bondActions << bond->addAction(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("&Delete Bond…"),
                                     this, &MainWindow::deleteBond);

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(QIcon::fromTheme(QStringLiteral("configure")), tr("&Configure Bond Manager…"),
                        QKeySequence::Preferences, this, &MainWindow::settingsRequested);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Bond Manager"), this, [this] {
        QMessageBox::about(this, tr("About Bond Manager"),
                           tr("<p><b>Bond Manager</b> %1</p><p>Shows the kernel's live state of "
                              "network bonds and changes them through a privileged helper.</p>")
                                   .arg(QApplication::applicationVersion()));
    });

    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addAction(create);
    tools->addAction(m_bondActions.at(0));
    tools->addAction(m_bondActions.at(1));
}

void MainWindow::setBackend(BondBackend *backend)
{
    if (m_backend)
        disconnect(m_backend, nullptr, this, nullptr);
    delete m_view;
    delete m_model;
    delete m_log;
    m_backend = backend;
    m_log = new EventLog(backend, this);
    m_model = new BondListModel(backend, this);
    m_list->setModel(m_model);
    m_view = new BondView(m_log, this);
    m_view->setObjectName(QStringLiteral("bondView"));
    m_stack->addWidget(m_view);
    connect(m_view, &BondView::makePrimaryRequested, this, &MainWindow::makePrimary);
    connect(m_view, &BondView::makeActiveRequested, this, &MainWindow::makeActive);
    connect(m_view, &BondView::removeSlaveRequested, this, &MainWindow::removeSlave);
    connect(m_view, &BondView::saveRequested, this, &MainWindow::saveBond);
    connect(m_view, &BondView::restoreRequested, this, &MainWindow::restoreSaved);
    connect(m_view, &BondView::exportTimelineRequested, this, &MainWindow::exportTimeline);
    connect(m_view, &BondView::optionsRequested, this,
            [this](const QString &bond, const QVariantMap &options) {
                runChecked(tr("Changing the monitoring of %1").arg(bond), bond, QString(),
                           HelperClient::setOptionsRequest(bond, options),
                           [=](auto done) { m_backend->setOptions(bond, options, done); });
            });
    connect(m_view, &BondView::drillRequested, this, [this](const QString &bond) {
        run(tr("Testing the failover of %1").arg(bond), bond, QString(), [=](auto done) {
            m_backend->drill(bond, [=, guard = QPointer<MainWindow>(this)](const DrillReport &report,
                                                                           const ActionResult &error) {
                if (guard && !error.isError())
                    DrillResult::show(this, bond, report);
                done(error);
            });
        });
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::showSelected);

    connect(backend, &BondBackend::stateChanged, this, &MainWindow::updateBanner);
    connect(backend, &BondBackend::bondChanged, this, &MainWindow::onBondChanged);
    connect(backend, &BondBackend::failover, this, [this](const QString &bond) { onFailover(bond); });
    connect(backend, &BondBackend::bondRemoved, this, [this] { showSelected(); });
    // A trial undone without its dialog open (closed unanswered, or another client's): said too.
    connect(backend, &BondBackend::trialRolledBack, this,
            [this](const QString &, const QString &, const QStringList &restored) {
                if (!m_trialDialog)
                    statusBar()->showMessage(restored.isEmpty() ? tr("A change made as a trial was undone.")
                                                                : restored.join(QLatin1Char(' ')),
                                             10000);
            });
    connect(backend, &BondBackend::bondAdded, this, [this](const QString &name) {
        if (selectedBond().isEmpty())
            selectBond(name);
        updateBanner();
    });
    connect(backend, &BondBackend::reset, this, [this] {
        // After a full read (a reconnect, a new helper) the bond shown before stays selected.
        if (selectedBond().isEmpty() && m_model->rowCount() > 0) {
            const int row = m_model->rowOf(m_view->bondName());
            m_list->setCurrentIndex(m_model->index(row >= 0 ? row : 0));
        }
        showSelected();
        updateBanner();
    });
    // This machine's counters are in /sys; another host's (or the lab's) come from its helper,
    // asked for the bond shown only.
    if (backend->isLocal()) {
        m_sampler->setSource(m_sampler->localSource());
    } else {
        m_sampler->setSource([this, from = QPointer<BondBackend>(backend)](
                                     const QStringList &, std::function<void(const CountersByName &)> done) {
            const QString bond = selectedBond();
            if (!from || bond.isEmpty()) {
                done({});
                return;
            }
            from->counters(bond, [done = std::move(done)](const CountersByName &counters,
                                                          const ActionResult &) { done(counters); });
        });
    }
    m_sampler->setEnabled(true);
    setWindowTitle(tr("Bond Manager — %1").arg(backend->hostLabel()));
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0));
    showSelected();
    updateBanner();
}

void MainWindow::selectBond(const QString &name)
{
    const int row = m_model ? m_model->rowOf(name) : -1;
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row));
}

QString MainWindow::selectedBond() const
{
    return m_model ? m_list->currentIndex().data(BondListModel::NameRole).toString() : QString();
}

QString MainWindow::bannerText() const
{
    return m_banner->isVisible() || !m_banner->isHidden() ? m_bannerText->text() : QString();
}

void MainWindow::updateBanner()
{
    QString text;
    QIcon icon;
    const QString host = m_backend ? m_backend->hostLabel() : QString();
    const QDateTime lostAt = m_backend ? m_backend->connectionLostAt() : QDateTime();
    if (m_view)
        m_view->setStale(lostAt.isValid());
    if (!m_backend) {
        text = tr("Not connected.");
    } else if (lostAt.isValid()) {
        icon = StatusText::miiIcon(MiiStatus::Unknown);
        text = tr("Connection to %1 lost at %2: showing the last known state")
                       .arg(host, lostAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    } else if (m_backend->state() == BondBackend::State::Disconnected) {
        icon = StatusText::miiIcon(MiiStatus::Down);
        text = tr("The bond manager helper on %1 does not answer. Retrying by itself; the bonds "
                  "shown again once it is back.")
                       .arg(host);
    } else if (m_backend->state() == BondBackend::State::Connecting) {
        icon = StatusText::miiIcon(MiiStatus::GoingBack);
        text = tr("Connecting to the helper on %1…").arg(host);
    } else if (!m_backend->bondingAvailable()) {
        icon = StatusText::healthIcon(Health::Degraded);
        text = tr("The kernel on %1 has no bonding driver, so no bond can be shown or created. Load "
                  "the \"bonding\" module or connect to another host (File menu).")
                       .arg(host);
    }
    m_banner->setVisible(!text.isEmpty());
    m_bannerText->setText(text);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_bannerIcon->setPixmap(icon.isNull() ? QPixmap() : icon.pixmap(QSize(size, size), devicePixelRatioF()));
    if (m_backend && m_model && m_model->rowCount() == 0) {
        m_empty->setText(m_backend->state() == BondBackend::State::Connected && m_backend->bondingAvailable()
                                 ? tr("No bonds on %1 yet.\nUse Bond ▸ New Bond… to create one.").arg(host)
                                 : QString());
    }
}

void MainWindow::showSelected()
{
    const QString name = selectedBond();
    const BondInfo bond = m_backend && !name.isEmpty() ? m_backend->bond(name) : BondInfo();
    const bool has = !name.isEmpty() && bond.name == name;
    for (QAction *a : std::as_const(m_bondActions))
        a->setEnabled(has);
    if (!has) {
        m_stack->setCurrentWidget(m_empty);
        m_sampler->setInterfaces({});
        updateBanner();
        return;
    }
    m_view->setBond(bond);
    m_stack->setCurrentWidget(m_view);
    QStringList slaves;
    for (const SlaveInfo &s : bond.slaves)
        slaves << s.name;
    m_sampler->setInterfaces(slaves);
}

void MainWindow::onBondChanged(const QString &name)
{
    if (name == selectedBond())
        m_viewRefresh->request();
}

void MainWindow::onFailover(const QString &bond)
{
    // The one change people wait for: shown in the next frame, not after the refresh that the
    // link event just before it scheduled (the backend's state already has the new active slave).
    if (bond == selectedBond()) {
        m_viewRefresh->request();
        m_viewRefresh->flushNow();
    }
}

void MainWindow::addTraffic(const QString &interface, double rx, double tx)
{
    if (SlaveTile *tile = m_view ? m_view->tile(interface) : nullptr)
        tile->sparkline()->addSample(rx, tx);
}

void MainWindow::saveLayout(Settings &settings) const
{
    settings.setWindowGeometry(saveGeometry());
    settings.setSplitterState(m_split->saveState());
}

void MainWindow::restoreLayout(const Settings &settings)
{
    if (const QByteArray geometry = settings.windowGeometry(); !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const QByteArray state = settings.splitterState(); !state.isEmpty())
        m_split->restoreState(state);
}

void MainWindow::showError(const QString &action, const CallError &error)
{
    m_lastError = ErrorText::forAction(action, error);
    statusBar()->showMessage(tr("%1 failed.").arg(action), 10000);
    // Window-modal but not blocking: live updates keep arriving while the message is up.
    auto *box = new QMessageBox(error.kind == ClientError::NotAuthorized ? QMessageBox::Information
                                                                         : QMessageBox::Warning,
                                tr("Bond Manager"), m_lastError, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->open();
    Q_EMIT errorShown(m_lastError);
}

void MainWindow::run(const QString &action, const QString &bond, const QString &slave, const Call &call,
                     const std::function<void()> &then)
{
    if (!m_backend)
        return;
    QPointer<SlaveTile> tile = slave.isEmpty() || !m_view || m_view->bondName() != bond ? nullptr
                                                                                        : m_view->tile(slave);
    if (tile)
        tile->setBusy(true);
    statusBar()->showMessage(tr("%1…").arg(action));
    call([this, action, tile, then, guard = QPointer<MainWindow>(this)](const CallError &error) {
        if (!guard)
            return;
        if (tile)
            tile->setBusy(false);
        if (error.isError())
            return showError(action, error);
        statusBar()->showMessage(tr("%1: done.").arg(action), 5000);
        if (then)
            then();
    });
}

// The host is asked first whether the write must be a trial (it touches an interface that carries
// the host's addresses or routes). If so, what moves and why are put to the user, and the write is
// made with Try and followed by the countdown; if not, it is made plainly. A host that cannot tell
// (an older helper) gets the plain write, which says itself if it is refused.
void MainWindow::runChecked(const QString &action, const QString &bond, const QString &slave,
                            const WriteRequest &request, const Call &call, const Question &question,
                            const std::function<void()> &then)
{
    if (!m_backend)
        return;
    statusBar()->showMessage(tr("%1…").arg(action));
    // The answer is acted on only if the window still shows the host it came from.
    const QPointer<BondBackend> asked = m_backend;
    m_backend->preview(request, [=, guard = QPointer<MainWindow>(this)](const TrialPreview &preview,
                                                                        const CallError &error) {
        if (!guard || !asked || m_backend != asked)
            return;
        const bool trial = !error.isError() && preview.trialRequired;
        if (!trial && question.text.isEmpty())
            return run(action, bond, slave, call, then);
        QStringList text;
        if (!question.text.isEmpty())
            text << question.text;
        if (trial) {
            text << preview.reasons << preview.moves;
            // Never fewer than 10 seconds (Settings): no singular needed.
            text << tr("The change is made as a trial: unless you keep it within %1 seconds, it is undone "
                       "by itself, so that a change that cuts this host off does not last.")
                            .arg(m_confirmWithin);
        }
        auto *box = new QMessageBox(
                QMessageBox::Question, trial ? tr("Make This Change as a Trial?") : question.title,
                text.join(QStringLiteral("\n\n")), QMessageBox::Yes | QMessageBox::No, this);
        box->setObjectName(QStringLiteral("changeQuestion"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        if (trial)
            box->button(QMessageBox::Yes)->setText(tr("&Try the Change"));
        connect(box, &QMessageBox::finished, this, [=](int result) {
            if (!asked || m_backend != asked)
                return;
            if (result != QMessageBox::Yes) {
                statusBar()->clearMessage();
                return;
            }
            if (trial)
                runTrial(action, bond, request, then);
            else
                run(action, bond, slave, call, then);
        });
        box->open();
        Q_EMIT questionShown(box);
    });
}

void MainWindow::runTrial(const QString &action, const QString &bond, const WriteRequest &request,
                          const std::function<void()> &then)
{
    statusBar()->showMessage(tr("%1…").arg(action));
    m_backend->tryWrite(
            request, m_confirmWithin,
            [=, guard = QPointer<MainWindow>(this)](const TrialOutcome &outcome, const CallError &error) {
                if (!guard)
                    return;
                if (error.isError())
                    return showError(action, error);
                statusBar()->showMessage(tr("%1: done.").arg(action), 5000);
                // The host may have found meanwhile that no trial was needed after all.
                if (outcome.isTrial())
                    showTrial(outcome, bond, then);
                else if (then)
                    then();
            });
}

TrialDialog *MainWindow::trialDialog() const
{
    return m_trialDialog;
}

void MainWindow::showTrial(const TrialOutcome &outcome, const QString &bond, const std::function<void()> &then)
{
    auto *dialog = new TrialDialog(m_backend, outcome.id, outcome.deadline, bond, outcome.moves, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TrialDialog::settled, this, [this, then](bool kept, const QString &message) {
        m_lastTrialOutcome = message;
        statusBar()->showMessage(message.section(QLatin1Char('\n'), 0, 0), 10000);
        if (!kept) {
            auto *box = new QMessageBox(QMessageBox::Information, tr("Bond Manager"), message,
                                        QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->setObjectName(QStringLiteral("trialOutcome"));
            box->open();
        } else if (then) {
            then();
        }
        Q_EMIT trialSettled(kept, message);
    });
    m_trialDialog = dialog;
    dialog->open();
}

void MainWindow::makePrimary(const QString &bond, const QString &slave)
{
    run(tr("Making %1 the primary of %2").arg(slave, bond), bond, slave,
        [=](auto done) { m_backend->setPrimary(bond, slave, done); });
}

void MainWindow::makeActive(const QString &bond, const QString &slave)
{
    run(tr("Making %1 the active slave of %2").arg(slave, bond), bond, slave,
        [=](auto done) { m_backend->setActiveSlave(bond, slave, done); });
}

void MainWindow::removeSlave(const QString &bond, const QString &slave)
{
    runChecked(tr("Removing %1 from %2").arg(slave, bond), bond, slave,
               HelperClient::slaveRequest("RemoveSlave", bond, slave),
               [=](auto done) { m_backend->removeSlave(bond, slave, done); });
}

void MainWindow::saveBond(const QString &bond, const QString &saveWith)
{
    const QString action = saveWith.isEmpty()
                                   ? tr("Saving %1").arg(bond)
                                   //: %1 a bond, %2 a network service (NetworkManager, systemd-networkd)
                                   : tr("Saving %1 with %2").arg(bond, StatusText::serviceName(saveWith));
    run(action, bond, QString(), [=](auto done) {
        m_backend->saveBond(bond, saveWith, [done](const BondPersistence &, const CallError &e) { done(e); });
    });
}

void MainWindow::restoreSaved(const QString &bond)
{
    runChecked(tr("Restoring the saved configuration of %1").arg(bond), bond, QString(),
               HelperClient::restoreSavedRequest(bond),
               [=](auto done) { m_backend->restoreSaved(bond, done); });
}

void MainWindow::exportTimeline()
{
    if (!m_view)
        return;
    const QString name = QStringLiteral("bond-manager-events-%1.csv").arg(m_log->hostName());
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Timeline"), name,
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        exportTimelineTo(path);
}

bool MainWindow::exportTimelineTo(const QString &path)
{
    if (!m_view)
        return false;
    const QString csv = EventCsv::toCsv(m_view->timeline()->matchingEvents(), m_log->hostName());
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(csv.toUtf8()) >= 0 && file.commit()) {
        statusBar()->showMessage(tr("Timeline saved to %1.").arg(path), 5000);
        return true;
    }
    m_lastError = tr("The timeline could not be saved to %1: %2").arg(path, file.errorString());
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Bond Manager"), m_lastError, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT errorShown(m_lastError);
    return false;
}

void MainWindow::newBond()
{
    if (!m_backend)
        return;
    auto *wizard = new CreateBondWizard(m_backend, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setConfirmWithin(m_confirmWithin);
    connect(wizard, &QWizard::accepted, this, [this, wizard] { selectBond(wizard->bondName()); });
    connect(wizard, &CreateBondWizard::trialStarted, this,
            [this, wizard](const TrialOutcome &outcome) { showTrial(outcome, wizard->bondName(), {}); });
    wizard->open();
}

void MainWindow::editOptions()
{
    const QString name = selectedBond();
    if (!m_backend || name.isEmpty())
        return;
    auto *editor = new OptionsEditor(m_backend->bond(name), this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor, name] {
        const QVariantMap changes = editor->changes();
        const std::optional<IpConfig> ip = editor->ipChange();
        const auto changeAddresses = [this, name, ip] {
            if (ip)
                runChecked(tr("Changing the addresses of %1").arg(name), name, QString(),
                           HelperClient::setIpConfigRequest(name, *ip),
                           [=](auto done) { m_backend->setIpConfig(name, *ip, done); });
        };
        // One after the other: a host takes one trial at a time per interface, so the addresses
        // wait until a trial of the options is kept.
        if (!changes.isEmpty())
            runChecked(
                    tr("Changing the options of %1").arg(name), name, QString(),
                    HelperClient::setOptionsRequest(name, changes),
                    [=](auto done) { m_backend->setOptions(name, changes, done); }, {}, changeAddresses);
        else
            changeAddresses();
    });
    editor->open();
}

void MainWindow::addSlave()
{
    const QString name = selectedBond();
    if (!m_backend || name.isEmpty())
        return;
    m_backend->listCandidates([this, name, guard = QPointer<MainWindow>(this)](
                                      const QList<CandidateInfo> &list, const CallError &error) {
        if (!guard)
            return;
        if (error.isError())
            return showError(tr("Listing the interfaces"), error);
        QStringList free;
        for (const CandidateInfo &c : list) {
            if (c.master.isEmpty())
                free << (c.defaultRoute ? tr("%1 (carries the default route!)").arg(c.name) : c.name);
        }
        if (free.isEmpty()) {
            QMessageBox::information(this, tr("Add Slave"), tr("No free interface can join %1.").arg(name));
            return;
        }
        bool ok = false;
        const QString chosen = QInputDialog::getItem(
                this, tr("Add Slave"), tr("Interface to add to %1:").arg(name), free, 0, false, &ok);
        if (!ok)
            return;
        const QString slave = chosen.section(QLatin1Char(' '), 0, 0);
        runChecked(tr("Adding %1 to %2").arg(slave, name), name, QString(),
                   HelperClient::slaveRequest("AddSlave", name, slave),
                   [=](auto done) { m_backend->addSlave(name, slave, done); });
    });
}

void MainWindow::deleteBond()
{
    const QString name = selectedBond();
    if (!m_backend || name.isEmpty())
        return;
    runChecked(tr("Deleting %1").arg(name), name, QString(), HelperClient::deleteBondRequest(name),
               [=](auto done) { m_backend->deleteBond(name, done); },
               {tr("Delete Bond"),
                tr("Delete %1? Its slaves are released and its addresses are lost.").arg(name)});
}

void MainWindow::connectToHost()
{
    bool ok = false;
    const QString host = QInputDialog::getText(this, tr("Connect to Host"),
                                               tr("Host to manage, as [user@]host (reached with ssh; "
                                                  "the helper must be installed there):"),
                                               QLineEdit::Normal, m_lastHost, &ok)
                                 .trimmed();
    if (!ok || host.isEmpty())
        return;
    const QString problem = HelperConnection::checkHost(host);
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, tr("Connect to Host"), problem);
        return;
    }
    Q_EMIT connectRequested(HelperTarget::host(host));
}

} // namespace bm::gui
