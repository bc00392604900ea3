import QtQuick
import QtQuick.Layouts
import Stagedesk

// The soundcheck tools: the multitrack recorder, the takes with their
// transport and the LIVE/PLAY switch, the signal generator, talkback, the
// RTA, and every input in one list for the line check (level, clip,
// polarity hint) with its record arm and playback switch.
Item {
    id: page
    required property Console console
    readonly property SoundcheckView sc: console.soundcheck
    readonly property SoundcheckParams params: sc.params

    component Heading: Text {
        color: Theme.textDim
        font.pixelSize: Theme.fontSmall
        font.bold: true
        font.capitalization: Font.AllUppercase
    }
    component Panel: Rectangle {
        color: Theme.panel
        border.color: Theme.line
        radius: 6
    }
    // A switch of one soundcheck parameter.
    component ParamButton: TouchButton {
        property string address
        checked: (page.params.revision, page.params.isOn(address))
        onClicked: page.params.toggle(address)
    }
    // A slider of one soundcheck parameter.
    component ParamSlider: HSlider {
        property string address
        Layout.fillWidth: true
        value: (page.params.revision, page.params.normalized(address))
        valueText: (page.params.revision, page.params.display(address))
        onMoved: (v) => page.params.setNormalized(address, v)
    }
    // Mix-bus destinations ("/config/osc/dest/" or "/config/talk/dest/").
    component BusDestinations: Grid {
        id: dest
        property string prefix
        property string namePrefix
        property color tint: Theme.accent
        columns: 8
        spacing: 4
        Repeater {
            model: page.console.busCount
            TouchButton {
                required property int index
                readonly property string address: dest.prefix + String(index + 1).padStart(2, "0")
                objectName: dest.namePrefix + index
                width: 58
                text: String(index + 1)
                checkedColour: dest.tint
                checked: (page.params.revision, page.params.isOn(address))
                onClicked: page.params.toggle(address)
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 10

        // ---- Recorder and takes ------------------------------------------
        ColumnLayout {
            Layout.preferredWidth: 600
            Layout.maximumWidth: 600
            Layout.fillHeight: true
            spacing: 10

            Panel {
                Layout.fillWidth: true
                Layout.preferredHeight: recorderColumn.implicitHeight + 20
                readonly property RecorderModel rec: page.sc.recorder
                id: recorderPanel
                ColumnLayout {
                    id: recorderColumn
                    x: 10; y: 10; width: parent.width - 20
                    spacing: 8
                    Heading { text: "Multitrack recorder — " + recorderPanel.rec.armedCount + " inputs armed" }
                    RowLayout {
                        spacing: 8
                        TouchButton {
                            objectName: "recordButton"
                            Layout.preferredWidth: 170
                            text: "● RECORD"
                            enabled: recorderPanel.rec.available
                            checked: recorderPanel.rec.recording
                            checkedColour: Theme.recording
                            fontSize: Theme.fontLarge
                            onClicked: recorderPanel.rec.record()
                        }
                        TouchButton {
                            objectName: "recordStop"
                            Layout.preferredWidth: 120
                            text: "■ STOP"
                            enabled: recorderPanel.rec.recording
                            onClicked: recorderPanel.rec.stop()
                        }
                        TouchButton {
                            objectName: "addMarker"
                            Layout.preferredWidth: 130
                            text: "MARKER"
                            enabled: recorderPanel.rec.recording
                            onClicked: recorderPanel.rec.addMarker()
                        }
                        Text {
                            objectName: "recordElapsed"
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignRight
                            text: recorderPanel.rec.elapsed
                            color: recorderPanel.rec.recording ? Theme.recording : Theme.textDim
                            font.pixelSize: Theme.fontHuge * 0.75
                            font.bold: true
                            font.family: "monospace"
                        }
                    }
                    RowLayout {
                        spacing: 8
                        TouchButton {
                            objectName: "tapPre"
                            text: "PRE-AMP"
                            checked: !recorderPanel.rec.postPreamp
                            onClicked: recorderPanel.rec.postPreamp = false
                        }
                        TouchButton {
                            objectName: "tapPost"
                            text: "POST-AMP"
                            checked: recorderPanel.rec.postPreamp
                            onClicked: recorderPanel.rec.postPreamp = true
                        }
                        Item { Layout.fillWidth: true }
                        TouchButton {
                            objectName: "armAll"
                            text: "ARM ALL"
                            onClicked: recorderPanel.rec.armAll(true)
                        }
                        TouchButton {
                            objectName: "armNone"
                            text: "ARM NONE"
                            onClicked: recorderPanel.rec.armAll(false)
                        }
                    }
                    Text {
                        objectName: "recordDisk"
                        Layout.fillWidth: true
                        text: "Disk: " + recorderPanel.rec.disk
                        color: Theme.text
                        font.pixelSize: Theme.fontNormal
                        elide: Text.ElideMiddle
                    }
                    Text {
                        objectName: "recordMessage"
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: recorderPanel.rec.message
                        color: recorderPanel.rec.message.indexOf("full") >= 0 ? Theme.mute : Theme.solo
                        font.pixelSize: Theme.fontNormal
                        font.bold: true
                        wrapMode: Text.Wrap
                    }
                }
            }

            Panel {
                id: takesPanel
                Layout.fillWidth: true
                Layout.fillHeight: true
                readonly property TakesModel takes: page.sc.takes
                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 10
                    spacing: 8
                    RowLayout {
                        Heading { text: "Virtual soundcheck"; Layout.fillWidth: true }
                        TouchButton {
                            objectName: "routLive"
                            Layout.preferredWidth: 110
                            text: "LIVE"
                            checked: !page.params.playAll
                            checkedColour: Theme.meterLow
                            onClicked: page.params.setOn("/config/routing/routswitch", false)
                        }
                        TouchButton {
                            objectName: "routPlay"
                            Layout.preferredWidth: 110
                            text: "PLAY"
                            checked: page.params.playAll
                            checkedColour: Theme.playback
                            onClicked: page.params.setOn("/config/routing/routswitch", true)
                        }
                    }
                    Text {
                        text: page.params.channelsOnPlayback + " channels hear their playback track"
                        color: page.params.channelsOnPlayback > 0 ? Theme.playback : Theme.textDim
                        font.pixelSize: Theme.fontSmall
                    }
                    ListView {
                        id: takeList
                        objectName: "takeList"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        spacing: 4
                        model: takesPanel.takes
                        delegate: Rectangle {
                            required property int index
                            required property string name
                            required property int channels
                            required property string length
                            required property string markers
                            required property bool current
                            objectName: "take_" + index
                            width: takeList.width
                            height: Theme.touch + 8
                            radius: 4
                            color: current ? Qt.darker(Theme.playback, 3) : Theme.panelRaised
                            border.color: current ? Theme.playback : Theme.line
                            Column {
                                x: 10; anchors.verticalCenter: parent.verticalCenter
                                width: parent.width - 20
                                Text {
                                    text: name + "   " + channels + " ch   " + length
                                    color: Theme.text
                                    font.pixelSize: Theme.fontNormal
                                    font.bold: true
                                }
                                Text {
                                    width: parent.width
                                    text: markers.length > 0 ? markers : "no markers"
                                    color: Theme.textDim
                                    font.pixelSize: Theme.fontSmall
                                    elide: Text.ElideRight
                                }
                            }
                            TapHandler { onTapped: takesPanel.takes.choose(index) }
                        }
                        Text {
                            anchors.centerIn: parent
                            visible: takeList.count === 0
                            text: "No takes yet in " + page.sc.recorder.directory
                            color: Theme.textDim
                            font.pixelSize: Theme.fontSmall
                            width: parent.width - 20
                            wrapMode: Text.Wrap
                        }
                    }
                    RowLayout {
                        spacing: 8
                        TouchButton {
                            objectName: "takePlay"
                            Layout.preferredWidth: 110
                            text: "▶ PLAY"
                            enabled: takesPanel.takes.current >= 0
                            checked: takesPanel.takes.playing
                            checkedColour: Theme.playback
                            onClicked: takesPanel.takes.play()
                        }
                        TouchButton {
                            objectName: "takeStop"
                            Layout.preferredWidth: 110
                            text: "■ STOP"
                            onClicked: takesPanel.takes.stop()
                        }
                        HSlider {
                            objectName: "takeLocate"
                            Layout.fillWidth: true
                            label: "LOCATE"
                            value: takesPanel.takes.position
                            valueText: takesPanel.takes.positionText
                            onMoved: (v) => takesPanel.takes.locate(v)
                        }
                    }
                    RowLayout {
                        spacing: 8
                        TouchButton {
                            objectName: "takeLoop"
                            Layout.preferredWidth: 110
                            text: "LOOP"
                            checked: takesPanel.takes.looping
                            onClicked: takesPanel.takes.setLooping(!takesPanel.takes.looping)
                        }
                        HSlider {
                            objectName: "loopStart"
                            Layout.fillWidth: true
                            label: "FROM"
                            value: takesPanel.takes.loopStart
                            valueText: takesPanel.takes.loopText
                            onMoved: (v) => takesPanel.takes.setLoopStart(v)
                        }
                        HSlider {
                            objectName: "loopEnd"
                            Layout.fillWidth: true
                            label: "TO"
                            value: takesPanel.takes.loopEnd
                            onMoved: (v) => takesPanel.takes.setLoopEnd(v)
                        }
                    }
                    Text {
                        visible: text.length > 0
                        text: takesPanel.takes.message
                        color: Theme.solo
                        font.pixelSize: Theme.fontSmall
                    }
                }
            }
        }

        // ---- Generator and talkback --------------------------------------
        ColumnLayout {
            Layout.preferredWidth: 520
            Layout.maximumWidth: 520
            Layout.fillHeight: true
            spacing: 10

            Panel {
                Layout.fillWidth: true
                Layout.preferredHeight: generatorColumn.implicitHeight + 20
                border.color: page.params.generatorOn ? Theme.generator : Theme.line
                border.width: page.params.generatorOn ? 3 : 1
                ColumnLayout {
                    id: generatorColumn
                    x: 10; y: 10; width: parent.width - 20
                    spacing: 8
                    RowLayout {
                        spacing: 8
                        Heading { text: "Signal generator"; Layout.fillWidth: true }
                        TouchButton {
                            objectName: "genType"
                            Layout.preferredWidth: 130
                            text: page.params.generatorType + "  ›"
                            onClicked: page.params.stepChoice("/config/osc/type", 1)
                        }
                        ParamButton {
                            objectName: "genOn"
                            Layout.preferredWidth: 150
                            address: "/config/osc/on"
                            text: checked ? "TONE ON" : "OFF"
                            checkedColour: Theme.generator
                        }
                    }
                    ParamSlider { objectName: "genFreq"; address: "/config/osc/f1"; label: "FREQUENCY"; fillColour: Theme.generator }
                    ParamSlider { objectName: "genLevel"; address: "/config/osc/level"; label: "LEVEL (RMS)"; fillColour: Theme.generator }
                    RowLayout {
                        spacing: 8
                        Heading { text: "To"; Layout.preferredWidth: 30 }
                        ParamButton {
                            objectName: "genMain"
                            address: "/config/osc/dest/st"
                            text: "MAIN LR"
                            checkedColour: Theme.generator
                        }
                        Heading { text: "and mix buses"; Layout.fillWidth: true }
                    }
                    BusDestinations { prefix: "/config/osc/dest/"; namePrefix: "genBus_"; tint: Theme.generator }
                }
            }

            Panel {
                Layout.fillWidth: true
                Layout.fillHeight: true
                ColumnLayout {
                    x: 10; y: 10; width: parent.width - 20
                    spacing: 8
                    RowLayout {
                        spacing: 8
                        Heading { text: "Talkback"; Layout.fillWidth: true }
                        TouchButton {
                            objectName: "talkLatch"
                            Layout.preferredWidth: 120
                            text: "LATCH"
                            checked: page.params.talkLatched
                            checkedColour: Theme.solo
                            onClicked: page.params.talkLatched = !page.params.talkLatched
                        }
                    }
                    Rectangle { // talk while the finger is down (or, latched, a press toggles)
                        objectName: "talkHold"
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.touch * 1.5
                        radius: 6
                        readonly property bool talking: page.params.talking
                        color: talking ? Theme.solo : (hold.pressed ? Theme.line : Theme.panelRaised)
                        border.color: Theme.line
                        border.width: 2
                        Text {
                            anchors.centerIn: parent
                            text: parent.talking ? "TALKING" : (page.params.talkLatched ? "PRESS TO TALK" : "HOLD TO TALK")
                            color: parent.talking ? "#000000" : Theme.text
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                        }
                        TapHandler {
                            id: hold
                            gesturePolicy: TapHandler.WithinBounds
                            onPressedChanged: page.params.talkPressed(pressed)
                        }
                    }
                    RowLayout {
                        spacing: 8
                        TouchButton {
                            objectName: "talkSourcePrev"
                            text: "‹"
                            onClicked: page.params.stepValue("/config/talk/source", -1)
                        }
                        Text {
                            objectName: "talkSource"
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignHCenter
                            text: "MIC  CH " + String(page.params.talkSource + 1).padStart(2, "0")
                            color: Theme.text
                            font.pixelSize: Theme.fontNormal
                            font.bold: true
                        }
                        TouchButton {
                            objectName: "talkSourceNext"
                            text: "›"
                            onClicked: page.params.stepValue("/config/talk/source", 1)
                        }
                    }
                    ParamSlider { objectName: "talkLevel"; address: "/config/talk/level"; label: "LEVEL"; fillColour: Theme.solo }
                    ParamSlider { objectName: "talkDim"; address: "/config/talk/dim"; label: "DIM MAIN"; fillColour: Theme.solo }
                    Heading { text: "To mix buses" }
                    BusDestinations { prefix: "/config/talk/dest/"; namePrefix: "talkBus_"; tint: Theme.solo }
                }
            }
        }

        // ---- RTA and the inputs (line check, arm, playback) --------------
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 10

            Panel {
                id: rtaPanel
                Layout.fillWidth: true
                Layout.preferredHeight: 400
                readonly property RtaModel rta: page.sc.rta
                RowLayout {
                    id: rtaControls
                    x: 10; y: 10; width: parent.width - 20
                    spacing: 6
                    TouchButton {
                        objectName: "rtaOn"
                        text: "RTA"
                        enabled: rtaPanel.rta.available
                        checked: rtaPanel.rta.on
                        checkedColour: Theme.playback
                        onClicked: rtaPanel.rta.on = !rtaPanel.rta.on
                    }
                    Repeater {
                        model: [{label: "CH", kind: 1}, {label: "BUS", kind: 2}, {label: "MAIN", kind: 3}]
                        TouchButton {
                            required property var modelData
                            objectName: "rtaSource_" + modelData.label.toLowerCase()
                            text: modelData.label
                            checked: rtaPanel.rta.sourceKind === modelData.kind
                            onClicked: rtaPanel.rta.setSource(modelData.kind, rtaPanel.rta.sourceIndex)
                        }
                    }
                    TouchButton { objectName: "rtaPrev"; text: "‹"; onClicked: rtaPanel.rta.stepSource(-1) }
                    TouchButton { objectName: "rtaNext"; text: "›"; onClicked: rtaPanel.rta.stepSource(1) }
                    Text {
                        Layout.fillWidth: true
                        text: rtaPanel.rta.sourceText
                        color: Theme.text
                        font.pixelSize: Theme.fontNormal
                        font.bold: true
                        elide: Text.ElideRight
                    }
                }
                Text {
                    objectName: "rtaPeak"
                    anchors.right: parent.right; anchors.rightMargin: 16
                    y: rtaControls.y + rtaControls.height + 6
                    text: "PEAK  " + rtaPanel.rta.peakText
                    color: rtaPanel.rta.on ? Theme.playback : Theme.textDim
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                }
                Rectangle {
                    id: rtaArea
                    x: 10; y: rtaControls.y + rtaControls.height + 40
                    width: parent.width - 20
                    height: parent.height - y - 10
                    color: "#07090b"
                    border.color: Theme.line
                    Repeater {
                        model: page.console.channel.eqGrid
                        Item {
                            required property var modelData
                            x: modelData.x * rtaArea.width
                            height: rtaArea.height
                            Rectangle { width: 1; height: parent.height; color: Theme.line }
                            Text { x: 4; y: parent.height - 20; text: modelData.label; color: Theme.textDim; font.pixelSize: 12 }
                        }
                    }
                    Repeater {
                        model: [0, -24, -48, -72]
                        Item {
                            required property var modelData
                            y: modelData / -96 * rtaArea.height
                            width: rtaArea.width
                            Rectangle { width: parent.width; height: 1; color: Theme.line }
                            Text { x: 4; y: 2; text: modelData + " dBFS"; color: Theme.textDim; font.pixelSize: 12 }
                        }
                    }
                    RtaPlot {
                        objectName: "rtaPlot"
                        anchors.fill: parent
                        visible: rtaPanel.rta.on
                        rta: rtaPanel.rta
                    }
                }
            }

            Panel {
                id: linePanel
                Layout.fillWidth: true
                Layout.fillHeight: true
                readonly property LineCheckModel check: page.sc.lineCheck
                RowLayout {
                    id: lineControls
                    x: 10; y: 10; width: parent.width - 20
                    Heading {
                        Layout.fillWidth: true
                        text: "Inputs — line check" + (linePanel.check.on ? ": " + linePanel.check.withSignal + " with signal" : "")
                    }
                    TouchButton {
                        objectName: "lineCheckOn"
                        text: "LINE CHECK"
                        enabled: linePanel.check.available
                        checked: linePanel.check.on
                        onClicked: linePanel.check.on = !linePanel.check.on
                    }
                }
                ListView {
                    id: lineList
                    objectName: "lineList"
                    x: 10; y: lineControls.y + lineControls.height + 8
                    width: parent.width - 20
                    height: parent.height - y - 10
                    clip: true
                    spacing: 3
                    model: linePanel.check
                    delegate: Rectangle {
                        id: line
                        required property int index
                        required property string label
                        required property string name
                        required property bool hasSignal
                        required property real level
                        required property string levelText
                        required property bool clipped
                        required property bool flipHint
                        objectName: "line_" + index
                        width: lineList.width
                        height: Theme.touch
                        radius: 4
                        color: Theme.panelRaised
                        RowLayout {
                            anchors.fill: parent
                            anchors.leftMargin: 8
                            anchors.rightMargin: 4
                            spacing: 8
                            Rectangle { // signal present
                                Layout.preferredWidth: 14; Layout.preferredHeight: 14; radius: 7
                                color: line.hasSignal ? Theme.meterLow : "#1b2a1f"
                            }
                            Text {
                                Layout.preferredWidth: 150
                                text: line.label + "  " + line.name
                                color: Theme.text
                                font.pixelSize: Theme.fontNormal
                                font.bold: true
                                elide: Text.ElideRight
                            }
                            Rectangle { // level bar
                                Layout.fillWidth: true
                                Layout.preferredHeight: 14
                                color: "#050607"
                                Rectangle {
                                    width: parent.width * line.level
                                    height: parent.height
                                    color: line.level > 0.9 ? Theme.meterHigh : (line.level > 0.75 ? Theme.meterMid : Theme.meterLow)
                                }
                            }
                            Text {
                                objectName: "levelText"
                                Layout.preferredWidth: 90
                                horizontalAlignment: Text.AlignRight
                                text: line.levelText
                                color: Theme.text
                                font.pixelSize: Theme.fontNormal
                            }
                            Text {
                                Layout.preferredWidth: 44
                                text: line.clipped ? "CLIP" : ""
                                color: Theme.meterHigh
                                font.pixelSize: Theme.fontSmall
                                font.bold: true
                            }
                            Text {
                                objectName: "flipText"
                                Layout.preferredWidth: 44
                                text: line.flipHint ? "Ø ?" : ""
                                color: Theme.solo
                                font.pixelSize: Theme.fontNormal
                                font.bold: true
                            }
                            TouchButton {
                                objectName: "arm"
                                Layout.preferredWidth: 70
                                Layout.preferredHeight: Theme.touch - 2
                                text: "REC"
                                checkedColour: Theme.recording
                                checked: (page.sc.recorder.armRevision, page.sc.recorder.isArmed(line.index))
                                onClicked: page.sc.recorder.toggleArm(line.index)
                            }
                            TouchButton {
                                objectName: "play"
                                Layout.preferredWidth: 70
                                Layout.preferredHeight: Theme.touch - 2
                                text: "PLAY"
                                checkedColour: Theme.playback
                                checked: (page.params.revision, page.params.channelSwitch(line.index))
                                onClicked: page.params.toggleChannelSwitch(line.index)
                            }
                        }
                    }
                }
            }
        }
    }
}
