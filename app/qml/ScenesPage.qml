import QtQuick
import QtQuick.Layouts
import Stagedesk

// Scenes: the list (tap to pick; store, recall, rename, fade time, order),
// the cue list with a large GO, the undo of the last recall, and the picked
// scene's scope with the recall safes.
Item {
    id: page
    required property Console console
    readonly property SceneModel scenes: console.scenes
    property int current: 0

    Binding { target: page.scenes.scope; property: "scene"; value: page.current }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 8

        Rectangle {
            Layout.fillWidth: true
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
                    readonly property bool recalled: page.scenes.lastRecalled === index
                    width: list.width
                    height: Theme.touch + 12
                    radius: 4
                    color: page.current === index ? "#1d3550" : Theme.panelRaised
                    border.color: recalled ? Theme.go : Theme.line
                    border.width: recalled ? 3 : 1
                    TapHandler { onTapped: page.current = row.index }
                    Text {
                        x: 16; anchors.verticalCenter: parent.verticalCenter
                        text: row.number
                        color: Theme.textDim; font.pixelSize: Theme.fontLarge
                    }
                    Text {
                        x: 64; anchors.verticalCenter: parent.verticalCenter
                        width: (fadeLabel.visible ? fadeLabel.x : recallButton.x) - x - 8
                        elide: Text.ElideRight
                        text: row.name
                        color: Theme.text; font.pixelSize: Theme.fontLarge; font.bold: true
                    }
                    Text {
                        id: fadeLabel
                        visible: row.width > 480
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
            Layout.preferredWidth: 460
            Layout.maximumWidth: 460
            Layout.fillWidth: false
            Layout.fillHeight: true
            spacing: 8

            Rectangle { // the cue list and GO
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: Theme.panel; border.color: Theme.line; radius: 6
                ColumnLayout {
                    anchors.fill: parent; anchors.margins: 12; spacing: 10
                    Text { text: "NEXT CUE"; color: Theme.textDim; font.pixelSize: Theme.fontSmall; font.bold: true }
                    Text {
                        objectName: "nextCue"
                        text: page.scenes.nextCue
                        color: Theme.text; font.pixelSize: Theme.fontLarge; font.bold: true
                    }
                    TouchButton {
                        objectName: "go"
                        Layout.fillWidth: true; Layout.fillHeight: true
                        Layout.minimumHeight: Theme.touch * 2; Layout.maximumHeight: 160
                        text: "GO"; fontSize: Theme.fontHuge
                        color: Theme.go
                        enabled: page.scenes.cuePosition < page.scenes.cues.length
                        onClicked: page.scenes.go()
                    }
                    Flow {
                        Layout.fillWidth: true; spacing: 6
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
                Layout.preferredHeight: sceneColumn.implicitHeight + 24
                color: Theme.panel; border.color: Theme.line; radius: 6
                Column {
                    id: sceneColumn
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
                            text: (page.scenes.revision, page.scenes.nameAt(page.current))
                            color: Theme.text; font.pixelSize: Theme.fontLarge
                        }
                    }
                    Row {
                        spacing: 6
                        TouchButton { objectName: "rename"; width: 140; text: "RENAME"; onClicked: page.scenes.rename(page.current, nameInput.text) }
                        TouchButton {
                            objectName: "storeOver"; width: 140; text: "STORE HERE"
                            onClicked: page.scenes.store(page.current, nameInput.text)
                        }
                        TouchButton {
                            objectName: "storeNew"; width: 140; text: "STORE NEW"
                            onClicked: page.current = page.scenes.store(page.scenes.count, "Scene " + (page.scenes.count + 1))
                        }
                    }
                    Row {
                        spacing: 6
                        TouchButton {
                            objectName: "moveUp"; width: 140; text: "▲ EARLIER"
                            enabled: page.current > 0
                            onClicked: page.current = page.scenes.move(page.current, page.current - 1)
                        }
                        TouchButton {
                            objectName: "moveDown"; width: 140; text: "▼ LATER"
                            enabled: page.current < page.scenes.count - 1
                            onClicked: page.current = page.scenes.move(page.current, page.current + 1)
                        }
                    }
                    Row {
                        spacing: 6
                        readonly property real fade: (page.scenes.revision, page.scenes.fadeAt(page.current))
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

        ScopeEditor {
            objectName: "scopeEditor"
            Layout.preferredWidth: 440
            Layout.fillHeight: true
            scope: page.scenes.scope
        }
    }
}
