// SPDX-License-Identifier: GPL-3.0-or-later
// The PDF back end: the file's structure (header, every xref offset pointing at
// its "N 0 obj", trailer, startxref, the stream /Length), the page size against
// the layout, and every Ack equation of the text export present as PDF text.
#include "ladder/ladder_draw.h"
#include "ladder/ladder_image.h"
#include "ladder/ladder_text.h"
#include "render/pdf_surface.h"
#include "render/pdf_text.h"
#include "support/sample_ladder.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>

using namespace seqscope;

namespace {

const std::string kDemo = SEQSCOPE_SOURCE_DIR "/resources/samples/demo-lo.pcapng";

struct ParsedPdf {
    std::string error;
    std::size_t objects = 0, pages = 0;
    std::string content;  // the pages' content streams, one after the other
};

// Checks the cross-reference table and returns the content streams.
ParsedPdf parse_pdf(const std::string& pdf) {
    ParsedPdf p;
    if (pdf.rfind("%PDF-1.4\n", 0) != 0) return p.error = "header", p;
    const std::size_t sx = pdf.rfind("startxref\n");
    if (sx == std::string::npos || pdf.compare(pdf.size() - 6, 6, "%%EOF\n") != 0) return p.error = "startxref/%%EOF", p;
    const std::size_t xref = std::stoul(pdf.substr(sx + 10));
    if (pdf.compare(xref, 5, "xref\n") != 0) return p.error = "startxref does not point at xref", p;
    std::size_t at = xref + 5;
    const std::size_t first = std::stoul(pdf.substr(at)), count = std::stoul(pdf.substr(pdf.find(' ', at) + 1));
    if (first != 0) return p.error = "xref does not start at 0", p;
    at = pdf.find('\n', at) + 1;
    if (pdf.compare(at, 20, "0000000000 65535 f \n") != 0) return p.error = "free entry 0", p;
    for (std::size_t n = 1; n < count; ++n) {
        const std::string entry = pdf.substr(at + 20 * n, 20);
        if (entry.size() != 20 || entry.compare(10, 10, " 00000 n \n") != 0) return p.error = "xref entry " + entry, p;
        const std::size_t off = std::stoul(entry.substr(0, 10));
        const std::string head = std::to_string(n) + " 0 obj\n";
        if (pdf.compare(off, head.size(), head) != 0) return p.error = "xref entry " + std::to_string(n) + " misses", p;
    }
    p.objects = count - 1;
    const std::size_t trailer = pdf.find("trailer\n<< /Size " + std::to_string(count) + " /Root 1 0 R >>", at);
    if (trailer == std::string::npos) return p.error = "trailer", p;
    // Every content stream, checked against its /Length, in page order.
    for (std::size_t s = pdf.find(" 0 obj\n<< /Length "); s != std::string::npos;
         s = pdf.find(" 0 obj\n<< /Length ", s + 1)) {
        const std::size_t length = std::stoul(pdf.substr(s + 18));
        const std::size_t data = pdf.find(">>\nstream\n", s) + 10;
        if (pdf.compare(data + length, 10, "endstream\n") != 0) return p.error = "/Length does not end at endstream", p;
        p.content += pdf.substr(data, length);
        ++p.pages;
    }
    if (p.pages == 0) return p.error = "no content stream", p;
    return p;
}

}  // namespace

TEST(PdfText, WinAnsiMappingAndWidths) {
    EXPECT_EQ(render::to_winansi("a → b ⇒ c ≥ 1 × 2 · 3 — ok"), "a -> b => c >= 1 \xD7 2 \xB7 3 \x97 ok");
    EXPECT_EQ(render::to_winansi("\xFF"), "?");  // not UTF-8
    EXPECT_EQ(render::pdf_literal("a(b)\\\xB7"), "(a\\(b\\)\\\\\\267)");
    EXPECT_DOUBLE_EQ(render::winansi_width("ab", render::Face::Mono, false, 10), 12);
    // Helvetica: "i" is narrower than "W"; bold is wider.
    EXPECT_LT(render::winansi_width("iii", render::Face::Sans, false, 10), render::winansi_width("WWW", render::Face::Sans, false, 10));
    EXPECT_GT(render::winansi_width("abc", render::Face::Sans, true, 10), render::winansi_width("abc", render::Face::Sans, false, 10));
}

