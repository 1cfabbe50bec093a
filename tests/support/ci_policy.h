// SPDX-License-Identifier: GPL-3.0-or-later
// What a test may skip, and where. On a developer's machine a test whose peer
// (tshark 4.0.17) or permission (capture on lo) is missing skips, saying why. Under CI
// (CI=true, run as root with every package installed) nothing may be missing, so the
// same test fails instead: a green CI run has run every test.
#pragma once

#include <gtest/gtest.h>

#include <string>

namespace seqscope::test {

// CI=true, as CI sets it.
bool under_ci();

// Empty when `tshark` on PATH is 4.0.17, the reference version; else why not.
std::string tshark_reference_missing();

}  // namespace seqscope::test

// Skips the test with REASON, or fails it under CI. Use inside a TEST body.
#define SEQSCOPE_SKIP_OR_FAIL_UNDER_CI(reason)                                                   \
    do {                                                                                         \
        if (::seqscope::test::under_ci()) FAIL() << "missing under CI, where it must not be: " << (reason); \
        GTEST_SKIP() << (reason);                                                                \
    } while (0)

// Skips or fails (under CI) unless tshark 4.0.17 is on PATH.
#define SEQSCOPE_REQUIRE_TSHARK()                                                                \
    do {                                                                                         \
        if (const std::string why = ::seqscope::test::tshark_reference_missing(); !why.empty())  \
            SEQSCOPE_SKIP_OR_FAIL_UNDER_CI(why);                                                 \
    } while (0)
