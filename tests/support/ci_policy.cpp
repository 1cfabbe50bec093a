// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/ci_policy.h"

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace seqscope::test {

bool under_ci() {
    const char* ci = std::getenv("CI");
    return ci != nullptr && std::string_view(ci) == "true";
}

std::string tshark_reference_missing() {
    static const std::string why = [] {
        FILE* p = popen("tshark --version 2>/dev/null", "r");
        if (p == nullptr) return std::string("cannot run tshark");
        char line[256] = {};
        const bool got = std::fgets(line, sizeof line, p) != nullptr;
        pclose(p);
        if (!got) return std::string("tshark is not on PATH; it is the reference (apt-get install tshark)");
        const std::string first(line);
        if (first.rfind("TShark (Wireshark) 4.0.17 ", 0) != 0)
            return "tshark on PATH is not 4.0.17, the reference version: " + first;
        return std::string();
    }();
    return why;
}

}  // namespace seqscope::test
