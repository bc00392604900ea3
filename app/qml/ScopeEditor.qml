import QtQuick
import QtQuick.Layouts
import Stagedesk

// The picked scene's recall scope (sections and channels it may touch) or
// the console's recall safes (sections and channels no recall touches): one
// panel, two modes. Lit means "in the scope" or "safe".
Rectangle {
    id: editor
    required property RecallScopeModel scope
    property bool safes: false
    readonly property real cell: (width - 24 - 7 * 4) / 8

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
            columns: 4; spacing: 4
            Repeater {
                model: editor.scope.sections
                TouchButton {
                    required property int index
                    required property string modelData
                    objectName: (editor.safes ? "safeSection_" : "scopeSection_") + index
                    width: (editor.width - 24 - 3 * 4) / 4
                    text: modelData; fontSize: Theme.fontSmall
                    checkedColour: editor.safes ? Theme.mute : Theme.go
                    checked: editor.safes ? (editor.scope.revision, editor.scope.sectionSafe(index))
                                          : (editor.scope.revision, editor.scope.sectionInScope(index))
                    onClicked: editor.safes ? editor.scope.toggleSectionSafe(index)
                                            : editor.scope.toggleSectionInScope(index)
                }
            }
        }
        Text {
            text: editor.safes ? "SAFE CHANNELS" : "CHANNELS THIS SCENE RECALLS"
            color: Theme.textDim; font.pixelSize: Theme.fontSmall; font.bold: true
        }
        Grid {
            columns: 8; spacing: 4
            Repeater {
                model: editor.scope.channelCount
                TouchButton {
                    required property int index
                    objectName: (editor.safes ? "safeChannel_" : "scopeChannel_") + index
                    width: editor.cell; implicitWidth: editor.cell
                    text: index + 1; fontSize: Theme.fontSmall
                    checkedColour: editor.safes ? Theme.mute : Theme.go
                    checked: editor.safes ? (editor.scope.revision, editor.scope.channelSafe(index))
                                          : (editor.scope.revision, editor.scope.channelInScope(index))
                    onClicked: editor.safes ? editor.scope.toggleChannelSafe(index)
                                            : editor.scope.toggleChannelInScope(index)
                }
            }
        }
        Row {
            visible: !editor.safes
            spacing: 6
            TouchButton { objectName: "scopeAll"; width: 140; text: "ALL"; onClicked: editor.scope.setAllChannelsInScope(true) }
            TouchButton { objectName: "scopeNone"; width: 140; text: "NONE"; onClicked: editor.scope.setAllChannelsInScope(false) }
        }
    }
}
