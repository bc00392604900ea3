import QtQuick
import Stagedesk

// A level meter (0..1 on the meter scale) with peak hold and clip, and the
// gate and compressor gain reduction as bars hanging from the top.
Item {
    id: meter
    property real level: 0
    property real peakHold: 0
    property bool clip: false
    property real gateGr: 0
    property real compGr: 0
    property bool showReduction: true

    implicitWidth: showReduction ? 30 : 14

    Rectangle {
        id: clipLight
        objectName: "clip"
        width: 14
        height: 10
        radius: 2
        color: meter.clip ? Theme.meterHigh : "#2a1010"
    }
    Rectangle {
        id: well
        y: clipLight.height + 3
        width: 14
        height: meter.height - y
        color: "#050607"
        border.color: Theme.line
        Rectangle {
            anchors.bottom: parent.bottom
            anchors.horizontalCenter: parent.horizontalCenter
            width: parent.width - 4
            height: (parent.height - 2) * meter.level
            gradient: Gradient {
                GradientStop { position: 0; color: Theme.meterHigh }
                GradientStop { position: 0.15; color: Theme.meterMid }
                GradientStop { position: 0.35; color: Theme.meterLow }
                GradientStop { position: 1; color: Qt.darker(Theme.meterLow, 1.6) }
            }
        }
        Rectangle {
            visible: meter.peakHold > 0.01
            x: 2
            width: parent.width - 4
            height: 2
            y: (parent.height - 2) * (1 - meter.peakHold)
            color: meter.peakHold > 0.9 ? Theme.meterHigh : Theme.text
        }
    }
    Row {
        visible: meter.showReduction
        x: well.width + 2
        y: well.y
        spacing: 2
        Rectangle {
            width: 6; height: well.height; color: "#050607"
            Rectangle { width: 6; height: parent.height * meter.gateGr; color: Theme.gate }
        }
        Rectangle {
            width: 6; height: well.height; color: "#050607"
            Rectangle { width: 6; height: parent.height * meter.compGr; color: Theme.comp }
        }
    }
}
