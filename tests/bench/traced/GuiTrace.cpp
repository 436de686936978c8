// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GuiTrace.h"

#include "BondBackend.h"
#include "BondView.h"
#include "GuiTraceFormat.h"
#include "MainWindow.h"
#include "SlaveTile.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QEvent>
#include <QSocketNotifier>
#include <QWidget>
#include <QWindow>

#include <unistd.h>

namespace bm::bench {

using gui::BondBackend;
using gui::SlaveTile;

namespace {

constexpr int ProbeMs = 5;
constexpr double LongMs = 16; // a pass or frame this long gets its own line

// The GUI thread's own CPU time: a pass that took long on the clock but little here waited for
// the CPU (other threads and processes had it), it was not busy with our work.
double threadCpuMs()
{
    return clockMs(CLOCK_THREAD_CPUTIME_ID);
}

} // namespace

GuiTrace *GuiTrace::create(gui::MainWindow *window)
{
    const QByteArray path = qgetenv(trace::PathVariable);
    if (path.isEmpty())
        return nullptr;
    std::FILE *out = path == "-" ? stdout : std::fopen(path.constData(), "ae");
    if (!out) {
        std::fprintf(stderr, "bond-manager-traced: %s: cannot open %s\n", trace::PathVariable,
                     path.constData());
        return nullptr;
    }
    return new GuiTrace(window, out);
}

GuiTrace::GuiTrace(gui::MainWindow *window, std::FILE *out)
    : QObject(QCoreApplication::instance())
    , m_window(window)
    , m_out(out)
{
    QCoreApplication::instance()->installEventFilter(this);
    m_probe.setTimerType(Qt::PreciseTimer);
    m_probe.setInterval(ProbeMs);
    connect(&m_probe, &QTimer::timeout, this, &GuiTrace::onTick);
    m_probe.start();
    connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::aboutToBlock, this,
            &GuiTrace::onAboutToBlock);
    m_stdin = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_stdin, &QSocketNotifier::activated, this, &GuiTrace::onCommand);
}

// Written out once per pass of the event loop (onAboutToBlock), not per line: in a flap storm a
// write per failover would cost the GUI thread a system call each, and the reader a wake-up.
template<typename Line>
void GuiTrace::write(const Line &line)
{
    trace::write(m_out, line);
}

void GuiTrace::watch(BondBackend *backend)
{
    if (m_backend)
        disconnect(m_backend, nullptr, this, nullptr);
    m_backend = backend;
    m_loaded = m_fullDone = false;
    auto loaded = [this] {
        if (m_backend && m_backend->state() == BondBackend::State::Connected)
            m_loaded = true;
    };
    connect(backend, &BondBackend::reset, this, loaded);
    connect(backend, &BondBackend::failover, this,
            [this](const QString &bond, const QString &, const QString &newActive) {
                write(trace::Failover {nowMs(), bond.toLocal8Bit(),
                                       newActive.isEmpty() ? QByteArray(trace::NoSlave)
                                                           : newActive.toLocal8Bit()});
            });
    if (!backend->bondNames().isEmpty())
        loaded();
}

bool GuiTrace::eventFilter(QObject *watched, QEvent *event)
{
    if (m_passStart < 0) {
        m_passStart = nowMs();
        m_passCpuStart = threadCpuMs();
    }
    const QEvent::Type type = event->type();
    if (type == QEvent::Paint) {
        if (m_frameDepth > 0)
            ++m_framePaints;
        for (QObject *o = watched; o; o = o->parent()) {
            if (auto *tile = qobject_cast<SlaveTile *>(o)) {
                if (m_frameDepth > 0) {
                    m_paintedTiles.insert(tile);
                } else {
                    const double t = nowMs();
                    tilePainted(tile, t, t); // a repaint() outside a frame
                }
                break;
            }
        }
        return false;
    }
    // A frame: the top level's UpdateRequest (or its QWindow's Expose) paints every dirty widget
    // into the backing store and flushes it to the display before it returns. It is handled here,
    // between two stamps, instead of being passed on; QObject::event() is what would run anyway.
    const bool frame = (type == QEvent::UpdateRequest || type == QEvent::Expose)
                       && (watched->isWindowType()
                           || (watched->isWidgetType() && static_cast<QWidget *>(watched)->isWindow()));
    if (!frame)
        return false;
    const double start = nowMs();
    ++m_frameDepth;
    watched->event(event);
    --m_frameDepth;
    if (m_frameDepth == 0)
        frameDone(start, nowMs());
    return true;
}

