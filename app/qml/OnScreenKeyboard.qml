import QtQuick
import Stagedesk

// The console's own keyboard: everything typed on the screen without a
// physical keyboard. It shows while a TextInput has the focus, docked at the
// bottom (or at the top when the field is in the lower half, so that the
// field stays visible). Keys type into the focused field; ENTER finishes the
// edit (the field's editingFinished) and hides the keyboard.
Rectangle {
    id: keyboard
    required property Item target // the window's activeFocusItem
    property bool shifted: false
    readonly property bool active: target !== null && target instanceof TextInput
    readonly property real key: Math.max(Theme.touch, 64)
    readonly property var rows: [
        ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "-", "backspace"],
        ["q", "w", "e", "r", "t", "y", "u", "i", "o", "p", "/", "+"],
        ["a", "s", "d", "f", "g", "h", "j", "k", "l", ".", "_", "enter"],
        ["shift", "z", "x", "c", "v", "b", "n", "m", ",", ":", "'", "hide"],
        ["space"]
    ]
    readonly property var wide: ({ "backspace": 2, "enter": 2, "shift": 2, "hide": 2, "space": 8 })
    readonly property var captions: ({ "backspace": "⌫", "enter": "ENTER", "shift": "⇧",
                                       "hide": "HIDE", "space": "SPACE" })

    visible: active
    width: column.implicitWidth + 24
    height: column.implicitHeight + 24
    color: Theme.panel
    border.color: Theme.accent
    border.width: 2
    radius: 8

    function press(name) {
        const field = keyboard.target
        if (!field)
            return
        if (name === "hide" || name === "enter") {
            field.focus = false // the field's editingFinished applies the text
            return
        }
        if (name === "shift") {
            shifted = !shifted
            return
        }
        if (field.selectedText.length > 0)
            field.remove(field.selectionStart, field.selectionEnd)
        if (name === "backspace") {
            if (field.cursorPosition > 0)
                field.remove(field.cursorPosition - 1, field.cursorPosition)
            return
        }
        const typed = name === "space" ? " " : (shifted ? name.toUpperCase() : name)
        field.insert(field.cursorPosition, typed)
        shifted = false
    }

    Column {
        id: column
        anchors.centerIn: parent
        spacing: 6
        Repeater {
            model: keyboard.rows
            Row {
                required property var modelData
                anchors.horizontalCenter: parent.horizontalCenter
                spacing: 6
                Repeater {
                    model: parent.modelData
                    TouchButton {
                        required property string modelData
                        readonly property int span: keyboard.wide[modelData] || 1
                        objectName: "key_" + modelData
                        width: keyboard.key * span + 6 * (span - 1)
                        height: keyboard.key
                        fontSize: Theme.fontLarge
                        text: keyboard.captions[modelData]
                              || (keyboard.shifted ? modelData.toUpperCase() : modelData)
                        checked: modelData === "shift" && keyboard.shifted
                        onClicked: keyboard.press(modelData)
                    }
                }
            }
        }
    }
}
