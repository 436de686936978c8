// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The main window: bonds on the left with their health, the selected bond on the right (header,
// slave tiles, timeline), a banner when the helper is away or bonding is unavailable, and the
// menus for creating bonds, editing them and connecting to another host.
#pragma once

#include "BondBackend.h"
#include "HelperClient.h"
#include "HelperConnection.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QListView;
class QMessageBox;
class QSplitter;
class QStackedWidget;

namespace bm::gui {

class BondBackend;
class BondListModel;
class BondView;
class Coalescer;
class EventLog;
class Settings;
class TrafficSampler;
class TrialDialog;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows the bonds of this backend (not owned; it must outlive the window or be replaced first).
    void setBackend(BondBackend *backend);
    BondBackend *backend() const { return m_backend; }
    EventLog *eventLog() const { return m_log; }
    BondView *bondView() const { return m_view; }
    QListView *bondList() const { return m_list; }
    BondListModel *bondModel() const { return m_model; }
    void selectBond(const QString &name);
    QString selectedBond() const;
    // The text of the banner above the bonds; empty when hidden.
    QString bannerText() const;
    // The last error told to the user, for tests and the status bar.
    QString lastError() const { return m_lastError; }
    // Feeds a rate sample to the tile of that interface, if shown.
    void addTraffic(const QString &interface, double rxBytesPerSec, double txBytesPerSec);
    // The window's geometry and the split between the bond list and the bond, kept in Settings.
    void saveLayout(Settings &settings) const;
    void restoreLayout(const Settings &settings);
    QSplitter *splitter() const { return m_split; }
    // What Connect to Host… offers first.
    void setLastHost(const QString &host) { m_lastHost = host; }
    // Seconds a change made as a trial waits for Keep before the host undoes it (Settings).
    void setConfirmWithin(uint seconds) { m_confirmWithin = seconds; }
    uint confirmWithin() const { return m_confirmWithin; }
    // The countdown of the trial started last, while it is open.
    TrialDialog *trialDialog() const;
    // The message of the trial that ended last ("The change is kept.", "… was undone …").
    QString lastTrialOutcome() const { return m_lastTrialOutcome; }

public Q_SLOTS:
    void newBond();
    void editOptions();
    void addSlave();
    void deleteBond();
    void makePrimary(const QString &bond, const QString &slave);
    void makeActive(const QString &bond, const QString &slave);
    void removeSlave(const QString &bond, const QString &slave);
    // The header's actions: save what runs (SaveBond) through a service, and "Restore saved".
    void saveBond(const QString &bond, const QString &saveWith);
    void restoreSaved(const QString &bond);
    // The events the timeline's filter lets through, as CSV (EventCsv.h); asks where to save them.
    void exportTimeline();
    // The same to `path`; false (and the reason told) when it cannot be written.
    bool exportTimelineTo(const QString &path);

Q_SIGNALS:
    // The user asked to manage another host; main() opens it and calls setBackend().
    void connectRequested(const bm::HelperTarget &target);
    // Settings ▸ Configure Bond Manager…; main() opens the dialog.
    void settingsRequested();
    void errorShown(const QString &text);
    // A question before a change that must be made as a trial (or a deletion) is up.
    void questionShown(QMessageBox *box);
    void trialSettled(bool kept, const QString &message);

private:
    void buildMenus();
    void updateBanner();
    void showSelected();
    void onBondChanged(const QString &name);
    void onFailover(const QString &bond);
    void showError(const QString &action, const CallError &error);
    void connectToHost();
    using Call = std::function<void(std::function<void(const CallError &)>)>;
    void run(const QString &action, const QString &bond, const QString &slave, const Call &call,
             const std::function<void()> &then = {});
    // Asked before the write whether or not it is a trial; empty: only a trial asks.
    struct Question {
        QString title;
        QString text;
    };
    void runChecked(const QString &action, const QString &bond, const QString &slave,
                    const WriteRequest &request, const Call &call, const Question &question = {},
                    const std::function<void()> &then = {});
    void runTrial(const QString &action, const QString &bond, const WriteRequest &request,
                  const std::function<void()> &then);
    void showTrial(const TrialOutcome &outcome, const QString &bond, const std::function<void()> &then);

    QPointer<BondBackend> m_backend;
    EventLog *m_log = nullptr;
    BondListModel *m_model = nullptr;
    TrafficSampler *m_sampler;
    QListView *m_list;
    QStackedWidget *m_stack;
    QSplitter *m_split;
    QLabel *m_empty;
    BondView *m_view = nullptr;
    // The selected bond's header and tiles, refreshed at most once a frame however many signals.
    Coalescer *m_viewRefresh;
    QWidget *m_banner;
    QLabel *m_bannerIcon;
    QLabel *m_bannerText;
    QString m_lastError;
    QString m_lastHost;
    QList<QAction *> m_bondActions;
    uint m_confirmWithin = 60;
    QPointer<TrialDialog> m_trialDialog;
    QString m_lastTrialOutcome;
};

} // namespace bm::gui
