// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Fuzz entry point for ProcBondingParser. Besides "no crash, no hang, no sanitizer report" it
// checks properties that must hold for every input: an error is one line and leaves no data
// behind, and a successful result survives the BondInfo -> QVariantMap -> BondInfo round trip
// that D-Bus and JSON rely on.
#include "ProcBondingParser.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "FuzzProcBondingParser: property violated: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const bm::ProcBondingParser::Result result = bm::ProcBondingParser::parse(input);
    if (!result.ok()) {
        check(!result.error.contains(QLatin1Char('\n')), "error message is one line");
        check(result.bond == bm::BondInfo {}, "a failed parse returns an empty BondInfo");
        return 0;
    }
    check(result.bond.options.contains(QStringLiteral("mode")), "a parsed bond has a mode");
    const bm::BondInfo back = bm::BondInfo::fromVariantMap(result.bond.toVariantMap());
    check(back == result.bond, "BondInfo survives toVariantMap/fromVariantMap");
    return 0;
}
