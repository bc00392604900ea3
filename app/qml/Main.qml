import QtQuick
import QtQuick.Layouts
import Stagedesk

// The console window: status bar, page buttons, and the pages.
Window {
    id: window
    required property Console console
    property int page: 0
    // The channel page's EQ shows the selected channel's spectrum when the RTA is on.
    Binding {
        target: window.console.soundcheck.rta
        property: "followSelected"
        value: window.page === 1
    }

    width: 1920
    height: 1080
    minimumWidth: 1280
    minimumHeight: 800
    color: Theme.background
    title: "Stagedesk — " + console.status.showName

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        StatusBar {
            Layout.fillWidth: true
            status: window.console.status
            soundcheck: window.console.soundcheck.params
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touch + 12
            color: Theme.panel
            Row {
                anchors.verticalCenter: parent.verticalCenter
                x: 8
                spacing: 8
                Repeater {
                    model: ["MIXING", "CHANNEL", "EFFECTS", "SCENES", "SOUNDCHECK", "SETUP"]
                    TouchButton {
                        required property int index
                        required property string modelData
                        objectName: "page_" + modelData.toLowerCase()
                        width: window.width < 1600 ? 150 : 180
                        text: modelData
                        checked: window.page === index
                        onClicked: window.page = index
                    }
                }
            }
            Row {
                anchors.right: parent.right
                anchors.rightMargin: 16
                anchors.verticalCenter: parent.verticalCenter
                spacing: 12
                Rectangle { // the selected channel hears its playback track
                    objectName: "channelPlaybackMark"
                    visible: window.console.channel.onPlayback
                    anchors.verticalCenter: parent.verticalCenter
                    width: playbackText.implicitWidth + 20
                    height: Theme.touch - 12
                    radius: 4
                    color: Theme.playback
                    Text {
                        id: playbackText
                        anchors.centerIn: parent
                        text: "▶ PLAYBACK"
                        color: "#000000"
                        font.pixelSize: Theme.fontNormal
                        font.bold: true
                    }
                }
                Text {
                    text: window.console.channel.label + "  " + window.console.channel.name
                    color: window.console.channel.colour
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                }
            }
        }
        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: window.page
            MixingPage { objectName: "mixingPage"; console: window.console }
            ChannelPage { objectName: "channelPage"; console: window.console }
            EffectsPage { objectName: "effectsPage"; console: window.console }
            ScenesPage { objectName: "scenesPage"; console: window.console }
            SoundcheckPage { objectName: "soundcheckPage"; console: window.console }
            SetupPage { objectName: "setupPage"; console: window.console }
        }
    }
    OnScreenKeyboard {
        objectName: "keyboard"
        target: window.activeFocusItem
        // Docked at the bottom, or at the top when the field would be under it.
        readonly property bool fieldLow: active
            && target.mapToItem(null, 0, target.height / 2).y > window.height / 2
        x: (window.width - width) / 2
        y: fieldLow ? Theme.touch * 2 + 12 : window.height - height - 8
        z: 10
    }
}
