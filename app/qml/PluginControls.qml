import QtQuick
import Stagedesk

// The controls of one slot's plugin, as parameters of the address space
// (<slot>/par/<symbol>): a slider for a value, a button for a switch, a
// button that steps through a choice; each with its name, value and unit.
// Named "par_<symbol>". Flick to scroll when there are many.
// Bindings read "model.revision >= 0 ? model.f(...) : undefined" to follow
// every change of the model: Qt 6.4's QML compiler drops the unused left
// side of "(model.revision, model.f(...))".
Item {
    id: panel
    required property PluginControlsModel controls
    property int columns: 2
    readonly property real cell: (width - (columns - 1) * grid.spacing) / columns

    Text {
        visible: panel.controls.controls.length === 0
        width: parent.width
        wrapMode: Text.WordWrap
        text: "No controls to show: the slot is empty, its plugin is not running, or it has none."
        color: Theme.textDim
        font.pixelSize: Theme.fontSmall
    }
    Flickable {
        anchors.fill: parent
        clip: true
        contentHeight: grid.height
        Grid {
            id: grid
            width: parent.width
            columns: panel.columns
            spacing: 6
            Repeater {
                model: panel.controls.controls
                Item {
                    id: control
                    required property var modelData
                    readonly property string address: modelData.address
                    readonly property string symbol: address.substring(address.lastIndexOf("/") + 1)
                    width: panel.cell
                    height: Theme.touch
                    HSlider {
                        objectName: "par_" + control.symbol
                        visible: control.modelData.kind === "slider"
                        anchors.fill: parent
                        label: control.modelData.name
                        value: (panel.controls.revision >= 0 ? panel.controls.normalized(control.address) : undefined)
                        valueText: (panel.controls.revision >= 0 ? panel.controls.display(control.address) : undefined)
                        onMoved: (v) => panel.controls.setNormalized(control.address, v)
                    }
                    TouchButton {
                        objectName: "par_" + control.symbol
                        visible: control.modelData.kind !== "slider"
                        anchors.fill: parent
                        fontSize: Theme.fontSmall
                        readonly property string value: (panel.controls.revision >= 0 ? panel.controls.display(control.address) : undefined)
                        text: control.modelData.name + "  " + value + (control.modelData.kind === "choice" ? "  ›" : "")
                        checked: control.modelData.kind === "toggle"
                                 && (panel.controls.revision >= 0 ? panel.controls.isOn(control.address) : undefined)
                        onClicked: control.modelData.kind === "toggle"
                                   ? panel.controls.toggle(control.address)
                                   : panel.controls.stepChoice(control.address, 1)
                    }
                }
            }
        }
    }
}
