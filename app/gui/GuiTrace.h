// GuiTrace: timestamps of what the window paints, for bm-bench (tests/bench, issue 8). Off unless
// BM_GUI_TRACE is set (a file path, or "-" for stdout); then it writes one line per event, with
// CLOCK_MONOTONIC milliseconds as the first field (the clock bm-bench stamps kernel events with):
//   frame-first T                  the first window paint has been flushed to the display
//   frame-full T bonds N tiles M   the first flushed paint after every bond was loaded
//   tile T BOND SLAVE ROLE MII S   a paint of a slave tile flushed at T (its frame began at S)
//                                  and what it showed
//   failover T BOND NEW            the backend told the window of a failover
//   busy T MS CPU                  an event loop pass of MS >= 16 ms that began at T, and the
//                                  CPU time the GUI thread had in it
//   paint T MS                     a frame (paint + flush) of MS >= 16 ms that began at T
// and answers lines on stdin:
//   stats -> stats T busy_max MS paint_max MS paints N passes N gap_max MS   (then starts over)
//   dump  -> bond T NAME ACTIVE|-, slave T BOND NAME MII per slave, dump-end T
// Lines are written out when the event loop is about to wait. Not user-visible, so nothing here
// is translated. When off, the only cost is get() == nullptr.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <cstdio>

class QSocketNotifier;

namespace bm::gui {

class BondBackend;
class MainWindow;
class SlaveTile;

class GuiTrace : public QObject
{
    Q_OBJECT
public:
    // nullptr unless BM_GUI_TRACE is set and install() ran.
    static GuiTrace *get() { return s_trace; }
    // Reads BM_GUI_TRACE; call once, after the QApplication exists.
    static void install(MainWindow *window);

    // The backend whose bonds the window shows; "loaded" is its first reset (or now, when it has
    // its bonds already, as the sample backend does).
    void watch(BondBackend *backend);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    GuiTrace(MainWindow *window, std::FILE *out);
    static double nowMs();
    static double threadCpuMs();
    void line(const char *format, ...) Q_ATTRIBUTE_FORMAT_PRINTF(2, 3);
    void frameDone(double start, double end);
    void tilePainted(SlaveTile *tile, double t, double frameStart);
    void onTick();
    void onAboutToBlock();
    void onCommand();
    void dump();

    static GuiTrace *s_trace;
    QPointer<MainWindow> m_window;
    QPointer<BondBackend> m_backend;
    std::FILE *m_out;
    QSocketNotifier *m_stdin = nullptr;
    QByteArray m_input;

    // The paint of one frame: widgets get their Paint events inside the top level's
    // UpdateRequest (or a QWindow's Expose), which ends with the flush to the display.
    int m_frameDepth = 0;
    int m_framePaints = 0;
    QSet<SlaveTile *> m_paintedTiles;
    bool m_firstDone = false;
    bool m_loaded = false;
    bool m_fullDone = false;

    // A pass of the event loop: from the first event it delivers after the dispatcher's
    // aboutToBlock (the loop is back, polling for input) to the next aboutToBlock. Its length is
    // how long input waits at worst, the GUI's "frame" in the flap storm.
    double m_passStart = -1, m_passCpuStart = 0;
    double m_busyMax = 0, m_paintMax = 0;
    qint64 m_paints = 0, m_passes = 0;
    // A 5 ms timer, for comparison: under Qt's glib dispatcher a timer that fired waits for an
    // idle pass before it fires again, so its longest gap is the longest time without an idle
    // pass (the GUI saturated), not one long stall.
    QTimer m_probe;
    double m_lastTick = 0, m_gapMax = 0;
};

} // namespace bm::gui
