// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The GUI trace's two sides: every kind of line the traced GUI writes (GuiTraceFormat.h) is parsed
// back to what was written, a line that is not one is refused, and GuiTraceReader takes in output
// that arrives in pieces as bm-bench's experiments wait for it.
#include "GuiTraceFormat.h"
#include "GuiTraceReader.h"

#include <QTest>

#include <cstdio>
#include <cstdlib>

using namespace bm;
using namespace bm::bench;

namespace {

// What write() puts out for LINE, without its newline.
template<typename Line>
QByteArray written(const Line &line)
{
    char *text = nullptr;
    size_t size = 0;
    std::FILE *out = open_memstream(&text, &size);
    trace::write(out, line);
    std::fclose(out);
    QByteArray result(text, qsizetype(size));
    std::free(text);
    if (!result.endsWith('\n'))
        return {};
    result.chop(1);
    return result;
}

template<typename Line>
Line roundTrip(const Line &line)
{
    const std::optional<trace::Line> parsed = trace::parse(written(line));
    if (parsed && std::holds_alternative<Line>(*parsed))
        return std::get<Line>(*parsed);
    Line none;
    none.t = -1;
    return none;
}

} // namespace

class TestGuiTrace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyLineRoundTrips()
    {
        QCOMPARE(roundTrip(trace::FrameFirst {12.5}).t, 12.5);

        const trace::FrameFull full = roundTrip(trace::FrameFull {1.25, 65, 2});
        QCOMPARE(full.t, 1.25);
        QCOMPARE(full.bonds, 65);
        QCOMPARE(full.tiles, 2);

        const trace::Tile tile = roundTrip(trace::Tile {7.5, "bond0", "eth1", "active", "going-back", 6.25});
        QCOMPARE(tile.t, 7.5);
        QCOMPARE(tile.bond, "bond0");
        QCOMPARE(tile.slave, "eth1");
        QCOMPARE(tile.role, "active");
        QCOMPARE(tile.mii, "going-back");
        QCOMPARE(tile.frameStart, 6.25);

        const trace::Failover failover = roundTrip(trace::Failover {3.5, "bond0", trace::NoSlave});
        QCOMPARE(failover.t, 3.5);
        QCOMPARE(failover.bond, "bond0");
        QCOMPARE(failover.newActive, "-");

        const trace::Busy busy = roundTrip(trace::Busy {100.5, 17.25, 4.125});
        QCOMPARE(busy.t, 100.5);
        QCOMPARE(busy.ms, 17.25);
        QCOMPARE(busy.cpuMs, 4.125);

        const trace::Paint paint = roundTrip(trace::Paint {9.5, 16.5});
        QCOMPARE(paint.t, 9.5);
        QCOMPARE(paint.ms, 16.5);

        const trace::Stats stats = roundTrip(trace::Stats {2.5, 51.25, 50.5, 524, 6041, 51.125});
        QCOMPARE(stats.t, 2.5);
        QCOMPARE(stats.busyMax, 51.25);
        QCOMPARE(stats.paintMax, 50.5);
        QCOMPARE(stats.paints, 524);
        QCOMPARE(stats.passes, 6041);
        QCOMPARE(stats.gapMax, 51.125);

        const trace::DumpBond bond = roundTrip(trace::DumpBond {4.5, "bmb07", "bmb07s2"});
        QCOMPARE(bond.bond, "bmb07");
        QCOMPARE(bond.active, "bmb07s2");

        const trace::DumpSlave slave = roundTrip(trace::DumpSlave {4.5, "bmb07", "bmb07s3", "down"});
        QCOMPARE(slave.bond, "bmb07");
        QCOMPARE(slave.slave, "bmb07s3");
        QCOMPARE(slave.mii, "down");

        QCOMPARE(roundTrip(trace::DumpEnd {4.5}).t, 4.5);
    }

    void theStatsLineKeepsItsWords()
    {
        // The line README.md's storm figures come from, word for word.
        QCOMPARE(written(trace::Stats {2.5, 51.25, 50.5, 524, 6041, 51.125}),
                 "stats 2.500 busy_max 51.250 paint_max 50.500 paints 524 passes 6041 gap_max 51.125");
    }

    void otherLinesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("unknown word") << QByteArray("frame-last 1.000");
        QTest::newRow("time not a number") << QByteArray("frame-first soon");
        QTest::newRow("field missing") << QByteArray("tile 1.000 bond0 eth0 active up");
        QTest::newRow("field too many") << QByteArray("paint 1.000 17.000 3");
        QTest::newRow("keyword wrong") << QByteArray("frame-full 1.000 bonds 3 slaves 6");
        QTest::newRow("count not whole") << QByteArray("frame-full 1.000 bonds 3.5 tiles 6");
        QTest::newRow("stats keyword wrong")
                << QByteArray("stats 1.000 busy_max 1.000 paint_max 1.000 paints 1 passes 1 gap 1.000");
    }
    void otherLinesAreRefused()
    {
        QFETCH(QByteArray, line);
        QVERIFY(!trace::parse(line));
    }

    void miiWordsAreTheKernelsWithDashes()
    {
        QCOMPARE(trace::miiWord(MiiStatus::Up), "up");
        QCOMPARE(trace::miiWord(MiiStatus::GoingDown), "going-down");
        QCOMPARE(trace::miiWord(MiiStatus::Down), "down");
        QCOMPARE(trace::miiWord(MiiStatus::GoingBack), "going-back");
        QCOMPARE(trace::miiWord(MiiStatus::Unknown), "unknown");
    }

    void readerTakesLinesInPieces()
    {
        GuiTraceReader reader;
        reader.feed("frame-first 10.0");
        QCOMPARE(reader.first, -1.0); // not a line until its newline
        reader.feed("00\nframe-full 12.000 bonds 65 tiles 2\nbusy 11.000 20.000 3.000\npaint 11.5");
        QCOMPARE(reader.first, 10.0);
        QCOMPARE(reader.full, 12.0);
        QCOMPARE(reader.fullBonds, 65);
        QCOMPARE(reader.busy.size(), size_t(1));
        QCOMPARE(reader.busyCpu.at(0).second, 3.0);
        QVERIFY(reader.frames.empty());
        reader.feed("00 17.000\nnot a trace line\n");
        QCOMPARE(reader.frames.size(), size_t(1));
        QCOMPARE(reader.frames.at(0).second, 17.0);

        reader.restart();
        QCOMPARE(reader.first, -1.0);
        QCOMPARE(reader.full, -1.0);
        QCOMPARE(reader.fullBonds, -1);
    }

    void readerWatchesForTheNewActiveTile()
    {
        GuiTraceReader reader;
        reader.watch.from = 100;
        reader.watch.slave = QStringLiteral("eth1");
        reader.feed("tile 99.000 bond0 eth1 active up 98.000\n");   // before the cut
        reader.feed("tile 101.000 bond0 eth0 active up 100.500\n"); // the old active
        reader.feed("tile 102.000 bond0 eth1 backup up 101.500\n"); // not yet active
        reader.feed("failover 99.500 bond0 eth1\n");
        QCOMPARE(reader.watch.paint, -1.0);
        QCOMPARE(reader.watch.heard, -1.0);
        reader.feed("failover 101.250 bond0 eth1\ntile 103.000 bond0 eth1 active up 102.750\n");
        QCOMPARE(reader.watch.heard, 101.25);
        QCOMPARE(reader.watch.paint, 103.0);
        QCOMPARE(reader.watch.paintFrame, 102.75);
        reader.feed("tile 104.000 bond0 eth1 active up 103.500\n"); // the first one counts
        QCOMPARE(reader.watch.paint, 103.0);
    }

    void readerCollectsADump()
    {
        GuiTraceReader reader;
        reader.expectDump();
        reader.feed("bond 5.000 bond0 eth0\nslave 5.000 bond0 eth0 up\nslave 5.000 bond0 eth1 down\n"
                    "bond 5.000 bmb00 -\n");
        QVERIFY(!reader.dumpDone);
        reader.feed("dump-end 5.000\n");
        QVERIFY(reader.dumpDone);
        const BondState expected {{QStringLiteral("bond/bond0"), QStringLiteral("eth0")},
                                  {QStringLiteral("slave/bond0/eth0"), QStringLiteral("up")},
                                  {QStringLiteral("slave/bond0/eth1"), QStringLiteral("down")},
                                  {QStringLiteral("bond/bmb00"), QStringLiteral("-")}};
        QVERIFY(reader.dump == expected);

        reader.expectDump();
        QVERIFY(!reader.dumpDone);
        reader.feed("bond 6.000 bond0 eth1\ndump-end 6.000\n");
        QCOMPARE(reader.dump.size(), size_t(1)); // a new dump, not added to the last
    }

    void readerKeepsTheLastStats()
    {
        GuiTraceReader reader;
        QVERIFY(!reader.stats);
        reader.feed("stats 2.500 busy_max 51.250 paint_max 50.500 paints 524 passes 6041 gap_max 51.125\n");
        QVERIFY(reader.stats);
        QCOMPARE(reader.stats->passes, 6041);
        QCOMPARE(reader.stats->gapMax, 51.125);
    }
};

QTEST_GUILESS_MAIN(TestGuiTrace)
#include "TestGuiTrace.moc"
