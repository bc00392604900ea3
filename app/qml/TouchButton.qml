import QtQuick
import Stagedesk

// A latching or momentary button with a >= 9 mm target; tap only, no hover.
Rectangle {
    id: button
    property string text
    property bool checked: false
    property color checkedColour: Theme.accent
    property color textColour: checked ? "#0c0e11" : Theme.text
    property int fontSize: Theme.fontNormal
    signal clicked()

    implicitWidth: Math.max(Theme.touch, label.implicitWidth + 24)
    implicitHeight: Theme.touch
    radius: 6
    color: checked ? checkedColour : (tap.pressed ? Theme.line : Theme.panelRaised)
    border.color: checked ? Qt.lighter(checkedColour, 1.3) : Theme.line
    border.width: 2
    opacity: enabled ? 1 : 0.4

    Text {
        id: label
        anchors.centerIn: parent
        width: parent.width - 8
        horizontalAlignment: Text.AlignHCenter
        elide: Text.ElideRight
        text: button.text
        color: button.textColour
        font.pixelSize: button.fontSize
        font.bold: true
    }
    TapHandler {
        id: tap
        onTapped: button.clicked()
    }
}
