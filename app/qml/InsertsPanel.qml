import QtQuick
import Stagedesk

// The channel page's insert slots: the four slots of the channel (plugin,
// status, ON, PRE/POST EQ, remove, latency), the delay compensation of its
// path, and the selected slot in full (SlotDetail).
// Bindings read "model.revision >= 0 ? model.f(...) : undefined" to follow
// every change of the model: Qt 6.4's QML compiler drops the unused left
// side of "(model.revision, model.f(...))".
Panel {
    id: panel
    required property Console console
    readonly property StripInsertsModel ins: console.plugins.inserts
    signal closed()

    function ms(samples) { return (samples / ins.sampleRate * 1000).toFixed(2) + " ms" }

    Heading {
        x: 12; y: 8 + (Theme.touch - height) / 2
        text: "Inserts — " + panel.console.channel.label + "  " + panel.console.channel.name
    }
    TouchButton {
        objectName: "eqView"
        anchors.right: parent.right; anchors.margins: 8; y: 8
        width: 220; text: "EQ · DYNAMICS"
        onClicked: panel.closed()
    }

    Column {
        id: slotColumn
        x: 12; y: Theme.touch + 16
        width: (parent.width - 36) * 0.55
        spacing: 8
        Repeater {
            model: panel.ins.count
            PluginSlotRow {
                id: row
                slots: panel.ins
                width: slotColumn.width
                // Two lines where the height allows, one line of buttons beside the name otherwise.
                height: Math.max(Theme.touch + 8, Math.min(Theme.touch * 2 + 16,
                    (panel.height - slotColumn.y - delayBox.height - 12 - 4 * slotColumn.spacing) / 4))
                TouchButton {
                    objectName: "slotPos"
                    width: 84
                    enabled: row.status !== "empty"
                    text: (panel.ins.revision >= 0 ? panel.ins.display(row.address + "/pos") : undefined)
                    onClicked: panel.ins.stepChoice(row.address + "/pos", 1)
                }
                TouchButton {
                    objectName: "slotRemove"
                    width: 110; text: "REMOVE"
                    enabled: row.status !== "empty"
                    onClicked: panel.ins.remove(row.index)
                }
            }
        }
        Rectangle { // delay compensation of this channel's path
            id: delayBox
            width: parent.width
            height: delays.height + 20
            radius: 6
            color: "#07090b"
            border.color: Theme.line
            Column {
                id: delays
                x: 12; y: 10
                width: parent.width - 24
                spacing: 6
                Heading { text: "Delay compensation" }
                Text {
                    objectName: "pathLatency"
                    width: parent.width
                    wrapMode: Text.WordWrap
                    text: "This channel's inserts: " + panel.ins.pathLatency + " samples ("
                          + panel.ms(panel.ins.pathLatency) + ")"
                    color: Theme.text
                    font.pixelSize: Theme.fontNormal
                    font.bold: true
                }
                Text {
                    objectName: "alignmentDelay"
                    width: parent.width
                    wrapMode: Text.WordWrap
                    text: "Added to its input to align it: " + panel.ins.alignmentDelay
                          + " samples (" + panel.ms(panel.ins.alignmentDelay) + ")"
                    color: panel.ins.alignmentDelay > 0 ? Theme.solo : Theme.text
                    font.pixelSize: Theme.fontNormal
                    font.bold: true
                }
                Text {
                    width: parent.width
                    wrapMode: Text.WordWrap
                    text: "Every input is delayed to the latency of the slowest channel's inserts, so that paths summed on a bus or main stay aligned to the sample. A bypassed plugin keeps its latency."
                    color: Theme.textDim
                    font.pixelSize: Theme.fontSmall
                }
            }
        }
    }

    SlotDetail { // the selected slot's plugin controls, or the plugins to choose from
        x: slotColumn.x + slotColumn.width + 12
        y: slotColumn.y
        width: parent.width - x - 12
        height: parent.height - y - 12
        slots: panel.ins
        controls: panel.console.plugins.insertControls
    }
}
