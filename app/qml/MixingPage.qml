import QtQuick
import QtQuick.Layouts
import Stagedesk

// The mixing page: the strips of the layer on screen, the layer and bank
// buttons, and sends on fader.
Item {
    id: page
    required property Console console
    readonly property StripModel strips: console.strips
    readonly property bool sendsMode: strips.sendsBus >= 0
    property bool choosingBus: false

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 8

        Rectangle { // sends on fader: impossible to miss, one tap back
            objectName: "sendsBanner"
            visible: page.sendsMode
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touch
            color: Theme.sends
            radius: 4
            Text {
                anchors.verticalCenter: parent.verticalCenter
                x: 16
                text: "SENDS ON FADER  →  " + (page.sendsMode ? page.console.busNames[page.strips.sendsBus] : "")
                color: "#0c0e11"
                font.pixelSize: Theme.fontLarge
                font.bold: true
            }
            TouchButton {
                objectName: "sendsBack"
                anchors.right: parent.right
                anchors.rightMargin: 4
                anchors.verticalCenter: parent.verticalCenter
                height: parent.height - 8
                text: "BACK TO FADERS"
                onClicked: page.strips.setSendsOnFader(-1)
            }
        }

        ListView {
            id: stripList
            objectName: "stripList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            orientation: ListView.Horizontal
            spacing: 4
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            interactive: false // fingers belong to the faders; banks page the strips
            model: page.strips
            delegate: ChannelStrip {
                width: Math.max(96, (stripList.width - 4 * (page.strips.bankSize - 1)) / page.strips.bankSize)
                height: stripList.height
                strips: page.strips
                faderScale: page.console.faderScale
                sendsMode: page.sendsMode
            }
        }

        RowLayout { // layers and banks
            Layout.fillWidth: true
            spacing: 6
            Repeater {
                model: page.strips.bankNames
                TouchButton {
                    required property int index
                    required property string modelData
                    objectName: "bank_" + index
                    text: "IN " + modelData
                    checked: page.strips.layer === StripModel.Inputs && page.strips.bank === index
                    onClicked: page.strips.showLayer(StripModel.Inputs, index)
                }
            }
            TouchButton {
                objectName: "layerBuses"
                text: "BUSES"
                checked: page.strips.layer === StripModel.Buses
                onClicked: page.strips.showLayer(StripModel.Buses, 0)
            }
            TouchButton {
                objectName: "layerDcas"
                text: "DCAs"
                checked: page.strips.layer === StripModel.Dcas
                onClicked: page.strips.showLayer(StripModel.Dcas, 0)
            }
            TouchButton {
                objectName: "layerMain"
                text: "MAIN"
                checked: page.strips.layer === StripModel.Main
                onClicked: page.strips.showLayer(StripModel.Main, 0)
            }
            Item { Layout.fillWidth: true }
            TouchButton {
                objectName: "sendsOnFader"
                text: "SENDS ON FADER"
                checked: page.sendsMode || page.choosingBus
                checkedColour: Theme.sends
                onClicked: {
                    if (page.sendsMode) page.strips.setSendsOnFader(-1)
                    else page.choosingBus = !page.choosingBus
                }
            }
        }
    }

    Rectangle { // choose the bus whose sends go on the faders
        objectName: "busChooser"
        visible: page.choosingBus
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 8
        anchors.bottomMargin: Theme.touch + 16
        width: busGrid.width + 24
        height: busGrid.height + 24
        color: Theme.panelRaised
        border.color: Theme.sends
        border.width: 2
        radius: 6
        Grid {
            id: busGrid
            anchors.centerIn: parent
            columns: 4
            spacing: 6
            Repeater {
                model: page.console.busNames
                TouchButton {
                    required property int index
                    required property string modelData
                    objectName: "sendsBus_" + index
                    width: 150
                    text: modelData
                    onClicked: {
                        page.choosingBus = false
                        page.strips.setSendsOnFader(index)
                    }
                }
            }
        }
    }
}
