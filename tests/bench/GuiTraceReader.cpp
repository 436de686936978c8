// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GuiTraceReader.h"

using namespace Qt::StringLiterals;

namespace bm::bench {

namespace {

// One visitor of a trace::Line from a lambda per kind of line.
template<class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template<class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

void GuiTraceReader::feed(const QByteArray &output)
{
    m_buffer += output;
    qsizetype nl;
    while ((nl = m_buffer.indexOf('\n')) >= 0) {
        const std::optional<trace::Line> line = trace::parse(m_buffer.left(nl));
        m_buffer.remove(0, nl + 1);
        if (line)
            read(*line);
    }
}

void GuiTraceReader::restart()
{
    m_buffer.clear();
    first = full = -1;
    watch.paint = -1;
    fullBonds = -1;
    stats.reset();
}

void GuiTraceReader::expectDump()
{
    dumpDone = false;
    m_dumping.clear();
}

void GuiTraceReader::read(const trace::Line &line)
{
    std::visit(Overloaded {
                       [this](const trace::FrameFirst &l) { first = l.t; },
                       [this](const trace::FrameFull &l) {
                           full = l.t;
                           fullBonds = int(l.bonds);
                       },
                       [this](const trace::Tile &l) {
                           if (watch.paint < 0 && watch.from >= 0 && l.t >= watch.from && l.bond == "bond0"
                               && QString::fromLatin1(l.slave) == watch.slave && l.role == "active") {
                               watch.paint = l.t;
                               watch.paintFrame = l.frameStart;
                           }
                       },
                       [this](const trace::Failover &l) {
                           if (watch.heard < 0 && watch.from >= 0 && l.t >= watch.from && l.bond == "bond0")
                               watch.heard = l.t;
                       },
                       [this](const trace::Busy &l) {
                           busy.emplace_back(l.t, l.ms);
                           busyCpu.emplace_back(l.t, l.cpuMs);
                       },
                       [this](const trace::Paint &l) { frames.emplace_back(l.t, l.ms); },
                       [this](const trace::Stats &l) { stats = l; },
                       [this](const trace::DumpBond &l) {
                           m_dumping[u"bond/"_s + QString::fromLatin1(l.bond)] = QString::fromLatin1(l.active);
                       },
                       [this](const trace::DumpSlave &l) {
                           m_dumping[u"slave/%1/%2"_s.arg(QString::fromLatin1(l.bond),
                                                          QString::fromLatin1(l.slave))]
                                   = QString::fromLatin1(l.mii);
                       },
                       [this](const trace::DumpEnd &) {
                           dump = std::exchange(m_dumping, {});
                           dumpDone = true;
                       },
               },
               line);
}

} // namespace bm::bench
