import QtQuick
import Stagedesk

// The selected plugin slot in full: its plugin's controls, or the plugins
// that fit it to choose from (always the choice for an empty slot; CHANGE
// PLUGIN for an occupied one).
// Bindings read "model.revision >= 0 ? model.f(...) : undefined" to follow
// every change of the model: Qt 6.4's QML compiler drops the unused left
// side of "(model.revision, model.f(...))".
Item {
    id: detail
    required property PluginSlotsModel slots
    required property PluginControlsModel controls
    property string slotLabel: "Slot " + (slots.selected + 1)
    property bool choosing: false
    readonly property string status: (slots.revision >= 0 ? slots.status(slots.selected) : undefined)
    readonly property bool showChooser: choosing || status === "empty"

    Text {
        width: parent.width - chooseButton.width - 12
        y: (Theme.touch - height) / 2
        elide: Text.ElideRight
        text: detail.slotLabel + ": " + (detail.slots.revision >= 0 ? detail.slots.pluginName(detail.slots.selected) : undefined)
        color: Theme.textDim
        font.pixelSize: Theme.fontSmall
        font.bold: true
        font.capitalization: Font.AllUppercase
    }
    TouchButton {
        id: chooseButton
        objectName: "choosePlugin"
        anchors.right: parent.right
        width: 200
        visible: detail.status !== "empty"
        text: detail.choosing ? "CONTROLS" : "CHANGE PLUGIN"
        checked: detail.choosing
        onClicked: detail.choosing = !detail.choosing
    }
    PluginChooser {
        visible: detail.showChooser
        y: Theme.touch + 8
        width: parent.width
        height: parent.height - y
        slots: detail.slots
        onChosen: detail.choosing = false
    }
    PluginControls {
        visible: !detail.showChooser
        y: Theme.touch + 8
        width: parent.width
        height: parent.height - y
        controls: detail.controls
    }
}
