import QtQuick
import Stagedesk

// A panel's title: small, dim, in capitals.
Text {
    color: Theme.textDim
    font.pixelSize: Theme.fontSmall
    font.bold: true
    font.capitalization: Font.AllUppercase
}
