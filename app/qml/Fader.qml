import QtQuick
import Stagedesk

// A vertical fader on the X32 law (value 0..1), with its dB scale. Each fader
// takes its own finger, so several can move at once. A drag is relative: the
// cap moves with the finger from where it was, never jumps to it. A value
// that changes from elsewhere (OSC, MIDI, a scene) glides to its place.
Item {
    id: fader
    property real value: 0
    property var marks: []
    property color capColour: Theme.text
    readonly property bool dragging: touch.dragging
    readonly property real travel: height - cap.height
    signal moved(real value)

    implicitWidth: 64

    Rectangle { // the slot
        id: slot
        x: fader.width - 30
        width: 8
        radius: 4
        y: cap.height / 2
        height: fader.travel
        color: "#050607"
        border.color: Theme.line
    }
    Repeater {
        model: fader.marks
        Item {
            y: cap.height / 2 + (1 - modelData.position) * fader.travel
            Rectangle { x: slot.x - 8; width: 6; height: 1; color: Theme.textDim }
            Text {
                x: 0
                width: slot.x - 12
                y: -height / 2
                horizontalAlignment: Text.AlignRight
                text: modelData.label
                color: modelData.label === "0" ? Theme.text : Theme.textDim
                font.pixelSize: 11
                font.bold: modelData.label === "0"
            }
        }
    }
    Rectangle {
        id: cap
        objectName: "faderCap"
        x: slot.x + slot.width / 2 - width / 2
        width: 44
        height: Theme.touch
        radius: 4
        y: (1 - fader.value) * fader.travel
        Behavior on y {
            enabled: !fader.dragging
            NumberAnimation { duration: 150; easing.type: Easing.OutCubic }
        }
        gradient: Gradient {
            GradientStop { position: 0; color: "#d8dde4" }
            GradientStop { position: 0.48; color: "#8b939e" }
            GradientStop { position: 0.5; color: fader.capColour }
            GradientStop { position: 0.52; color: "#8b939e" }
            GradientStop { position: 1; color: "#5b626c" }
        }
        border.color: "#000"
    }
    MultiPointTouchArea {
        id: touch
        property bool dragging: false // MultiPointTouchArea has no "pressed"
        property real startY: 0
        property real startValue: 0
        anchors.fill: parent
        mouseEnabled: true
        maximumTouchPoints: 1
        onPressed: (points) => {
            dragging = true
            startY = points[0].y
            startValue = fader.value
        }
        onReleased: dragging = false
        onCanceled: dragging = false
        onUpdated: (points) => {
            fader.moved(Math.max(0, Math.min(1, startValue - (points[0].y - startY) / fader.travel)))
        }
    }
}
