import QtQuick
import Stagedesk

// One strip of the mixing page, a delegate of StripModel.
Rectangle {
    id: strip
    required property int index
    required property string label
    required property string name
    required property color colour
    required property real fader
    required property string faderText
    required property bool on
    required property bool solo
    required property bool hasSolo
    required property bool selected
    required property bool hasMeter
    required property real meter
    required property real peakHold
    required property bool clip
    required property real gateGr
    required property real compGr
    required property bool playback // hears its playback track, not its input
    property StripModel strips
    property var faderScale: []
    property bool sendsMode: false

    objectName: "strip_" + index
    color: sendsMode ? Theme.sendsDark : Theme.panel
    border.color: selected ? Theme.selected : (sendsMode ? Theme.sends : Theme.line)
    border.width: selected ? 3 : 1
    radius: 4

    Rectangle { // the playback mark: seen from across the desk
        objectName: "playbackMark"
        visible: strip.playback
        z: 1
        width: parent.width
        height: 6
        radius: 3
        color: Theme.playback
    }
    Column {
        id: top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.margins: 6
        y: 6
        spacing: 6

        Rectangle { // name and colour; a tap selects the channel
            objectName: "select"
            width: parent.width
            height: Theme.touch + 8
            radius: 4
            color: Qt.darker(strip.colour, 2.2)
            border.color: strip.colour
            border.width: 2
            Column {
                anchors.centerIn: parent
                width: parent.width - 8
                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    text: strip.playback ? "▶ PLAYBACK" : strip.label
                    color: strip.playback ? Theme.playback : Theme.textDim
                    font.pixelSize: Theme.fontSmall
                    font.bold: strip.playback
                }
                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    elide: Text.ElideRight
                    text: strip.name.length > 0 ? strip.name : "—"
                    color: Theme.text
                    font.pixelSize: Theme.fontNormal
                    font.bold: true
                }
            }
            TapHandler { onTapped: strip.strips.select(strip.index) }
        }
        TouchButton {
            objectName: "solo"
            width: parent.width
            text: "SOLO"
            visible: strip.hasSolo
            checked: strip.solo
            checkedColour: Theme.solo
            onClicked: strip.strips.toggleSolo(strip.index)
        }
        TouchButton {
            objectName: "mute"
            width: parent.width
            text: strip.sendsMode ? (strip.on ? "SEND ON" : "SEND OFF") : "MUTE"
            checked: !strip.on
            checkedColour: Theme.mute
            onClicked: strip.strips.toggleMute(strip.index)
        }
    }
    Text {
        id: value
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 8
        width: parent.width
        horizontalAlignment: Text.AlignHCenter
        text: strip.faderText + " dB"
        color: strip.sendsMode ? Theme.sends : Theme.text
        font.pixelSize: Theme.fontNormal
        font.bold: true
    }
    Fader {
        id: faderItem
        objectName: "fader"
        anchors.top: top.bottom
        anchors.topMargin: 10
        anchors.bottom: value.top
        anchors.bottomMargin: 6
        x: 4
        width: strip.width - meterItem.width - 14
        value: strip.fader
        marks: strip.faderScale
        capColour: strip.sendsMode ? Theme.sends : strip.colour
        onMoved: (v) => strip.strips.setFader(strip.index, v)
    }
    Meter {
        id: meterItem
        objectName: "meter"
        visible: strip.hasMeter
        anchors.right: parent.right
        anchors.rightMargin: 6
        y: faderItem.y
        height: faderItem.height
        level: strip.meter
        peakHold: strip.peakHold
        clip: strip.clip
        gateGr: strip.gateGr
        compGr: strip.compGr
    }
}