TEST(PdfSurface, MinimalDocumentIsWellFormed) {
    render::PdfSurface s(100, 50, {255, 255, 255});
    s.text({10, 20}, "hello (world)", {}, render::Anchor::Start, 0);
    const std::string pdf = s.finish();
    const ParsedPdf p = parse_pdf(pdf);
    ASSERT_EQ(p.error, "");
    EXPECT_EQ(p.objects, 8u);
    EXPECT_NE(pdf.find("/MediaBox [0 0 100 50]"), std::string::npos);
    EXPECT_NE(p.content.find("(hello \\(world\\)) Tj"), std::string::npos);
    EXPECT_NE(p.content.find(" 10 30 Tm"), std::string::npos);  // y flipped: 50 - 20
}

TEST(PdfLadder, DemoStreamLabelsAndPageSize) {
    const Ladder l = test::capture_ladder(kDemo, 0);
    ASSERT_GE(l.arrows.size(), 10u);
    LadderImageOptions o;
    std::string pdf, error;
    ASSERT_TRUE(ladder_image(l, LadderImageFormat::Pdf, o, pdf, error)) << error;
    if (const char* dir = std::getenv("SEQSCOPE_DUMP_DIR")) std::ofstream(std::string(dir) + "/ladder_demo.pdf") << pdf;
    const ParsedPdf p = parse_pdf(pdf);
    ASSERT_EQ(p.error, "");
    const auto picture = plan_ladder_picture(l, o.layout);
    ASSERT_TRUE(picture.has_value());
    char box[96];
    std::snprintf(box, sizeof box, "/MediaBox [0 0 %g %g]", picture->width, picture->height);
    EXPECT_NE(pdf.find(box), std::string::npos) << box;

    // Every "Ack N = A + B" equation the text export shows is on the page.
    const std::string txt = ladder_text(l);
    const std::regex eq(R"(Ack \d+ = \d+ \+ (\d+|SYN|FIN))");
    std::size_t found = 0;
    for (auto it = std::sregex_iterator(txt.begin(), txt.end(), eq); it != std::sregex_iterator(); ++it) {
        EXPECT_NE(p.content.find(render::pdf_literal(it->str()) + " Tj"), std::string::npos) << it->str();
        ++found;
    }
    EXPECT_GE(found, 8u);
    // Lane titles, states, and the title with its ↔ spelled for WinAnsi.
    for (const auto& lane : l.lanes) EXPECT_NE(p.content.find("(" + lane.title + ") Tj"), std::string::npos);
    EXPECT_NE(p.content.find("(TIME_WAIT) Tj"), std::string::npos);
    EXPECT_NE(p.content.find(render::pdf_literal(render::to_winansi(l.title))), std::string::npos);
    EXPECT_NE(l.title.find("↔"), std::string::npos);
    EXPECT_NE(p.content.find("<->"), std::string::npos);
}

TEST(PdfLadder, LongConversationBecomesPages) {
    // 1670 frames: far taller than a PDF page may be.
    const Ladder l = test::capture_ladder(SEQSCOPE_SHARED_DIR "/conformance/captures/challenge01_ooo_stream.pcapng", 0);
    ASSERT_GT(l.arrows.size(), 1000u);
    std::string pdf, error;
    ASSERT_TRUE(ladder_image(l, LadderImageFormat::Pdf, {}, pdf, error)) << error;
    const ParsedPdf p = parse_pdf(pdf);
    ASSERT_EQ(p.error, "");
    EXPECT_GT(p.pages, 5u);
    EXPECT_NE(pdf.find("/Count " + std::to_string(p.pages) + " "), std::string::npos);
    std::vector<double> heights;
    for (std::size_t at = pdf.find("/MediaBox [0 0 "); at != std::string::npos; at = pdf.find("/MediaBox [0 0 ", at + 1)) {
        const std::string dims = pdf.substr(at + 15);
        heights.push_back(std::stod(dims.substr(dims.find(' ') + 1)));
    }
    ASSERT_EQ(heights.size(), p.pages);
    for (std::size_t i = 0; i < heights.size(); ++i) {
        EXPECT_LE(heights[i], kLadderMaxPdfPageHeight);
        if (i + 1 < heights.size()) {
            EXPECT_GT(heights[i], kLadderMaxPdfPageHeight * 0.8);  // filled, but the last
        }
    }
    // Every arrow is on some page: its frame number in the frame column, once.
    std::size_t frames = 0;
    for (const auto& a : l.arrows) {
        const std::string cell = "(" + std::to_string(a.frame.value) + ") Tj";
        const std::size_t first = p.content.find(cell);
        frames += first != std::string::npos && p.content.find(cell, first + 1) == std::string::npos ? 1 : 0;
    }
    EXPECT_EQ(frames, l.arrows.size());
}
