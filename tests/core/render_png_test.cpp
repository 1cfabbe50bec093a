// SPDX-License-Identifier: GPL-3.0-or-later
// The PNG back end: CRC-32/Adler-32 against published check values, deflate and
// PNG round trips through an independent reader (tests/support/png_reader), and
// the ladder of the demo capture read back pixel by pixel: arrows in their
// palette colours, background, ink inside the lane headers.
#include "ladder/ladder_draw.h"
#include "ladder/ladder_image.h"
#include "ladder/ladder_palette.h"
#include "render/png_encoder.h"
#include "render/raster_surface.h"
#include "support/png_reader.h"
#include "support/sample_ladder.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <random>

using namespace seqscope;
using seqscope::test::read_png;

namespace {

std::vector<std::uint8_t> bytes(const std::string& s) { return {s.begin(), s.end()}; }

const std::string kDemo = SEQSCOPE_SOURCE_DIR "/resources/samples/demo-lo.pcapng";

int distance(test::PngImage::Px p, render::Rgb c) {
    return std::abs(p.r - c.r) + std::abs(p.g - c.g) + std::abs(p.b - c.b);
}

}  // namespace

TEST(PngEncoder, ChecksumsMatchKnownVectors) {
    const auto check = bytes("123456789");
    EXPECT_EQ(render::crc32(check), 0xCBF43926u);  // the CRC-32 check value (ISO-HDLC)
    EXPECT_EQ(render::crc32({}), 0u);
    EXPECT_EQ(render::adler32(bytes("Wikipedia")), 0x11E60398u);
    EXPECT_EQ(render::adler32({}), 1u);
    // Running the CRC in two parts equals running it once (how chunks are checked).
    const auto a = bytes("IHDR"), b = bytes("payload");
    EXPECT_EQ(render::crc32(b, render::crc32(a)), render::crc32(bytes("IHDRpayload")));
    // Adler-32's modulo kicks in past 5552 bytes.
    const std::vector<std::uint8_t> big(100000, 0xFF);
    std::uint32_t s1 = 1, s2 = 0;
    for (std::uint8_t c : big) s1 = (s1 + c) % 65521, s2 = (s2 + s1) % 65521;
    EXPECT_EQ(render::adler32(big), (s2 << 16) | s1);
}

TEST(PngEncoder, DeflateRoundTripsRunsAndNoise) {
    std::mt19937 rng(7);
    std::vector<std::uint8_t> data;
    for (int i = 0; i < 70000; ++i) data.push_back(static_cast<std::uint8_t>(rng() % 7));  // short matches
    data.insert(data.end(), 100000, 0xAB);                                                // long runs
    for (int i = 0; i < 40000; ++i) data.push_back(static_cast<std::uint8_t>(rng()));      // literals, 9-bit codes
    for (int i = 0; i < 3000; ++i) data.push_back(data[data.size() - 32768]);             // the farthest distance
    const std::vector<std::uint8_t> z = render::zlib_compress(data);
    std::vector<std::uint8_t> back;
    std::string error;
    ASSERT_TRUE(test::zlib_inflate(z, back, error)) << error;
    EXPECT_EQ(back, data);
    EXPECT_LT(z.size(), data.size());
    std::vector<std::uint8_t> empty_back;
    ASSERT_TRUE(test::zlib_inflate(render::zlib_compress({}), empty_back, error)) << error;
    EXPECT_TRUE(empty_back.empty());
}

TEST(PngEncoder, OnePixelRoundTrip) {
    for (std::uint8_t alpha : {std::uint8_t{0xFF}, std::uint8_t{0x80}}) {
        const std::vector<std::uint8_t> px = {0x12, 0x34, 0x56, alpha};
        const auto img = read_png(render::encode_png(1, 1, px));
        ASSERT_TRUE(img.error.empty()) << img.error;
        EXPECT_EQ(img.width, 1);
        EXPECT_EQ(img.height, 1);
        EXPECT_EQ(img.colour_type, alpha == 0xFF ? 2 : 6);  // opaque images drop the alpha channel
        EXPECT_EQ(img.rgba, px);
        EXPECT_EQ(img.chunks, (std::vector<std::string>{"IHDR", "IDAT", "IEND"}));
    }
}

