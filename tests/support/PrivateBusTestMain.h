// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// main() for a test that starts a PrivateSystemBus, in the style of QTEST_MAIN:
//   BM_PRIVATE_BUS_TEST_MAIN(TestService)            with a QCoreApplication
//   BM_PRIVATE_BUS_GUI_TEST_MAIN(TestHelperBackend)  with a QApplication (tests linking Qt Widgets)
// As root it moves the process into a private mount namespace before the application and its
// threads exist, so the bind mounts over polkitd's folders stay in this process tree; without root
// it leaves the namespace alone and the test skips itself (as HelperFixture::initTestCase does).
#pragma once

#include "PrivateSystemBus.h"

#include <QCoreApplication>
#include <QTest>

#define BM_PRIVATE_BUS_TEST_MAIN_WITH(TestObject, Application) \
    int main(int argc, char **argv) \
    { \
        if (!PrivateSystemBus::enterPrivateMountNamespaceAsRoot(#TestObject)) \
            return 1; \
        Application app(argc, argv); \
        TestObject test; \
        return QTest::qExec(&test, argc, argv); \
    }

#define BM_PRIVATE_BUS_TEST_MAIN(TestObject) BM_PRIVATE_BUS_TEST_MAIN_WITH(TestObject, QCoreApplication)

#ifdef QT_WIDGETS_LIB
#include <QApplication>
#define BM_PRIVATE_BUS_GUI_TEST_MAIN(TestObject) BM_PRIVATE_BUS_TEST_MAIN_WITH(TestObject, QApplication)
#endif
