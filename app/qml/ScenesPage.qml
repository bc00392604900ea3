import QtQuick
import QtQuick.Layouts
import Stagedesk

// Scenes: the list (tap to pick; store, recall, rename, fade time), the cue
// list with a large GO, and the undo of the last recall.
Item {
    id: page
    required property Console console
    readonly property SceneModel scenes: console.scenes
    property int current: 0

    RowLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 8

        Rectangle {
            Layout.fillWidth: true
            Layout.preferredWidth: 1200
            Layout.fillHeight: true
            color: Theme.panel; border.color: Theme.line; radius: 6
            ListView {
                id: list
                objectName: "sceneList"
                anchors.fill: parent
                anchors.margins: 8
                clip: true
                spacing: 4
                model: page.scenes
                delegate: Rectangle {
                    id: row
                    required property int index
                    required property int number
                    required property string name
                    required property string fadeText
                    objectName: "scene_" + index
                    width: list.width
                    height: Theme.touch + 12
                    radius: 4
                    color: page.current === index ? "#1d3550" : Theme.panelRaised
                    border.color: page.scenes.lastRecalled === index ? Theme.go : Theme.line
                    border.width: page.scenes.lastRecalled === index ? 3 : 1
                    TapHandler { onTapped: page.current = row.index }
                    Text {
                        x: 16; anchors.verticalCenter: parent.verticalCenter
                        text: row.number
                        color: Theme.textDim; font.pixelSize: Theme.fontLarge
                    }
                    Text {
                        x: 80; anchors.verticalCenter: parent.verticalCenter
                        text: row.name
                        color: Theme.text; font.pixelSize: Theme.fontLarge; font.bold: true
                    }
                    Text {
                        anchors.right: recallButton.left; anchors.rightMargin: 20
                        anchors.verticalCenter: parent.verticalCenter
                        text: "fade " + row.fadeText
                        color: Theme.textDim; font.pixelSize: Theme.fontNormal
                    }
                    TouchButton {
                        id: recallButton
                        objectName: "recall"
                        anchors.right: parent.right; anchors.rightMargin: 6
                        anchors.verticalCenter: parent.verticalCenter
                        width: 140; text: "RECALL"
                        onClicked: { page.current = row.index; page.scenes.recall(row.index) }
                    }
                }
            }
        }

        ColumnLayout {
            Layout.preferredWidth: 620
            Layout.maximumWidth: 620
            Layout.fillWidth: false
            Layout.fillHeight: true
            spacing: 8

            Rectangle { // the cue list and GO
                Layout.fillWidth: true
                Layout.preferredHeight: 420
                color: Theme.panel; border.color: Theme.line; radius: 6
                Column {
                    anchors.fill: parent; anchors.margins: 12; spacing: 10
                    Text { text: "NEXT CUE"; color: Theme.textDim; font.pixelSize: Theme.fontSmall; font.bold: true }
                    Text {
                        objectName: "nextCue"
                        text: page.scenes.nextCue
                        color: Theme.text; font.pixelSize: Theme.fontLarge; font.bold: true
                    }
                    TouchButton {
                        objectName: "go"
                        width: parent.width; height: 160
                        text: "GO"; fontSize: Theme.fontHuge
                        color: Theme.go
                        enabled: page.scenes.cuePosition < page.scenes.cues.length
                        onClicked: page.scenes.go()
                    }
                    Flow {
                        width: parent.width; spacing: 6
                        Repeater {
                            model: page.scenes.cues
                            Rectangle {
                                required property int index
                                required property string modelData
                                width: cueText.implicitWidth + 20; height: 36; radius: 4
                                color: index === page.scenes.cuePosition ? Theme.go : Theme.panelRaised
                                Text { id: cueText; anchors.centerIn: parent; text: (index + 1) + ". " + modelData; color: Theme.text; font.pixelSize: Theme.fontSmall }
                            }
                        }
                    }
                }
            }

            Rectangle { // the picked scene
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: Theme.panel; border.color: Theme.line; radius: 6
                Column {
                    anchors.fill: parent; anchors.margins: 12; spacing: 10
                    Text { text: "SCENE " + (page.current + 1); color: Theme.textDim; font.pixelSize: Theme.fontSmall; font.bold: true }
                    Rectangle {
                        width: parent.width; height: Theme.touch
                        color: "#07090b"; border.color: Theme.line; radius: 4
                        TextInput {
                            id: nameInput
                            objectName: "sceneName"
                            anchors.fill: parent; anchors.margins: 10
                            verticalAlignment: TextInput.AlignVCenter
                            text: (page.scenes.count, page.scenes.nameAt(page.current))
                            color: Theme.text; font.pixelSize: Theme.fontLarge
                        }
                    }
                    Row {
                        spacing: 6
                        TouchButton { objectName: "rename"; width: 170; text: "RENAME"; onClicked: page.scenes.rename(page.current, nameInput.text) }
                        TouchButton {
                            objectName: "storeOver"; width: 170; text: "STORE HERE"
                            onClicked: page.scenes.store(page.current, nameInput.text)
                        }
                        TouchButton {
                            objectName: "storeNew"; width: 170; text: "STORE NEW"
                            onClicked: page.current = page.scenes.store(page.scenes.count, "Scene " + (page.scenes.count + 1))
                        }
                    }
                    Row {
                        spacing: 6
                        readonly property real fade: (page.scenes.count, page.scenes.fadeAt(page.current))
                        TouchButton { width: 80; text: "−1 s"; onClicked: page.scenes.setFadeTime(page.current, Math.max(0, parent.fade - 1)) }
                        Text {
                            width: 170; height: Theme.touch; verticalAlignment: Text.AlignVCenter; horizontalAlignment: Text.AlignHCenter
                            text: "fade " + parent.fade.toFixed(1) + " s"; color: Theme.text; font.pixelSize: Theme.fontLarge
                        }
                        TouchButton { width: 80; text: "+1 s"; onClicked: page.scenes.setFadeTime(page.current, parent.fade + 1) }
                    }
                    TouchButton {
                        objectName: "undoRecall"
                        width: parent.width; text: "UNDO LAST RECALL"
                        enabled: page.scenes.canUndoRecall
                        onClicked: page.scenes.undoRecall()
                    }
                }
            }
        }
    }
}
