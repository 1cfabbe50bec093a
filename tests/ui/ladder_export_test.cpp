// SPDX-License-Identifier: GPL-3.0-or-later
// Every ladder export written from the GUI and read back: the PNG loads at the
// export's size, the SVG is well-formed XML with the arrows' text in it, the PDF is
// a PDF; the pictures are the very files seqscope-cli writes for the same stream and
// options (one painter); the CSV's numbers and the diagrams' lines are tshark's.
#include "ui_test_support.h"

#include "support/ci_policy.h"

#include "ui/ladder/ladder_canvas.h"
#include "ui/draw/ladder_export.h"
#include "ui/ladder/ladder_view.h"
#include "ui/main_window.h"

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <utility>

namespace seqscope::ui {
namespace {

QByteArray read_all(const QString& path) {
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
    return f.readAll();
}

class LadderExport : public ::testing::Test {
protected:
    void SetUp() override {
        test::app();
        ASSERT_TRUE(dir.isValid());
        owned = std::make_unique<MainWindow>();
        MainWindow& window = *owned;
        window.resize(1500, 900);
        window.show();
        QSignalSpy done(&window, &MainWindow::loadFinished);
        ASSERT_TRUE(window.openFile(file));
        ASSERT_TRUE(done.count() > 0 || done.wait(30000));
        QSignalSpy shown(owned->ladderView(), &LadderView::ladderShown);
        ASSERT_TRUE(window.selectFrame(4));
        ASSERT_TRUE(shown.count() > 0 || shown.wait(30000));
    }
    QString file = QStringLiteral(SEQSCOPE_SOURCE_DIR "/resources/samples/demo-lo.pcapng");
    QTemporaryDir dir;
    std::unique_ptr<MainWindow> owned;  // made after the QApplication
};

TEST_F(LadderExport, PngOfTheWholeConversationAndOfTheView) {
    LadderView* view = owned->ladderView();
    const LadderScene& scene = view->canvas()->scene();
    const QString whole = dir.filePath(QStringLiteral("whole.png"));
    QString error;
    ASSERT_TRUE(view->exportTo(whole, LadderExportFormat::Png, false, &error)) << error.toStdString();
    QImage image(whole);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.width(), 900);  // the export width for two lanes, whatever the window's
    EXPECT_GT(image.height(), 17 * static_cast<int>(scene.rowHeight()));
    // Not a blank page: the arrows' colours are in it.
    int coloured = 0;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            coloured += image.pixelColor(x, y).saturation() > 80;
    EXPECT_GT(coloured, 200);

    const QString part = dir.filePath(QStringLiteral("view.png"));
    ASSERT_TRUE(view->exportTo(part, LadderExportFormat::Png, true, &error)) << error.toStdString();
    const QImage band(part);
    EXPECT_EQ(band.size(), view->canvas()->viewport()->size());
}

TEST_F(LadderExport, SvgParsesAsXmlWithEveryFrame) {
    const QString path = dir.filePath(QStringLiteral("ladder.svg"));
    QString error;
    ASSERT_TRUE(owned->ladderView()->exportTo(path, LadderExportFormat::Svg, false, &error)) << error.toStdString();
    QXmlStreamReader xml(read_all(path));
    bool svg_root = false;
    QStringList texts;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("svg")) svg_root = true;
        if (xml.isCharacters()) texts << xml.text().toString().trimmed();
    }
    ASSERT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_TRUE(svg_root);
    const QString all = texts.join(QLatin1Char('\n'));
    for (const LadderArrow& a : owned->ladderView()->canvas()->ladder()->arrows)
        EXPECT_TRUE(texts.contains(QString::number(a.frame.value))) << "frame " << a.frame.value;
    EXPECT_TRUE(all.contains(QStringLiteral("127.0.0.1:7777")));
}

TEST_F(LadderExport, PdfIsAPdf) {
    const QString path = dir.filePath(QStringLiteral("ladder.pdf"));
    QString error;
    ASSERT_TRUE(owned->ladderView()->exportTo(path, LadderExportFormat::Pdf, false, &error)) << error.toStdString();
    const QByteArray pdf = read_all(path);
    EXPECT_TRUE(pdf.startsWith("%PDF-")) << pdf.left(16).toStdString();
    EXPECT_TRUE(pdf.trimmed().endsWith("%%EOF"));
}

// CSV splits on commas outside double quotes.
QStringList csvCells(const QString& line) {
    QStringList cells;
    QString cell;
    bool quoted = false;
    for (const QChar c : line) {
        if (c == QLatin1Char('"')) quoted = !quoted;
        else if (c == QLatin1Char(',') && !quoted) cells << std::exchange(cell, QString());
        else cell += c;
    }
    return cells << cell;
}

