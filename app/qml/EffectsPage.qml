import QtQuick
import QtQuick.Layouts
import Stagedesk

// The FX rack: its slots (plugin and status, ON, the mix bus that feeds
// it, tempo with TAP) and the selected slot in full (SlotDetail), over the
// stereo FX return strips (name, fader, meters, mute, balance).
// Bindings read "model.revision >= 0 ? model.f(...) : undefined" to follow
// every change of the model: Qt 6.4's QML compiler drops the unused left
// side of "(model.revision, model.f(...))".
Item {
    id: page
    required property Console console
    readonly property PluginSlotsModel rack: console.plugins.fxSlots
    readonly property FxReturnsModel returns: console.plugins.fxReturns

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 8
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 5
            spacing: 8
            Panel { // 3 : 2 with the selected slot beside it
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 3
                Heading {
                    x: 12; y: 10
                    text: "FX rack — each slot is fed by a mix bus and returns on its FX return"
                }
                ListView {
                    id: rackList
                    objectName: "fxRack"
                    x: 12; y: 36
                    width: parent.width - 24
                    height: parent.height - y - 8
                    clip: true
                    spacing: 4
                    model: page.rack.count
                    delegate: PluginSlotRow {
                        id: row
                        slots: page.rack
                        label: "FX" + (index + 1)
                        width: rackList.width
                        height: Theme.touch + 8
                        TouchButton { // the mix bus that feeds the slot; a tap: the next one
                            objectName: "fxSource"
                            width: 110
                            fontSize: Theme.fontSmall
                            text: (page.rack.revision >= 0 ? page.rack.display(row.address + "/source") : undefined) + "  ›"
                            onClicked: page.rack.stepChoice(row.address + "/source", 1)
                        }
                        // A slot whose plugin does not follow the tempo keeps
                        // one (for the delay put there next), dimmed.
                        readonly property real tempoOpacity: (page.rack.revision >= 0 && page.rack.followsTempo(index)) ? 1 : 0.35
                        Text {
                            objectName: "fxTempo"
                            opacity: row.tempoOpacity
                            width: 100
                            height: Theme.touch
                            verticalAlignment: Text.AlignVCenter
                            horizontalAlignment: Text.AlignRight
                            text: (page.rack.revision >= 0 ? page.rack.display(row.address + "/tempo") : undefined)
                            color: Theme.text
                            font.pixelSize: Theme.fontNormal
                            font.bold: true
                        }
                        TouchButton {
                            objectName: "fxTap"
                            opacity: row.tempoOpacity
                            width: 76
                            text: "TAP"
                            checkedColour: Theme.solo
                            onClicked: page.rack.setValue(row.address + "/tap", 1)
                        }
                    }
                }
            }
            Panel {
                Layout.fillWidth: true
                Layout.preferredWidth: 2
                Layout.fillHeight: true
                SlotDetail {
                    objectName: "fxDetail"
                    anchors.fill: parent
                    anchors.margins: 12
                    slots: page.rack
                    controls: page.console.plugins.fxControls
                    slotLabel: "FX " + (page.rack.selected + 1)
                }
            }
        }
        Panel {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 4
            Heading { x: 12; y: 8; text: "FX returns" }
            Row {
                id: returnRow
                x: 12; y: 32
                width: parent.width - 24
                height: parent.height - y - 8
                spacing: 8
                Repeater {
                    model: page.returns.prefixes.length
                    FxReturnStrip {
                        returns: page.returns
                        faderScale: page.console.faderScale
                        width: (returnRow.width - 7 * returnRow.spacing) / 8
                        height: returnRow.height
                    }
                }
            }
        }
    }
}
