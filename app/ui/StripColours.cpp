#include "StripColours.h"

#include <array>

namespace stagedesk::ui {

namespace {
constexpr std::array<QRgb, 8> kColours{0x5a5f66, 0xe5484d, 0x46c768, 0xf2c94c,
                                       0x4c8df6, 0xc86de8, 0x3ccfd8, 0xe8ebef};
} // namespace

QColor stripColour(int index) {
    return QColor::fromRgb(kColours[std::size_t(index < 0 ? 0 : index % 8)]);
}

QList<QColor> stripColours() {
    QList<QColor> colours;
    for (int i = 0; i < 16; ++i)
        colours.push_back(stripColour(i));
    return colours;
}

} // namespace stagedesk::ui
