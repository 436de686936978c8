// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// GuiTrace: timestamps of what the window paints, for bm-bench (tests/bench, issue 8), in
// bond-manager-traced only (TracedMain.cpp). It writes the lines of GuiTraceFormat.h: when a paint
// was flushed to the display, what each slave tile showed, failovers the window heard of, long event
// loop passes and frames; and answers "stats" and "dump" on stdin. Lines are written out when the
// event loop is about to wait. Not user-visible, so nothing here is translated.
#pragma once

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
} // namespace bm::gui

namespace bm::bench {

class GuiTrace : public QObject
{
    Q_OBJECT
public:
    // Reads BM_GUI_TRACE (trace::PathVariable): nullptr when it is unset or cannot be opened. Call
    // once, after the QApplication exists; the trace is the application's child.
    static GuiTrace *create(gui::MainWindow *window);

    // The backend whose bonds the window shows; "loaded" is its first reset (or now, when it has
    // its bonds already, as the sample backend does).
    void watch(gui::BondBackend *backend);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    GuiTrace(gui::MainWindow *window, std::FILE *out);
    template<typename Line>
    void write(const Line &line);
    void frameDone(double start, double end);
    void tilePainted(gui::SlaveTile *tile, double t, double frameStart);
    void onTick();
    void onAboutToBlock();
    void onCommand();
    void dump();

    QPointer<gui::MainWindow> m_window;
    QPointer<gui::BondBackend> m_backend;
    std::FILE *m_out;
    QSocketNotifier *m_stdin = nullptr;
    QByteArray m_input;

    // The paint of one frame: widgets get their Paint events inside the top level's
    // UpdateRequest (or a QWindow's Expose), which ends with the flush to the display.
    int m_frameDepth = 0;
    int m_framePaints = 0;
    QSet<gui::SlaveTile *> m_paintedTiles;
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

} // namespace bm::bench