TEST(PngEncoder, ImageRoundTripAndCorruptionIsCaught) {
    const int w = 300, h = 200;
    for (bool opaque : {false, true}) {
        std::vector<std::uint8_t> rgba;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                for (int v : {x & 0xFF, y, (x * y) & 0xFF, opaque ? 255 : 255 - ((x + y) & 0x3F)})
                    rgba.push_back(static_cast<std::uint8_t>(v));
        const std::string png = render::encode_png(w, h, rgba);
        const auto img = read_png(png);
        ASSERT_TRUE(img.error.empty()) << img.error;
        EXPECT_EQ(img.width, w);
        EXPECT_EQ(img.height, h);
        EXPECT_EQ(img.colour_type, opaque ? 2 : 6);
        EXPECT_EQ(img.rgba, rgba);
        // One flipped bit in the image data fails its chunk's CRC.
        std::string bad = png;
        bad[bad.size() / 2] = static_cast<char>(bad[bad.size() / 2] ^ 0x10);
        EXPECT_NE(read_png(bad).error, "");
    }
}

TEST(PngLadder, DemoStreamArrowsBackgroundAndText) {
    const Ladder l = test::capture_ladder(kDemo, 0);
    ASSERT_GE(l.arrows.size(), 10u);
    LadderImageOptions o;
    std::string png, error;
    ASSERT_TRUE(ladder_image(l, LadderImageFormat::Png, o, png, error)) << error;
    if (const char* dir = std::getenv("SEQSCOPE_DUMP_DIR")) std::ofstream(std::string(dir) + "/ladder_demo.png") << png;
    const auto img = read_png(png);
    ASSERT_TRUE(img.error.empty()) << img.error;
    const auto picture = plan_ladder_picture(l, o.layout);
    ASSERT_TRUE(picture.has_value());
    EXPECT_EQ(img.width, static_cast<int>(std::ceil(picture->width * o.scale)));
    EXPECT_EQ(img.height, static_cast<int>(std::ceil(picture->height * o.scale)));

    const render::Rgb white = render::rgb(kLadderBackground);
    for (const auto& [x, y] : {std::pair{2, 2}, {img.width - 3, 2}, {img.width - 3, img.height - 3}, {2, img.height / 2}})
        EXPECT_EQ(distance(img.at(x, y), white), 0) << x << "," << y;

    // Along each arrow, near its tail (clear of the label and the links), the
    // line's centre is its kind's palette colour.
    std::size_t checked = 0;
    for (std::size_t i = 0; i < l.arrows.size(); ++i) {
        const ArrowGeometry& g = picture->layout.arrows[i];
        const render::Rgb want = render::rgb(palette::arrow(l.arrows[i].kind));
        for (double t : {0.07, 0.1, 0.13}) {
            const double x = (g.x0 + (g.x1 - g.x0) * t) * o.scale;
            const double y = (g.y0 + (g.y1 - g.y0) * t + picture->shift) * o.scale;
            int best = 1 << 30;  // the closest pixel to the colour within ±2 rows of the centre
            for (int dy = -2; dy <= 2; ++dy) best = std::min(best, distance(img.at(static_cast<int>(x), static_cast<int>(y) + dy), want));
            EXPECT_LE(best, 6) << "arrow " << i << " (" << to_string(l.arrows[i].kind) << ") at t=" << t;
            ++checked;
        }
    }
    EXPECT_EQ(checked, l.arrows.size() * 3);

    // Every arrow's label is inked on a background-coloured pill just above the
    // arrow's middle: dark text pixels and white pill pixels in a window there.
    for (std::size_t i = 0; i < l.arrows.size(); ++i) {
        const ArrowGeometry& g = picture->layout.arrows[i];
        const double cx = (g.x0 + g.x1) / 2, cy = (g.y0 + g.y1) / 2 + picture->shift - 8;
        int inked = 0, paper = 0;
        for (int y = static_cast<int>((cy - 5) * o.scale); y < static_cast<int>((cy + 5) * o.scale); ++y)
            for (int x = static_cast<int>((cx - 40) * o.scale); x < static_cast<int>((cx + 40) * o.scale); ++x) {
                inked += distance(img.at(x, y), render::rgb("#1D2733")) < 60 ? 1 : 0;
                paper += distance(img.at(x, y), white) == 0 ? 1 : 0;
            }
        EXPECT_GT(inked, 60) << "label of arrow " << i;
        EXPECT_GT(paper, 200) << "label pill of arrow " << i;
    }

    // The lane headers hold their titles: dark ink inside each box, and only the
    // box's fill and outline at its corners.
    const render::Rgb ink = render::rgb("#1D2733");
    for (double lane_x : picture->layout.lane_x) {
        const int x0 = static_cast<int>((lane_x - 110) * o.scale), x1 = static_cast<int>((lane_x + 110) * o.scale);
        const int y0 = static_cast<int>((picture->options.top - 60) * o.scale);
        const int y1 = static_cast<int>((picture->options.top - 40) * o.scale);
        int inked = 0;
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) inked += distance(img.at(x, y), ink) < 60 ? 1 : 0;
        EXPECT_GT(inked, 200) << "lane header at x=" << lane_x;
        EXPECT_LT(inked, (x1 - x0) * (y1 - y0) / 3);
        const int cy = static_cast<int>((picture->options.top - 30) * o.scale);
        EXPECT_EQ(distance(img.at(static_cast<int>((lane_x - 116) * o.scale), cy), render::rgb("#EEF3FA")), 0);
    }
}

