import QtQuick
import Stagedesk

// A horizontal control for one parameter (value 0..1 of its travel), with its
// name and value as text. Relative drag, like the faders; its own finger.
Rectangle {
    id: slider
    property string label
    property string valueText
    property real value: 0
    property color fillColour: Theme.accent
    signal moved(real value)

    implicitHeight: Theme.touch
    implicitWidth: 260
    radius: 4
    color: Theme.panelRaised
    border.color: Theme.line

    Rectangle {
        x: 2; y: 2
        height: parent.height - 4
        width: (parent.width - 4) * slider.value
        radius: 3
        color: Qt.darker(slider.fillColour, 1.8)
    }
    Rectangle {
        x: 2 + (parent.width - 8) * slider.value
        y: 2
        width: 4
        height: parent.height - 4
        color: slider.fillColour
    }
    // Narrow: the name small at the top, the value at the bottom right.
    readonly property bool stacked: width < 170
    Text {
        x: slider.stacked ? 6 : 10
        y: slider.stacked ? 2 : (parent.height - height) / 2
        text: slider.label
        font.pixelSize: slider.stacked ? 11 : Theme.fontSmall
        color: Theme.textDim
    }
    Text {
        anchors.right: parent.right
        anchors.rightMargin: slider.stacked ? 6 : 10
        y: slider.stacked ? parent.height - height - 2 : (parent.height - height) / 2
        text: slider.valueText
        color: Theme.text
        font.pixelSize: Theme.fontNormal
        font.bold: true
    }
    MultiPointTouchArea {
        property real startX: 0
        property real startValue: 0
        anchors.fill: parent
        mouseEnabled: true
        maximumTouchPoints: 1
        onPressed: (points) => { startX = points[0].x; startValue = slider.value }
        onUpdated: (points) => slider.moved(Math.max(0, Math.min(1,
                       startValue + (points[0].x - startX) / slider.width)))
    }
}
