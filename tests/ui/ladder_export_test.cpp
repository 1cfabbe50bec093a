// SPDX-License-Identifier: GPL-3.0-or-later
// Every ladder export written from the GUI and read back: the PNG loads at the
// drawing's size, the SVG is well-formed XML with the arrows' text in it, the PDF
// is a PDF, and the text formats are exactly what seqscope-cli writes for the
// same stream (-z ladder,N --export FMT -o FILE).
#include "ui_test_support.h"

#include "ui/ladder/ladder_canvas.h"
#include "ui/ladder/ladder_export.h"
#include "ui/ladder/ladder_view.h"
#include "ui/main_window.h"

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QXmlStreamReader>

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
    QString cliExport(const char* format, const QString& out) {
        int code = -1;
        test::cli_lines({QStringLiteral("-q"), QStringLiteral("-r"), file, QStringLiteral("-z"), QStringLiteral("ladder,0"),
                         QStringLiteral("--export"), QString::fromLatin1(format), QStringLiteral("-o"), out},
                        &code);
        EXPECT_EQ(code, 0);
        return out;
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
    EXPECT_EQ(image.width(), static_cast<int>(std::ceil(scene.width())));
    EXPECT_EQ(image.height(), static_cast<int>(std::ceil(scene.height())));
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

TEST_F(LadderExport, TextFormatsMatchTheCli) {
    const struct {
        LadderExportFormat format;
        const char* cli;
    } cases[] = {{LadderExportFormat::Csv, "csv"},
                 {LadderExportFormat::Markdown, "md"},
                 {LadderExportFormat::PlantUml, "plantuml"},
                 {LadderExportFormat::Mermaid, "mermaid"}};
    for (const auto& c : cases) {
        const QString ours = dir.filePath(QStringLiteral("gui.") + exportSuffix(c.format));
        const QString theirs = dir.filePath(QStringLiteral("cli.") + exportSuffix(c.format));
        QString error;
        ASSERT_TRUE(owned->ladderView()->exportTo(ours, c.format, false, &error)) << error.toStdString();
        cliExport(c.cli, theirs);
        const QByteArray want = read_all(theirs);
        EXPECT_FALSE(want.isEmpty()) << c.cli;
        EXPECT_EQ(read_all(ours), want) << c.cli;
    }
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
