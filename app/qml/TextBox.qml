import QtQuick
import Stagedesk

// A one-line text field with a >= 9 mm target; tapping it brings up the
// on-screen keyboard (OnScreenKeyboard follows the focused TextInput).
Rectangle {
    id: box
    property alias text: input.text
    property alias input: input
    property string inputName
    signal edited(string text) // Enter on the keyboard, or focus moved away

    implicitWidth: 300
    implicitHeight: Theme.touch
    color: "#07090b"
    border.color: input.activeFocus ? Theme.accent : Theme.line
    border.width: 2
    radius: 4
    TextInput {
        id: input
        objectName: box.inputName
        anchors.fill: parent; anchors.margins: 10
        verticalAlignment: TextInput.AlignVCenter
        clip: true
        color: Theme.text
        font.pixelSize: Theme.fontNormal
        onEditingFinished: box.edited(text)
    }
}
