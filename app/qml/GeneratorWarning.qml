import QtQuick
import Stagedesk

// The status bar's warning while the signal generator is on, on every page:
// what it plays, and one touch turns it off, so it is never left on by accident.
Rectangle {
    id: warning
    required property SoundcheckParams params
    objectName: "generatorWarning"
    visible: params.generatorOn
    implicitWidth: label.implicitWidth + 32
    implicitHeight: Theme.touch - 4
    radius: 6
    color: tap.pressed ? Qt.darker(Theme.generator, 1.4) : Theme.generator

    Text {
        id: label
        objectName: "generatorWarningText"
        anchors.centerIn: parent
        text: "GENERATOR ON  " + warning.params.generatorText + "   ✕ OFF"
        color: "#000000"
        font.pixelSize: Theme.fontNormal
        font.bold: true
    }
    TapHandler {
        id: tap
        onTapped: warning.params.setOn("/config/osc/on", false)
    }
}
