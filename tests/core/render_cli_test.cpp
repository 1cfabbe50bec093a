// SPDX-License-Identifier: GPL-3.0-or-later
// seqscope-cli -z ladder,N --export png|pdf -o FILE end to end (the built binary):
// the files it writes, --scale and --frames, and the sentences it fails with.
#include "support/png_reader.h"

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

const std::string kDemo = SEQSCOPE_SOURCE_DIR "/resources/samples/demo-lo.pcapng";

struct CliRun {
    int status = -1;
    std::string err;
};

// Runs seqscope-cli with `args`; stdout is discarded, stderr kept.
CliRun cli(const std::string& args) {
    const fs::path err = fs::temp_directory_path() / ("seqscope_cli_err_" + std::to_string(::getpid()));
    CliRun r;
    const int rc = std::system((std::string(SEQSCOPE_CLI) + " " + args + " >/dev/null 2>" + err.string()).c_str());
    r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    std::ifstream f(err);
    std::stringstream ss;
    ss << f.rdbuf();
    r.err = ss.str();
    fs::remove(err);
    return r;
}

std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

class CliExport : public ::testing::Test {
protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("seqscope_export_" + std::to_string(::getpid()));
        fs::create_directories(dir);
    }
    void TearDown() override { fs::remove_all(dir); }
    fs::path dir;
};

}  // namespace

TEST_F(CliExport, PngAndPdfFiles) {
    const fs::path png = dir / "ladder.png", pdf = dir / "ladder.pdf";
    CliRun r = cli("-r " + kDemo + " -q -z ladder,0 --export png -o " + png.string());
    ASSERT_EQ(r.status, 0) << r.err;
    const auto img = seqscope::test::read_png(slurp(png));
    ASSERT_EQ(img.error, "");
    EXPECT_EQ(img.width, 1800);  // 900 px drawing at the default 2x
    r = cli("-r " + kDemo + " -q -z ladder,0 --export png --scale 1 -o " + png.string());
    ASSERT_EQ(r.status, 0) << r.err;
    const auto one = seqscope::test::read_png(slurp(png));
    ASSERT_EQ(one.error, "");
    EXPECT_EQ(one.width, 900);
    EXPECT_NEAR(one.height * 2, img.height, 1);
    r = cli("-r " + kDemo + " -q -z ladder,0 --frames 4-8 --export png --scale 1 -o " + png.string());
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_LT(seqscope::test::read_png(slurp(png)).height, one.height);

    r = cli("-r " + kDemo + " -q -z ladder,0,raw --export pdf -o " + pdf.string());
    ASSERT_EQ(r.status, 0) << r.err;
    const std::string doc = slurp(pdf);
    EXPECT_EQ(doc.rfind("%PDF-1.4", 0), 0u);
    EXPECT_EQ(doc.find("(Ack 1 = 0 + SYN) Tj"), std::string::npos);  // raw numbers: no relative equation
    EXPECT_NE(doc.find("raw seq/ack"), std::string::npos);
}

TEST_F(CliExport, ErrorsAreSentencesAndFail) {
    CliRun r = cli("-r " + kDemo + " -q -z ladder,0 --export png");
    EXPECT_NE(r.status, 0);
    EXPECT_NE(r.err.find("name it with -o FILE"), std::string::npos) << r.err;

    r = cli("-r " + kDemo + " -q -z ladder,0 --export pdf -o /nonexistent-dir/x.pdf");
    EXPECT_NE(r.status, 0);
    EXPECT_NE(r.err.find("could not write \"/nonexistent-dir/x.pdf\": No such file or directory."), std::string::npos)
        << r.err;

    r = cli("-r " + kDemo + " -q -z ladder,99 --export png -o " + (dir / "x.png").string());
    EXPECT_NE(r.status, 0);
    EXPECT_NE(r.err.find("there is no tcp.stream 99"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "x.png"));

    r = cli("-r " + kDemo + " -q -z ladder,0 --frames 9999-10000 --export png -o " + (dir / "x.png").string());
    EXPECT_NE(r.status, 0);
    EXPECT_NE(r.err.find("hold no segment"), std::string::npos) << r.err;

    for (const char* bad : {"--scale 9", "--scale x", "--frames 5-2", "--frames 0-3", "--frames 3-", "--export gif"}) {
        r = cli("-r " + kDemo + " -q -z ladder,0 " + bad + " -o " + (dir / "y").string());
        EXPECT_NE(r.status, 0) << bad;
        EXPECT_FALSE(r.err.empty()) << bad;
    }
}
