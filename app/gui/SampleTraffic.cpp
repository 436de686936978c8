// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SampleTraffic.h"

#include "BondBackend.h"
#include "BondView.h"
#include "MainWindow.h"
#include "SlaveTile.h"
#include "Sparkline.h"

#include <QtMath>

namespace bm::gui {

void addSampleTraffic(MainWindow &window)
{
    const QList<SlaveTile *> tiles = window.bondView()->tiles();
    for (int t = 0; t < tiles.size(); ++t) {
        for (int i = 0; i < 60; ++i) {
            const double base = tiles.at(t)->slave().miiStatus == MiiStatus::Up ? 4e6 / (t + 1) : 0;
            tiles.at(t)->sparkline()->addSample(base * (1.2 + qSin(i / 5.0 + t)),
                                                base * (0.6 + 0.4 * qCos(i / 7.0 + t)));
        }
    }
}

} // namespace bm::gui