TEST(PngLadder, ScaleAndFrameRange) {
    const Ladder l = test::capture_ladder(kDemo, 0);
    LadderImageOptions one;
    one.scale = 1;
    std::string png, error;
    ASSERT_TRUE(ladder_image(l, LadderImageFormat::Png, one, png, error)) << error;
    const auto full = read_png(png);
    ASSERT_TRUE(full.error.empty()) << full.error;
    EXPECT_EQ(full.width, static_cast<int>(one.layout.width));
    one.range = LadderFrameRange{4, 8};
    ASSERT_TRUE(ladder_image(l, LadderImageFormat::Png, one, png, error)) << error;
    const auto part = read_png(png);
    ASSERT_TRUE(part.error.empty()) << part.error;
    EXPECT_EQ(part.width, full.width);
    EXPECT_LT(part.height, full.height);
    one.range = LadderFrameRange{100000, 100001};
    EXPECT_FALSE(ladder_image(l, LadderImageFormat::Png, one, png, error));
    EXPECT_NE(error.find("100000"), std::string::npos) << error;
}

TEST(RasterSurface, RotatedAndBoldTextInkWhereItShould) {
    render::RasterSurface s(200, 100, 1, {255, 255, 255});
    const render::TextStyle st{render::Face::Mono, 12, false, {0, 0, 0}};
    s.text({100, 50}, "MMMM", st, render::Anchor::Middle, 90);  // downwards from (100, 50)
    const auto& c = s.canvas();
    int below = 0, above = 0, sideways = 0;
    for (int y = 0; y < 100; ++y)
        for (int x = 0; x < 200; ++x) {
            if (c.pixel(x, y) == render::Rgb{255, 255, 255}) continue;
            (y > 50 ? below : above) += 1;
            sideways += std::abs(x - 100) > 14 ? 1 : 0;
        }
    EXPECT_GT(below, 20);   // centred on the anchor: half the ink after it...
    EXPECT_GT(above, 20);   // ...half before
    EXPECT_EQ(sideways, 0); // and all of it along the vertical through x = 100
}
