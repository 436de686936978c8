// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// How a network service saves the options of the option table (shared/OptionTable.h): one entry
// per table option, with the service's own key or, when the service has none, why not. Options a
// service cannot save still apply to the running bond; they are lost at the next boot, and the
// writers list them so that the user is told.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

namespace bm {
struct OptionSpec;
}

namespace bm::helper {

struct OptionMapping {
    const char *option; // OptionTable name ("miimon")
    const char *key;    // the service's key ("MIIMonitorSec"), or nullptr when it cannot save it
    const char *note;   // why not (when key is nullptr)
    // Enum values the service accepts, when it knows fewer than the kernel; empty: all of them.
    QList<const char *> values = {};

    bool saved() const { return key != nullptr; }
    bool acceptsValue(const QString &value) const;
};

// The entry for `option` in `table`, or nullptr.
const OptionMapping *findMapping(const QList<OptionMapping> &table, QStringView option);
const OptionMapping *findMappingByKey(const QList<OptionMapping> &table, QStringView key);

// An option of a bond's configuration that a service saves, with its table entry and value.
struct SavedOption {
    const OptionSpec *spec;
    const OptionMapping *mapping;
    QVariant value; // normalised (OptionTable::parseValue)
};

// The options of `options` (keyed by table name) that `table` can save, in table order. Each one
// it cannot save, or whose value it does not know, adds a sentence to `unsaved` naming `service`,
// unless its value is the kernel's default (OptionTable::kernelDefault), which a new bond has at
// boot anyway.
QList<SavedOption> savedOptions(const QList<OptionMapping> &table, const QVariantMap &options,
                                const QString &service, QStringList *unsaved);

} // namespace bm::helper
