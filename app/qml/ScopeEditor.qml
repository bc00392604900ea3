import QtQuick
import QtQuick.Layouts
import Stagedesk

// The picked scene's recall scope (sections and strips it may touch) or the
// console's recall safes (sections and strips no recall touches): one panel,
// two modes. Lit means "in the scope" or "safe".
Rectangle {
    id: editor
    required property RecallScopeModel scope
    property bool safes: false
    readonly property real cell: Math.floor((width - 24 - 7 * 4) / 8)

    color: Theme.panel; border.color: Theme.line; radius: 6

    Column {
        anchors.fill: parent; anchors.margins: 12; spacing: 8
        Row {
            spacing: 6
            TouchButton {
                objectName: "scopeMode"; width: (editor.width - 30) / 2
                text: "SCOPE OF SCENE " + (editor.scope.scene + 1)
                checked: !editor.safes
                onClicked: editor.safes = false
            }
            TouchButton {
                objectName: "safesMode"; width: (editor.width - 30) / 2
                text: "RECALL SAFES"
                checked: editor.safes; checkedColour: Theme.mute
                onClicked: editor.safes = true
            }
        }
        Text {
            text: editor.safes ? "SAFE SECTIONS — no recall touches them" : "SECTIONS THIS SCENE RECALLS"
            color: Theme.textDim; font.pixelSize: Theme.fontSmall; font.bold: true
        }
        Grid {
            id: sectionGrid
            columns: Math.ceil(editor.scope.sections.length / 2) // two rows, whatever the count
            spacing: 4
            Repeater {
                model: editor.scope.sections
                TouchButton {
                    required property int index
                    required property string modelData
                    objectName: (editor.safes ? "safeSection_" : "scopeSection_") + index
                    width: (editor.width - 24 - (sectionGrid.columns - 1) * 4) / sectionGrid.columns
                    text: modelData; fontSize: Theme.fontSmall
                    checkedColour: editor.safes ? Theme.mute : Theme.go
                    checked: editor.safes ? (editor.scope.revision, editor.scope.sectionSafe(index))
                                          : (editor.scope.revision, editor.scope.sectionInScope(index))
                    onClicked: editor.safes ? editor.scope.toggleSectionSafe(index)
                                            : editor.scope.toggleSectionInScope(index)
                }
            }
        }
        // The strips' title, with ALL and NONE beside it in scope mode (a row
        // of its own would push them off a 800-pixel-high screen).
        Item {
            width: parent.width
            height: editor.safes ? stripsTitle.implicitHeight : Theme.touch
            Text {
                id: stripsTitle
                anchors.left: parent.left; anchors.verticalCenter: parent.verticalCenter
                anchors.right: allOrNone.visible ? allOrNone.left : parent.right
                text: editor.safes ? "SAFE STRIPS — no recall touches them" : "STRIPS THIS SCENE RECALLS"
                elide: Text.ElideRight
                color: Theme.textDim; font.pixelSize: Theme.fontSmall; font.bold: true
            }
            Row {
                id: allOrNone
                anchors.right: parent.right
                visible: !editor.safes
                spacing: 6
                TouchButton { objectName: "scopeAll"; width: 70; text: "ALL"; onClicked: editor.scope.setAllStripsInScope(true) }
                TouchButton { objectName: "scopeNone"; width: 70; text: "NONE"; onClicked: editor.scope.setAllStripsInScope(false) }
            }
        }
        Flow {
            width: parent.width; spacing: 4
            Repeater {
                model: editor.scope.strips
                TouchButton {
                    required property var modelData
                    // A cell per channel, bus and FX return; main, DCAs and mute groups two each.
                    objectName: (editor.safes ? "safe" : "scope") + modelData.key
                    width: modelData.group === RecallScopeModel.Channels
                           || modelData.group === RecallScopeModel.Buses
                           || modelData.group === RecallScopeModel.FxReturns ? editor.cell : editor.cell * 2 + 4
                    implicitWidth: width
                    text: modelData.label; fontSize: Theme.fontSmall
                    checkedColour: editor.safes ? Theme.mute : Theme.go
                    checked: editor.safes
                             ? (editor.scope.revision, editor.scope.stripSafe(modelData.group, modelData.index))
                             : (editor.scope.revision, editor.scope.stripInScope(modelData.group, modelData.index))
                    onClicked: editor.safes ? editor.scope.toggleStripSafe(modelData.group, modelData.index)
                                            : editor.scope.toggleStripInScope(modelData.group, modelData.index)
                }
            }
        }
    }
}
