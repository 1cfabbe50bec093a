// SPDX-License-Identifier: GPL-3.0-or-later
// seqscope-cli's pictures end to end (the built binary, as a user runs it), read
// back by readers that are not ours: QImage for PNG, an XML parser and QSvgRenderer
// for SVG, poppler's pdfinfo, pdftotext and pdftoppm for PDF. Expectations come from
// the capture (tshark's view of the demo: 17 frames, ports 5555 and 7777, the Ack
// equations a reader can check by hand) and from the mock-ups' palette.
#include "ui_test_support.h"

#include <QColor>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>

namespace seqscope::ui {
namespace {

const QString kDemo = QStringLiteral(SEQSCOPE_SOURCE_DIR "/resources/samples/demo-lo.pcapng");
const QString kVariations = QStringLiteral(SEQSCOPE_SOURCE_DIR "/resources/samples/demo-lo-variations.pcapng");

struct Ran {
    int status = -1;
    QByteArray out, err;
};

Ran run(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    EXPECT_TRUE(p.waitForFinished(60000)) << program.toStdString() << " did not finish";
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

Ran cli(const QStringList& args) { return run(QStringLiteral(SEQSCOPE_CLI), args); }

// Pixels within a small distance of `want` (anti-aliased edges blend toward white).
int pixelsNear(const QImage& image, const QColor& want, int step = 1) {
    int n = 0;
    for (int y = 0; y < image.height(); y += step)
        for (int x = 0; x < image.width(); x += step) {
            const QColor c = image.pixelColor(x, y);
            n += std::abs(c.red() - want.red()) + std::abs(c.green() - want.green()) + std::abs(c.blue() - want.blue()) < 24;
        }
    return n;
}

QString svgText(const QByteArray& svg, bool* well_formed) {
    QXmlStreamReader xml(svg);
    QStringList texts;
    bool root = false;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("svg")) root = true;
        if (xml.isCharacters()) texts << xml.text().toString().trimmed();
    }
    *well_formed = root && !xml.hasError();
    return texts.join(QLatin1Char('\n'));
}

class CliPictures : public ::testing::Test {
protected:
    void SetUp() override {
        test::app();
        ASSERT_TRUE(dir.isValid());
    }
    QString file(const char* name) const { return dir.filePath(QString::fromLatin1(name)); }
    QTemporaryDir dir;
};

TEST_F(CliPictures, LadderPngAtEachScaleAndFrameRange) {
    Ran r = cli({QStringLiteral("-r"), kDemo, QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("ladder,0"),
                 QStringLiteral("--export"), QStringLiteral("png"), QStringLiteral("-o"), file("two.png")});
    ASSERT_EQ(r.status, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString();  // nothing of Qt's on stderr
    const QImage two(file("two.png"));
    ASSERT_FALSE(two.isNull());
    EXPECT_EQ(two.width(), 1800);  // 900 px drawing at the default 2x

    r = cli({QStringLiteral("-r"), kDemo, QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("ladder,0"),
             QStringLiteral("--export"), QStringLiteral("png"), QStringLiteral("--scale"), QStringLiteral("1"),
             QStringLiteral("-o"), file("one.png")});
    ASSERT_EQ(r.status, 0) << r.err.toStdString();
    const QImage one(file("one.png"));
    ASSERT_EQ(one.width(), 900);
    EXPECT_NEAR(one.height() * 2, two.height(), 2);
    // The mock-ups' colours of the demo's arrows: data (PSH), pure ACKs, SYN/FIN; and
    // ESTABLISHED's green along the lifelines.
    EXPECT_GT(pixelsNear(one, QColor(0x2F, 0x6F, 0xCC)), 300) << "data arrows";
    EXPECT_GT(pixelsNear(one, QColor(0x5E, 0x73, 0x85)), 300) << "pure ACK arrows";
    EXPECT_GT(pixelsNear(one, QColor(0x7A, 0x55, 0xC4)), 300) << "SYN/FIN arrows";
    EXPECT_GT(pixelsNear(one, QColor(0x3D, 0x9F, 0x6C)), 2000) << "ESTABLISHED bands";
    // RST red: only the legend's swatch in this FIN close; an RST close has its arrow too.
    const QColor red(0xCC, 0x3D, 0x3D);
    r = cli({QStringLiteral("-r"), kVariations, QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("ladder,1"),
             QStringLiteral("--export"), QStringLiteral("png"), QStringLiteral("--scale"), QStringLiteral("1"),
             QStringLiteral("-o"), file("rst.png")});
    ASSERT_EQ(r.status, 0) << r.err.toStdString();
    EXPECT_GT(pixelsNear(QImage(file("rst.png")), red), pixelsNear(one, red) + 100) << "the RST arrow of stream 1";

    r = cli({QStringLiteral("-r"), kDemo, QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("ladder,0"),
             QStringLiteral("--frames"), QStringLiteral("4-8"), QStringLiteral("--export"), QStringLiteral("png"),
             QStringLiteral("--scale"), QStringLiteral("1"), QStringLiteral("-o"), file("part.png")});
    ASSERT_EQ(r.status, 0) << r.err.toStdString();
    const QImage part(file("part.png"));
    EXPECT_EQ(part.width(), 900);
    EXPECT_LT(part.height(), one.height() / 2);
    EXPECT_GT(pixelsNear(part, QColor(0x2F, 0x6F, 0xCC)), 100) << "frames 4, 6, 8 carry data";
}

TEST_F(CliPictures, LadderSvgIsWellFormedAndCarriesTheArithmetic) {
    const Ran r = cli({QStringLiteral("-r"), kDemo, QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("ladder,0"),
                       QStringLiteral("--export"), QStringLiteral("svg")});
    ASSERT_EQ(r.status, 0) << r.err.toStdString();
    bool ok = false;
    const QString text = svgText(r.out, &ok);
    ASSERT_TRUE(ok) << r.out.left(200).toStdString();
    EXPECT_TRUE(QSvgRenderer(r.out).isValid());
    for (int frame = 1; frame <= 17; ++frame)
        EXPECT_TRUE(text.split(QLatin1Char('\n')).contains(QString::number(frame))) << "frame " << frame;
    // The demo's exchange: "from B" (6 bytes) from 5555, acknowledged by 7777 with Ack 7.
    for (const char* s : {"127.0.0.1:5555", "127.0.0.1:7777", "Ack 7", "SYN_SENT", "TIME_WAIT", "CLOSE_WAIT"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(s))) << s;
}

TEST_F(CliPictures, LadderPdfReadByPoppler) {
    const Ran r = cli({QStringLiteral("-r"), kDemo, QStringLiteral("-q"), QStringLiteral("-z"),
                       QStringLiteral("ladder,0,raw"), QStringLiteral("--export"), QStringLiteral("pdf"),
                       QStringLiteral("-o"), file("raw.pdf")});
    ASSERT_EQ(r.status, 0) << r.err.toStdString();
    const Ran info = run(QStringLiteral("pdfinfo"), {file("raw.pdf")});
    ASSERT_EQ(info.status, 0) << "pdfinfo (poppler-utils) could not read it: " << info.err.toStdString();
    EXPECT_TRUE(info.out.contains("Pages:           1")) << info.out.toStdString();
    const Ran text = run(QStringLiteral("pdftotext"), {file("raw.pdf"), QStringLiteral("-")});
    ASSERT_EQ(text.status, 0) << text.err.toStdString();
    const QString t = QString::fromUtf8(text.out);
    EXPECT_TRUE(t.contains(QStringLiteral("raw seq/ack"))) << t.left(300).toStdString();
    EXPECT_TRUE(t.contains(QStringLiteral("127.0.0.1:7777")));
    EXPECT_FALSE(t.contains(QStringLiteral("Ack 1 = 0 + SYN"))) << "raw numbers: no relative equation";
    // Rendered by poppler: the arrows' colours are on the page.
    const Ran ppm = run(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("48"),
                                                     QStringLiteral("-singlefile"), file("raw.pdf"), file("page")});
    ASSERT_EQ(ppm.status, 0) << ppm.err.toStdString();
    const QImage page(file("page.png"));
    ASSERT_FALSE(page.isNull());
    EXPECT_GT(pixelsNear(page, QColor(0x3D, 0x9F, 0x6C)), 100) << "ESTABLISHED bands";
}

TEST_F(CliPictures, TimelineInEachFormat) {
    Ran r = cli({QStringLiteral("-r"), kVariations, QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("timeline"),
                 QStringLiteral("--export"), QStringLiteral("png"), QStringLiteral("--scale"), QStringLiteral("1"),
                 QStringLiteral("-o"), file("t.png")});
    ASSERT_EQ(r.status, 0) << r.err.toStdString();
    const QImage png(file("t.png"));
    ASSERT_EQ(png.width(), 1400);
    EXPECT_GT(pixelsNear(png, QColor(0xCC, 0x3D, 0x3D)), 20) << "the RST and refused markers (streams 1 and 3)";

    r = cli({QStringLiteral("-r"), kVariations, QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("timeline"),
             QStringLiteral("--export"), QStringLiteral("svg")});
    ASSERT_EQ(r.status, 0) << r.err.toStdString();
    bool ok = false;
    const QString text = svgText(r.out, &ok);
    ASSERT_TRUE(ok);
    // tshark counts 6 TCP streams and 1 UDP stream in this capture.
    for (int s = 0; s < 6; ++s)
        EXPECT_TRUE(text.contains(QStringLiteral("tcp.stream %1").arg(s))) << s;
    EXPECT_TRUE(text.contains(QStringLiteral("udp.stream 0")));
    EXPECT_TRUE(text.contains(QStringLiteral("refused")));

    r = cli({QStringLiteral("-r"), kVariations, QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("timeline"),
             QStringLiteral("--export"), QStringLiteral("pdf"), QStringLiteral("-o"), file("t.pdf")});
    ASSERT_EQ(r.status, 0) << r.err.toStdString();
    const Ran pdf = run(QStringLiteral("pdftotext"), {file("t.pdf"), QStringLiteral("-")});
    ASSERT_EQ(pdf.status, 0) << pdf.err.toStdString();
    EXPECT_TRUE(pdf.out.contains("tcp.stream 5")) << pdf.out.left(300).toStdString();
}

TEST_F(CliPictures, ErrorsAreSentencesAndFail) {
    const auto fails_with = [&](const QStringList& extra, const char* sentence) {
        QStringList args = {QStringLiteral("-r"), kDemo, QStringLiteral("-q")};
        args += extra;
        const Ran r = cli(args);
        EXPECT_NE(r.status, 0) << extra.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(r.err.contains(sentence)) << r.err.toStdString();
    };
    fails_with({QStringLiteral("-z"), QStringLiteral("ladder,0"), QStringLiteral("--export"), QStringLiteral("png")},
               "name it with -o FILE");
    fails_with({QStringLiteral("-z"), QStringLiteral("ladder,0"), QStringLiteral("--export"), QStringLiteral("pdf"),
                QStringLiteral("-o"), QStringLiteral("/nonexistent-dir/x.pdf")},
               "could not write \"/nonexistent-dir/x.pdf\": No such file or directory.");
    fails_with({QStringLiteral("-z"), QStringLiteral("ladder,99"), QStringLiteral("--export"), QStringLiteral("png"),
                QStringLiteral("-o"), file("x.png")},
               "there is no tcp.stream 99");
    EXPECT_FALSE(QFile::exists(file("x.png")));
    fails_with({QStringLiteral("-z"), QStringLiteral("ladder,0"), QStringLiteral("--frames"), QStringLiteral("9999-10000"),
                QStringLiteral("--export"), QStringLiteral("png"), QStringLiteral("-o"), file("x.png")},
               "hold no segment");
    fails_with({QStringLiteral("-z"), QStringLiteral("timeline")}, "-z timeline is a picture");
    for (const char* bad : {"--scale 9", "--scale x", "--frames 5-2", "--frames 0-3", "--frames 3-", "--export gif"}) {
        QStringList args = {QStringLiteral("-z"), QStringLiteral("ladder,0")};
        args += QString::fromLatin1(bad).split(QLatin1Char(' '));
        args += {QStringLiteral("-o"), file("y")};
        QStringList all = {QStringLiteral("-r"), kDemo, QStringLiteral("-q")};
        all += args;
        const Ran r = cli(all);
        EXPECT_NE(r.status, 0) << bad;
        EXPECT_FALSE(r.err.isEmpty()) << bad;
    }
}

}  // namespace
}  // namespace seqscope::ui
