import QtQuick
import QtQuick.Layouts
import Stagedesk

// Setup: the audio engine as it runs, and the show file.
Item {
    id: page
    required property Console console
    readonly property StatusModel status: console.status

    Column {
        anchors.fill: parent
        anchors.margins: 20
        spacing: 14
        Text { text: "AUDIO"; color: Theme.textDim; font.pixelSize: Theme.fontSmall; font.bold: true }
        Text { text: page.status.engine; color: Theme.text; font.pixelSize: Theme.fontLarge }
        Text {
            text: "DSP load " + page.status.dspLoad.toFixed(1) + " %    xruns " + page.status.xruns
                  + "    console " + page.console.inputCount + " inputs, " + page.console.busCount + " buses"
            color: Theme.text; font.pixelSize: Theme.fontNormal
        }
        Item { width: 1; height: 20 }
        Text { text: "SHOW"; color: Theme.textDim; font.pixelSize: Theme.fontSmall; font.bold: true }
        Text { text: page.status.showName + "  —  " + (page.status.showPath || "(not saved yet)"); color: Theme.text; font.pixelSize: Theme.fontLarge }
        Rectangle {
            width: 900; height: Theme.touch
            color: "#07090b"; border.color: Theme.line; radius: 4
            TextInput {
                id: path
                objectName: "showPath"
                anchors.fill: parent; anchors.margins: 10
                verticalAlignment: TextInput.AlignVCenter
                text: page.status.showPath
                color: Theme.text; font.pixelSize: Theme.fontNormal
            }
        }
        Row {
            spacing: 8
            TouchButton { objectName: "save"; width: 180; text: "SAVE"; onClicked: page.status.save() }
            TouchButton { objectName: "saveAs"; width: 180; text: "SAVE AS"; onClicked: page.status.save(path.text) }
            TouchButton { objectName: "open"; width: 180; text: "OPEN"; onClicked: page.status.open(path.text) }
        }
        Text { text: page.status.message; color: Theme.textDim; font.pixelSize: Theme.fontNormal; width: parent.width; wrapMode: Text.Wrap }
    }
}