TEST_F(LadderExport, TablesAndDiagramsCarryTsharksNumbers) {
    SEQSCOPE_REQUIRE_TSHARK();
    const QStringList want = test::program_lines(
        QStringLiteral("tshark"), {QStringLiteral("-r"), file, QStringLiteral("-Y"), QStringLiteral("tcp.stream == 0"),
                                   QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-E"),
                                   QStringLiteral("separator=,"), QStringLiteral("-e"), QStringLiteral("frame.number"),
                                   QStringLiteral("-e"), QStringLiteral("tcp.seq"), QStringLiteral("-e"),
                                   QStringLiteral("tcp.len"), QStringLiteral("-e"), QStringLiteral("tcp.ack")});
    ASSERT_EQ(want.size(), 17);
    QString error;
    const QString csv = dir.filePath(QStringLiteral("ladder.csv"));
    ASSERT_TRUE(owned->ladderView()->exportTo(csv, LadderExportFormat::Csv, false, &error)) << error.toStdString();
    const QStringList rows = QString::fromUtf8(read_all(csv)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(rows.size(), want.size() + 1) << "a header and a row per frame";
    const QStringList header = csvCells(rows[0]);
    const auto col = [&](const char* name) { return header.indexOf(QString::fromLatin1(name)); };
    for (int i = 0; i < want.size(); ++i) {
        const QStringList t = want[i].split(QLatin1Char(','));
        const QStringList c = csvCells(rows[i + 1]);
        SCOPED_TRACE("frame " + t[0].toStdString());
        EXPECT_EQ(c.value(col("No.")), t[0]);
        EXPECT_EQ(c.value(col("Seq")), t[1]);
        EXPECT_EQ(c.value(col("Len")), t[2]);
        // tshark prints no Ack on a SYN; the table leaves it empty too.
        EXPECT_EQ(c.value(col("Ack")), t[3] == QLatin1String("0") && i == 0 ? QString() : t[3]);
    }
    // PlantUML and Mermaid: one message per frame, with tshark's Seq.
    for (const auto format : {LadderExportFormat::PlantUml, LadderExportFormat::Mermaid}) {
        const QString path = dir.filePath(QStringLiteral("ladder.") + exportSuffix(format));
        ASSERT_TRUE(owned->ladderView()->exportTo(path, format, false, &error)) << error.toStdString();
        const QString text = QString::fromUtf8(read_all(path));
        for (const QString& w : want) {
            const QStringList t = w.split(QLatin1Char(','));
            EXPECT_TRUE(text.contains(QStringLiteral(": %1: ").arg(t[0]) ) && text.contains(QStringLiteral("Seq=%1 ").arg(t[1])))
                << exportSuffix(format).toStdString() << " frame " << t[0].toStdString();
        }
    }
}

TEST_F(LadderExport, PicturesAreTheFilesTheCliWrites) {
    QString error;
    const QString gui_png = dir.filePath(QStringLiteral("gui.png")), cli_png = dir.filePath(QStringLiteral("cli.png"));
    ASSERT_TRUE(owned->ladderView()->exportTo(gui_png, LadderExportFormat::Png, false, &error)) << error.toStdString();
    int code = -1;
    test::cli_lines({QStringLiteral("-q"), QStringLiteral("-r"), file, QStringLiteral("-z"), QStringLiteral("ladder,0"),
                     QStringLiteral("--export"), QStringLiteral("png"), QStringLiteral("--scale"), QStringLiteral("1"),
                     QStringLiteral("-o"), cli_png},
                    &code);
    ASSERT_EQ(code, 0);
    const QImage gui(gui_png), theirs(cli_png);
    ASSERT_FALSE(gui.isNull());
    ASSERT_EQ(gui.size(), theirs.size());
    EXPECT_TRUE(gui.convertToFormat(QImage::Format_RGB32) == theirs.convertToFormat(QImage::Format_RGB32))
        << "the window's export and seqscope-cli's differ";

    const QString gui_svg = dir.filePath(QStringLiteral("gui.svg"));
    ASSERT_TRUE(owned->ladderView()->exportTo(gui_svg, LadderExportFormat::Svg, false, &error)) << error.toStdString();
    const QStringList svg = test::cli_lines({QStringLiteral("-q"), QStringLiteral("-r"), file, QStringLiteral("-z"),
                                             QStringLiteral("ladder,0"), QStringLiteral("--export"), QStringLiteral("svg")},
                                            &code);
    ASSERT_EQ(code, 0);
    EXPECT_EQ(QString::fromUtf8(read_all(gui_svg)).split(QLatin1Char('\n')).filter(QStringLiteral("<text")),
              svg.filter(QStringLiteral("<text")));
}

TEST(LadderExportFormat, KnowsItsSuffixes) {
    for (LadderExportFormat f : {LadderExportFormat::Png, LadderExportFormat::Svg, LadderExportFormat::Pdf,
                                 LadderExportFormat::PlantUml, LadderExportFormat::Mermaid, LadderExportFormat::Csv,
                                 LadderExportFormat::Markdown})
        EXPECT_EQ(exportFormatForPath(QStringLiteral("x.") + exportSuffix(f)), f);
    EXPECT_FALSE(exportFormatForPath(QStringLiteral("x.doc")).has_value());
}

}  // namespace
}  // namespace seqscope::ui
