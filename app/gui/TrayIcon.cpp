// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TrayIcon.h"

#include "BondBackend.h"
#include "Coalescer.h"
#include "StatusText.h"

#include <QApplication>
#include <QMenu>

namespace bm::gui {

TrayIcon::TrayIcon(BondBackend *backend, QWidget *window, QObject *parent)
    : QSystemTrayIcon(parent)
    , m_window(window)
    , m_refresh(new Coalescer([this] { refresh(); }, 100, 250, this))
{
    auto *menu = new QMenu(window);
    menu->setObjectName(QStringLiteral("trayMenu"));
    menu->addAction(tr("Show Bond Manager"), window, [this] {
        m_window->show();
        m_window->raise();
        m_window->activateWindow();
    });
    menu->addSeparator();
    menu->addAction(tr("Quit"), qApp, &QApplication::quit);
    setContextMenu(menu);
    connect(this, &QSystemTrayIcon::activated, this, [this](ActivationReason reason) {
        if (reason == Trigger)
            m_window->setVisible(!m_window->isVisible());
    });
    setBackend(backend);
}

void TrayIcon::setBackend(BondBackend *backend)
{
    if (m_backend)
        disconnect(m_backend, nullptr, this, nullptr);
    m_backend = backend;
    // Connection changes are rare and shown at once; bond changes are coalesced.
    connect(backend, &BondBackend::reset, this, &TrayIcon::refresh);
    connect(backend, &BondBackend::stateChanged, this, &TrayIcon::refresh);
    connect(backend, &BondBackend::bondAdded, m_refresh, &Coalescer::request);
    connect(backend, &BondBackend::bondRemoved, m_refresh, &Coalescer::request);
    connect(backend, &BondBackend::bondChanged, m_refresh, &Coalescer::request);
    refresh();
}

void TrayIcon::refresh()
{
    m_refresh->cancel(); // a pending coalesced refresh would be this one again
    QStringList lines;
    Health worst = Health::AllUp;
    const QStringList names = m_backend->bondNames();
    for (const QString &name : names) {
        const Health h = StatusText::health(m_backend->bond(name));
        lines << tr("%1: %2").arg(name, StatusText::health(h));
        if (h == Health::Down || (h == Health::Degraded && worst == Health::AllUp))
            worst = h;
    }
    if (m_backend->state() != BondBackend::State::Connected) {
        lines.prepend(tr("Not connected to %1").arg(m_backend->hostLabel()));
        worst = Health::Down;
    } else if (names.isEmpty()) {
        lines << tr("No bonds on %1").arg(m_backend->hostLabel());
    }
    const bool appIcon = names.isEmpty() && worst == Health::AllUp;
    const int iconShown = appIcon ? -2 : int(worst);
    if (iconShown != m_iconShown) {
        m_iconShown = iconShown;
        setIcon(appIcon ? QIcon(QStringLiteral(":/icons/org.bondmanager.BondManager.svg"))
                        : StatusText::healthIcon(worst));
    }
    const QString tip = tr("Bond Manager") + QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
    if (tip != toolTip())
        setToolTip(tip);
}

} // namespace bm::gui
