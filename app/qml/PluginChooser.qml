import QtQuick
import Stagedesk

// The installed plugins that fit the selected slot, by name: a tap puts one
// in the slot (the insert host builds it). Flick to scroll.
// Bindings read "model.revision >= 0 ? model.f(...) : undefined" to follow
// every change of the model: Qt 6.4's QML compiler drops the unused left
// side of "(model.revision, model.f(...))".
Item {
    id: chooser
    required property PluginSlotsModel slots
    signal chosen()

    Text {
        id: heading
        width: parent.width
        elide: Text.ElideRight
        text: chooser.slots.hosted
              ? list.count + " plugins fit this slot — tap one to insert it"
              : "No plugin host: plugins cannot be inserted here"
        color: Theme.textDim
        font.pixelSize: Theme.fontSmall
        font.bold: true
    }
    ListView {
        id: list
        objectName: "pluginList"
        y: heading.height + 8
        width: parent.width
        height: parent.height - y
        clip: true
        spacing: 4
        model: chooser.slots.choices
        delegate: Rectangle {
            required property var modelData
            objectName: "choice_" + modelData.uri
            width: list.width
            height: Theme.touch
            radius: 4
            readonly property bool current: (chooser.slots.revision >= 0 ? chooser.slots.uri(chooser.slots.selected) : undefined) === modelData.uri
            color: current ? "#14283d" : (tap.pressed ? Theme.line : Theme.panelRaised)
            border.color: current ? Theme.selected : Theme.line
            Text {
                x: 12
                anchors.verticalCenter: parent.verticalCenter
                width: parent.width - detail.width - 36
                elide: Text.ElideRight
                text: modelData.name
                color: Theme.text
                font.pixelSize: Theme.fontNormal
                font.bold: true
            }
            Text {
                id: detail
                anchors.right: parent.right; anchors.rightMargin: 12
                anchors.verticalCenter: parent.verticalCenter
                text: modelData.detail
                color: Theme.textDim
                font.pixelSize: Theme.fontSmall
            }
            TapHandler {
                id: tap
                onTapped: {
                    chooser.slots.choose(chooser.slots.selected, modelData.uri)
                    chooser.chosen()
                }
            }
        }
    }
}
