#pragma once
// The on-screen colour of an X32 strip colour index (/ch/NN/config/color):
// OFF, RD, GN, YE, BL, MG, CY, WH, then the same eight inverted. Bright
// enough to read on the dark theme; the inverted ones are drawn the same.

#include <QColor>
#include <QList>

namespace stagedesk::ui {

QColor stripColour(int index);
// All sixteen, for the colour picker.
QList<QColor> stripColours();

} // namespace stagedesk::ui
