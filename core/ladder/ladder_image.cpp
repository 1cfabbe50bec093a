// SPDX-License-Identifier: GPL-3.0-or-later
#include "ladder/ladder_image.h"

#include "render/pdf_surface.h"
#include "render/png_encoder.h"
#include "render/raster_surface.h"
#include "render/svg_surface.h"

#include <cmath>

namespace seqscope {

bool ladder_image(const Ladder& l, LadderImageFormat format, const LadderImageOptions& o, std::string& out,
                  std::string& error) {
    const auto picture = plan_ladder_picture(l, o.layout, o.range);
    if (!picture) {
        error = "frames " + std::to_string(o.range->first) + "–" + std::to_string(o.range->last) +
                " hold no segment of this conversation";
        return false;
    }
    const render::Rgb background = render::rgb(kLadderBackground);
    switch (format) {
    case LadderImageFormat::Svg: {
        render::SvgSurface svg(picture->width, picture->height, background);
        draw_ladder(svg, l, *picture);
        out = svg.finish();
        return true;
    }
    case LadderImageFormat::Pdf: {
        if (picture->height <= kLadderMaxPdfPageHeight) {
            render::PdfSurface pdf(picture->width, picture->height, background);
            draw_ladder(pdf, l, *picture);
            out = pdf.finish();
            return true;
        }
        std::optional<render::PdfSurface> pdf;
        for (const LadderFrameRange& range : ladder_pages(l, *picture, kLadderMaxPdfPageHeight)) {
            const auto page = plan_ladder_picture(l, o.layout, range);
            if (!page) continue;
            if (pdf) pdf->next_page(page->width, page->height, background);
            else pdf.emplace(page->width, page->height, background);
            draw_ladder(*pdf, l, *page);
        }
        out = pdf ? pdf->finish() : std::string();
        return pdf.has_value();
    }
    case LadderImageFormat::Png: {
        const double pixels_high = std::ceil(picture->height * o.scale);
        if (pixels_high > kLadderMaxPngHeight) {
            error = "the ladder would be " + std::to_string(static_cast<long long>(pixels_high)) +
                    " pixels tall, more than a PNG here may be (" + std::to_string(kLadderMaxPngHeight) +
                    "); export a frame range, a smaller scale, or SVG/PDF";
            return false;
        }
        render::RasterSurface raster(picture->width, picture->height, o.scale, background);
        draw_ladder(raster, l, *picture);
        const render::RasterCanvas& c = raster.canvas();
        out = render::encode_png(c.width(), c.height(), c.rgba());
        return true;
    }
    }
    return false;
}

}  // namespace seqscope
