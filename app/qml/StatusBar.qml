import QtQuick
import QtQuick.Layouts
import Stagedesk

// Always on screen: engine, DSP load, xruns, remotes, a plugin's problem,
// clock, show, unsaved.
Rectangle {
    id: bar
    required property StatusModel status
    required property SoundcheckParams soundcheck
    implicitHeight: Theme.touch
    color: "#000000"

    component Field: Text {
        color: Theme.text
        font.pixelSize: Theme.fontNormal
        font.bold: true
        Layout.alignment: Qt.AlignVCenter
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 12
        spacing: 24
        Rectangle {
            Layout.preferredWidth: 14; Layout.preferredHeight: 14; radius: 7
            color: bar.status.engine === "audio stopped" ? Theme.mute
                   : (bar.status.internalClock ? Theme.solo : Theme.meterLow)
        }
        Field { objectName: "engineText"; text: bar.status.engine; Layout.maximumWidth: 560; elide: Text.ElideRight }
        Field { objectName: "dspText"; text: "DSP " + bar.status.dspLoad.toFixed(1) + " %" }
        Field {
            objectName: "xrunText"
            text: "XRUNS " + bar.status.xruns
            color: bar.status.xruns > 0 ? Theme.meterMid : Theme.text
        }
        Field { objectName: "remoteText"; text: "REMOTES " + bar.status.remoteClients }
        Field { // a plugin missing, refused or bypassed: until touched away
            objectName: "alertText"
            Layout.fillWidth: true
            elide: Text.ElideRight
            text: bar.status.alert
            color: Theme.meterMid
            TapHandler { onTapped: bar.status.clearAlert() }
        }
        GeneratorWarning { params: bar.soundcheck; Layout.alignment: Qt.AlignVCenter }
        Field {
            objectName: "showText"
            text: bar.status.showName + (bar.status.unsaved ? "  ● unsaved" : "")
            color: bar.status.unsaved ? Theme.solo : Theme.text
        }
        Field { objectName: "clockText"; text: bar.status.clock; font.pixelSize: Theme.fontLarge }
    }
}
