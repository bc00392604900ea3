import QtQuick
import Stagedesk

// One plugin slot as a card: its number, the plugin's name (or its URI when
// it is not installed), what the insert host says of it (and why, for a
// problem), its latency and its ON switch; the page adds its own buttons
// (PRE/POST, source, tempo) on the right. A tap on the card selects it.
// Bindings read "model.revision >= 0 ? model.f(...) : undefined" to follow
// every change of the model: Qt 6.4's QML compiler drops the unused left
// side of "(model.revision, model.f(...))".
Rectangle {
    id: card
    required property PluginSlotsModel slots
    required property int index
    property string label: String(index + 1)
    readonly property string address: slots.slotAddresses[index] ?? ""
    readonly property bool selected: slots.selected === index
    readonly property string status: (slots.revision >= 0 ? slots.status(index) : undefined)
    readonly property string problem: (slots.revision >= 0 ? slots.problem(index) : undefined)
    readonly property int latency: (slots.revision >= 0 ? slots.latency(index) : undefined)
    default property alias buttons: buttonRow.data
    // One line of buttons beside the name and status (the FX rack's rows).
    readonly property bool compact: height < Theme.touch * 2

    objectName: "slot_" + index
    height: Theme.touch * 2 + 16
    radius: 6
    color: selected ? "#14283d" : Theme.panelRaised
    border.color: selected ? Theme.selected : Theme.line
    border.width: selected ? 3 : 1

    function statusColour(s) {
        switch (s) {
        case "running": return Theme.meterLow
        case "bypassed": return Theme.meterMid
        case "missing": case "failed": return Theme.mute
        case "loading": return Theme.accent
        default: return Theme.textDim
        }
    }

    TapHandler { onTapped: card.slots.selected = card.index }
    Text {
        id: number
        x: 10
        anchors.verticalCenter: parent.verticalCenter
        width: Math.max(36, implicitWidth)
        text: card.label
        color: Theme.textDim
        font.pixelSize: Theme.fontLarge
        font.bold: true
    }
    Text {
        objectName: "slotName"
        x: number.x + number.width + 6; y: card.compact ? 4 : 10
        width: buttonRow.x - x - 10
        // A missing plugin's URI in full, on two lines where there is room.
        wrapMode: card.compact ? Text.NoWrap : Text.Wrap
        maximumLineCount: card.compact ? 1 : 2
        elide: Text.ElideMiddle
        text: (card.slots.revision >= 0 ? card.slots.pluginName(card.index) : undefined)
        color: card.status === "empty" ? Theme.textDim : Theme.text
        font.pixelSize: Theme.fontNormal
        font.bold: true
    }
    Text {
        objectName: "slotStatus"
        x: number.x + number.width + 6
        y: parent.height - height - (card.compact ? 4 : 10)
        width: latencyText.x - x - 10
        elide: Text.ElideRight
        text: card.status.toUpperCase() + (card.problem ? " — " + card.problem : "")
        color: card.statusColour(card.status)
        font.pixelSize: Theme.fontSmall
        font.bold: true
    }
    Text {
        id: latencyText
        objectName: "slotLatency"
        anchors.right: card.compact ? buttonRow.left : parent.right
        anchors.rightMargin: 10
        y: parent.height - height - (card.compact ? 4 : 10)
        visible: card.status !== "empty"
        text: card.latency + " samples"
        color: card.latency > 0 ? Theme.solo : Theme.textDim
        font.pixelSize: Theme.fontSmall
    }
    Row {
        id: buttonRow
        anchors.right: parent.right; anchors.rightMargin: 8
        y: card.compact ? (card.height - height) / 2 : 8
        spacing: 6
        TouchButton {
            objectName: "slotOn"
            width: 64; text: "ON"
            enabled: card.status !== "empty"
            checked: (card.slots.revision >= 0 ? card.slots.isOn(card.address + "/on") : undefined)
            checkedColour: Theme.meterLow
            onClicked: card.slots.toggle(card.address + "/on")
        }
    }
}
