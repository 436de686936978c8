#include "GuiTrace.h"

#include "BondBackend.h"
#include "BondView.h"
#include "MainWindow.h"
#include "SlaveTile.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QEvent>
#include <QSocketNotifier>
#include <QWidget>
#include <QWindow>

#include <cstdarg>
#include <ctime>

#include <unistd.h>

namespace bm::gui {

GuiTrace *GuiTrace::s_trace = nullptr;

namespace {

constexpr int ProbeMs = 5;
constexpr double LongMs = 16;   // a pass or frame this long gets its own line

const char *miiWord(MiiStatus mii)
{
    switch (mii) {
    case MiiStatus::Up: return "up";
    case MiiStatus::GoingDown: return "going-down";
    case MiiStatus::Down: return "down";
    case MiiStatus::GoingBack: return "going-back";
    case MiiStatus::Unknown: break;
    }
    return "unknown";
}

} // namespace

void GuiTrace::install(MainWindow *window)
{
    const QByteArray path = qgetenv("BM_GUI_TRACE");
    if (path.isEmpty() || s_trace)
        return;
    std::FILE *out = path == "-" ? stdout : std::fopen(path.constData(), "ae");
    if (!out) {
        std::fprintf(stderr, "bond-manager: BM_GUI_TRACE: cannot open %s\n", path.constData());
        return;
    }
    s_trace = new GuiTrace(window, out);
}

GuiTrace::GuiTrace(MainWindow *window, std::FILE *out)
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

namespace {

double clockMs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

} // namespace

double GuiTrace::nowMs()
{
    return clockMs(CLOCK_MONOTONIC);
}

void GuiTrace::line(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    std::vfprintf(m_out, format, args);
    va_end(args);
    std::fputc('\n', m_out);
    // Written out once per pass of the event loop (onAboutToBlock), not per line: in a flap storm
    // a write per failover would cost the GUI thread a system call each, and the reader a wake-up.
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
                line("failover %.3f %s %s", nowMs(), qPrintable(bond),
                     newActive.isEmpty() ? "-" : qPrintable(newActive));
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
                    tilePainted(tile, t, t);   // a repaint() outside a frame
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
        line("paint %.3f %.3f", start, end - start);
    if (m_window && m_window->bondView()) {
        // Only tiles still shown: a pointer from the set is not used unless the view has it.
        for (SlaveTile *tile : m_window->bondView()->tiles())
            if (tiles.contains(tile))
                tilePainted(tile, end, start);
    }
    if (!m_firstDone) {
        m_firstDone = true;
        line("frame-first %.3f", end);
    }
    if (m_loaded && !m_fullDone && m_backend && m_window) {
        m_fullDone = true;
        line("frame-full %.3f bonds %lld tiles %lld", end,
             static_cast<long long>(m_backend->bondNames().size()),
             static_cast<long long>(m_window->bondView() ? m_window->bondView()->tiles().size() : 0));
    }
}

void GuiTrace::tilePainted(SlaveTile *tile, double t, double frameStart)
{
    const std::optional<SlaveState> role = tile->roleShown();
    const char *roleWord = !role ? "none" : *role == SlaveState::Active ? "active" : "backup";
    line("tile %.3f %s %s %s %s %.3f", t, qPrintable(tile->bondName()), qPrintable(tile->slaveName()),
         roleWord, miiWord(tile->slave().miiStatus), frameStart);
}

void GuiTrace::onTick()
{
    const double t = nowMs();
    if (m_lastTick > 0)
        m_gapMax = qMax(m_gapMax, t - m_lastTick);
    m_lastTick = t;
}

// The GUI thread's own CPU time: a pass that took long on the clock but little here waited for
// the CPU (other threads and processes had it), it was not busy with our work.
double GuiTrace::threadCpuMs()
{
    return clockMs(CLOCK_THREAD_CPUTIME_ID);
}

void GuiTrace::onAboutToBlock()
{
    if (m_passStart >= 0) {
        const double t = nowMs();
        const double pass = t - std::exchange(m_passStart, -1);
        ++m_passes;
        m_busyMax = qMax(m_busyMax, pass);
        if (pass >= LongMs)
            line("busy %.3f %.3f %.3f", t - pass, pass, threadCpuMs() - m_passCpuStart);
    }
    std::fflush(m_out);
}

void GuiTrace::onCommand()
{
    char buf[4096];
    const ssize_t got = ::read(STDIN_FILENO, buf, sizeof buf);
    if (got <= 0) {
        m_stdin->setEnabled(false);   // end of input (or none): nothing more will be asked
        return;
    }
    m_input.append(buf, got);
    qsizetype nl;
    while ((nl = m_input.indexOf('\n')) >= 0) {
        const QByteArray command = m_input.left(nl).trimmed();
        m_input.remove(0, nl + 1);
        if (command == "stats") {
            line("stats %.3f busy_max %.3f paint_max %.3f paints %lld passes %lld gap_max %.3f", nowMs(),
                 m_busyMax, m_paintMax, static_cast<long long>(m_paints),
                 static_cast<long long>(m_passes), m_gapMax);
            m_busyMax = m_paintMax = m_gapMax = 0;
            m_paints = m_passes = 0;
        } else if (command == "dump") {
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
            line("bond %.3f %s %s", t, qPrintable(name), active.isEmpty() ? "-" : qPrintable(active));
            for (const SlaveInfo &s : bond.slaves)
                line("slave %.3f %s %s %s", t, qPrintable(name), qPrintable(s.name), miiWord(s.miiStatus));
        }
    }
    line("dump-end %.3f", t);
}

} // namespace bm::gui
