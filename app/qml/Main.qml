import QtQuick
import QtQuick.Layouts
import Stagedesk

// The console window: status bar, page buttons, and the four pages.
Window {
    id: window
    required property Console console
    property int page: 0

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
                    model: ["MIXING", "CHANNEL", "SCENES", "SETUP"]
                    TouchButton {
                        required property int index
                        required property string modelData
                        objectName: "page_" + modelData.toLowerCase()
                        width: 180
                        text: modelData
                        checked: window.page === index
                        onClicked: window.page = index
                    }
                }
            }
            Text {
                anchors.right: parent.right
                anchors.rightMargin: 16
                anchors.verticalCenter: parent.verticalCenter
                text: window.console.channel.label + "  " + window.console.channel.name
                color: window.console.channel.colour
                font.pixelSize: Theme.fontLarge
                font.bold: true
            }
        }
        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: window.page
            MixingPage { objectName: "mixingPage"; console: window.console }
            ChannelPage { objectName: "channelPage"; console: window.console }
            ScenesPage { objectName: "scenesPage"; console: window.console }
            SetupPage { objectName: "setupPage"; console: window.console }
        }
    }
}