void GuiTrace::frameDone(double start, double end)
{
    const int painted = std::exchange(m_framePaints, 0);
    const QSet<SlaveTile *> tiles = std::exchange(m_paintedTiles, {});
    if (painted == 0)
        return;
    ++m_paints;
    m_paintMax = qMax(m_paintMax, end - start);
    if (end - start >= LongMs)
        write(trace::Paint {start, end - start});
    if (m_window && m_window->bondView()) {
        // Only tiles still shown: a pointer from the set is not used unless the view has it.
        for (SlaveTile *tile : m_window->bondView()->tiles())
            if (tiles.contains(tile))
                tilePainted(tile, end, start);
    }
    if (!m_firstDone) {
        m_firstDone = true;
        write(trace::FrameFirst {end});
    }
    if (m_loaded && !m_fullDone && m_backend && m_window) {
        m_fullDone = true;
        write(trace::FrameFull {end, m_backend->bondNames().size(),
                                m_window->bondView() ? m_window->bondView()->tiles().size() : 0});
    }
}

void GuiTrace::tilePainted(SlaveTile *tile, double t, double frameStart)
{
    const std::optional<SlaveState> role = tile->roleShown();
    const char *roleWord = !role ? "none" : *role == SlaveState::Active ? "active" : "backup";
    write(trace::Tile {t, tile->bondName().toLocal8Bit(), tile->slaveName().toLocal8Bit(), roleWord,
                       trace::miiWord(tile->slave().miiStatus), frameStart});
}

void GuiTrace::onTick()
{
    const double t = nowMs();
    if (m_lastTick > 0)
        m_gapMax = qMax(m_gapMax, t - m_lastTick);
    m_lastTick = t;
}

void GuiTrace::onAboutToBlock()
{
    if (m_passStart >= 0) {
        const double t = nowMs();
        const double pass = t - std::exchange(m_passStart, -1);
        ++m_passes;
        m_busyMax = qMax(m_busyMax, pass);
        if (pass >= LongMs)
            write(trace::Busy {t - pass, pass, threadCpuMs() - m_passCpuStart});
    }
    std::fflush(m_out);
}

void GuiTrace::onCommand()
{
    char buf[4096];
    const ssize_t got = ::read(STDIN_FILENO, buf, sizeof buf);
    if (got <= 0) {
        m_stdin->setEnabled(false); // end of input (or none): nothing more will be asked
        return;
    }
    m_input.append(buf, got);
    qsizetype nl;
    while ((nl = m_input.indexOf('\n')) >= 0) {
        const QByteArray command = m_input.left(nl).trimmed();
        m_input.remove(0, nl + 1);
        if (command == trace::StatsCommand) {
            write(trace::Stats {nowMs(), m_busyMax, m_paintMax, m_paints, m_passes, m_gapMax});
            m_busyMax = m_paintMax = m_gapMax = 0;
            m_paints = m_passes = 0;
        } else if (command == trace::DumpCommand) {
            dump();
        }
    }
}

void GuiTrace::dump()
{
    const double t = nowMs();
    if (m_backend) {
        for (const QString &name : m_backend->bondNames()) {
            const BondInfo bond = m_backend->bond(name);
            const QString active = bond.activeSlave();
            write(trace::DumpBond {t, name.toLocal8Bit(),
                                   active.isEmpty() ? QByteArray(trace::NoSlave) : active.toLocal8Bit()});
            for (const SlaveInfo &s : bond.slaves)
                write(trace::DumpSlave {t, name.toLocal8Bit(), s.name.toLocal8Bit(),
                                        trace::miiWord(s.miiStatus)});
        }
    }
    write(trace::DumpEnd {t});
}

} // namespace bm::bench
