import QtQuick
import QtQuick.Layouts
import Stagedesk

// The selected channel in full: preamp, EQ curve with draggable bands, gate
// and compressor transfer curves, sends, DCA and mute groups, name, colour;
// INSERTS shows the insert slots (InsertsPanel) in place of EQ, dynamics
// and sends.
// Bindings read "ch.revision, ch.xxx(...)" so they follow every change.
Item {
    id: page
    required property Console console
    readonly property ChannelModel ch: console.channel
    property bool showInserts: false

    // A transfer-curve plot with its threshold handle and GR meter.
    component DynamicsPlot: Panel {
        id: dyn
        property string section // "gate" or "dyn"
        property string title
        property color tint
        property var curve: []
        property real reduction: 0
        // [{suffix, label}] of the sliders under the plot, two a row.
        property var sliders: []
        Heading {
            x: 12; y: 8
            width: parent.width - 24 - Theme.touch - 24; elide: Text.ElideRight
            text: (page.ch.revision, dyn.title + "  " + page.ch.display("/" + dyn.section + "/thr"))
        }
        TouchButton {
            objectName: dyn.section + "On"
            anchors.right: parent.right; anchors.margins: 8; y: 8
            text: "ON"
            checked: (page.ch.revision, page.ch.isOn("/" + dyn.section + "/on"))
            checkedColour: dyn.tint
            onClicked: page.ch.toggle("/" + dyn.section + "/on")
        }
        Rectangle {
            id: dynPlotBox
            x: 12; y: Theme.touch + 16
            width: parent.width - 60
            height: parent.height - y - dynSliders.height - 20
            color: "#07090b"
            border.color: Theme.line
            Rectangle { // unity line
                width: Math.hypot(parent.width, parent.height); height: 1
                color: Theme.line
                transformOrigin: Item.TopLeft
                y: parent.height
                rotation: -Math.atan2(parent.height, parent.width) * 180 / Math.PI
            }
            PlotItem {
                anchors.fill: parent
                points: dyn.curve
                colour: dyn.tint
                lineWidth: 3
            }
            Rectangle {
                objectName: dyn.section + "Threshold"
                x: (page.ch.revision, page.ch.thresholdX(dyn.section)) * parent.width - width / 2
                width: Theme.touch
                height: parent.height
                color: "transparent"
                Rectangle { anchors.horizontalCenter: parent.horizontalCenter; width: 2; height: parent.height; color: Theme.text; opacity: 0.7 }
                Rectangle {
                    anchors.bottom: parent.bottom
                    width: parent.width; height: Theme.touch; radius: Theme.touch / 2
                    color: dyn.tint; opacity: 0.85
                }
                MultiPointTouchArea {
                    anchors.fill: parent
                    mouseEnabled: true
                    maximumTouchPoints: 1
                    onUpdated: (points) => {
                        const p = mapToItem(dynPlotBox, points[0].x, points[0].y)
                        page.ch.setThresholdX(dyn.section, p.x / dynPlotBox.width)
                    }
                }
            }
        }
        Rectangle { // gain reduction meter
            objectName: dyn.section + "Gr"
            x: parent.width - 38; y: dynPlotBox.y
            width: 22; height: dynPlotBox.height
            color: "#07090b"; border.color: Theme.line
            Rectangle { width: parent.width; height: parent.height * dyn.reduction; color: dyn.tint }
        }
        Grid {
            id: dynSliders
            x: 12; anchors.bottom: parent.bottom; anchors.bottomMargin: 8
            columns: 2; spacing: 4
            Repeater {
                model: dyn.sliders
                HSlider {
                    required property var modelData
                    readonly property string suffix: "/" + dyn.section + "/" + modelData.suffix
                    objectName: dyn.section + "_" + modelData.suffix
                    width: (dyn.width - 28) / 2
                    label: modelData.label
                    fillColour: dyn.tint
                    value: (page.ch.revision, page.ch.normalized(suffix))
                    valueText: (page.ch.revision, page.ch.display(suffix))
                    onMoved: (v) => page.ch.setNormalized(suffix, v)
                }
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 8

        Panel { // preamp, identity, groups
            Layout.preferredWidth: 330
            Layout.fillHeight: true
            Column {
                anchors.fill: parent
                anchors.margins: 12
                spacing: 8
                Heading { text: page.ch.label + "  name and colour" }
                Rectangle {
                    width: parent.width; height: Theme.touch
                    color: "#07090b"; border.color: page.ch.colour; border.width: 2; radius: 4
                    TextInput {
                        objectName: "nameInput"
                        anchors.fill: parent; anchors.margins: 10
                        verticalAlignment: TextInput.AlignVCenter
                        text: page.ch.name
                        color: Theme.text
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        maximumLength: 12
                        onEditingFinished: page.ch.name = text
                    }
                }
                Grid {
                    columns: 4; spacing: 6
                    Repeater {
                        model: 8
                        Rectangle {
                            required property int index
                            width: (306 - 18) / 4; height: Theme.touch; radius: 4
                            color: page.ch.colours[index]
                            border.color: page.ch.colourIndex % 8 === index ? Theme.text : "#000"
                            border.width: page.ch.colourIndex % 8 === index ? 4 : 1
                            TapHandler { onTapped: page.ch.colourIndex = index }
                        }
                    }
                }
                Heading { text: "Preamp" }
                HSlider {
                    objectName: "trim"
                    width: parent.width
                    label: "TRIM"
                    value: (page.ch.revision, page.ch.normalized("/preamp/trim"))
                    valueText: (page.ch.revision, page.ch.display("/preamp/trim"))
                    onMoved: (v) => page.ch.setNormalized("/preamp/trim", v)
                }
                Row {
                    spacing: 6
                    TouchButton {
                        objectName: "polarity"
                        width: 150; text: "Ø POLARITY"
                        checked: (page.ch.revision, page.ch.isOn("/preamp/invert"))
                        onClicked: page.ch.toggle("/preamp/invert")
                    }
                    TouchButton {
                        objectName: "hpfOn"
                        width: 150; text: "HIGH-PASS"
                        checked: (page.ch.revision, page.ch.isOn("/preamp/hpon"))
                        onClicked: page.ch.toggle("/preamp/hpon")
                    }
                }
                HSlider {
                    objectName: "hpf"
                    width: parent.width
                    label: "HPF"
                    value: (page.ch.revision, page.ch.normalized("/preamp/hpf"))
                    valueText: (page.ch.revision, page.ch.display("/preamp/hpf"))
                    onMoved: (v) => page.ch.setNormalized("/preamp/hpf", v)
                }
                Heading { text: "DCA groups" }
                Grid {
                    columns: 8; spacing: 4
                    Repeater {
                        model: page.ch.dcaCount
                        TouchButton {
                            required property int index
                            objectName: "dca_" + index
                            width: 34; implicitWidth: 34; text: index + 1; fontSize: Theme.fontSmall
                            checked: (page.ch.revision, page.ch.inDca(index))
                            onClicked: page.ch.toggleDca(index)
                        }
                    }
                }
                Heading { text: "Mute groups" }
                Grid {
                    columns: 8; spacing: 4
                    Repeater {
                        model: page.ch.muteGroupCount
                        TouchButton {
                            required property int index
                            width: 34; text: index + 1; fontSize: Theme.fontSmall
                            checked: (page.ch.revision, page.ch.inMuteGroup(index))
                            checkedColour: Theme.mute
                            onClicked: page.ch.toggleMuteGroup(index)
                        }
                    }
                }
            }
        }

        InsertsPanel {
            objectName: "insertsPanel"
            visible: page.showInserts
            Layout.fillWidth: true
            Layout.fillHeight: true
            console: page.console
            onClosed: page.showInserts = false
        }
        ColumnLayout {
            visible: !page.showInserts
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 8

            Panel { // EQ
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: 5
                Heading {
                    x: 12; y: 8; width: parent.width - 24 - 410; elide: Text.ElideRight
                    text: "Equaliser — drag a band: left/right frequency, up/down gain"
                }
                TouchButton { // the insert slots in place of EQ, dynamics and sends
                    objectName: "insertsView"
                    anchors.right: eqRtaButton.visible ? eqRtaButton.left : eqOnButton.left
                    anchors.rightMargin: 8; y: 8
                    width: 140; text: "INSERTS"
                    onClicked: page.showInserts = true
                }
                TouchButton { // the channel's live spectrum behind the curve
                    id: eqRtaButton
                    objectName: "eqRta"
                    anchors.right: eqOnButton.left; anchors.rightMargin: 8; y: 8
                    visible: page.console.soundcheck.rta.available
                    text: "RTA"
                    checked: page.console.soundcheck.rta.on
                    checkedColour: Theme.playback
                    onClicked: page.console.soundcheck.rta.on = !page.console.soundcheck.rta.on
                }
                TouchButton {
                    id: eqOnButton
                    objectName: "eqOn"
                    anchors.right: parent.right; anchors.margins: 8; y: 8
                    text: "EQ ON"
                    checked: (page.ch.revision, page.ch.isOn("/eq/on"))
                    onClicked: page.ch.toggle("/eq/on")
                }
                Rectangle {
                    id: eqPlot
                    objectName: "eqPlot"
                    x: 12; y: Theme.touch + 16
                    width: parent.width - 24
                    height: parent.height - y - bandControls.height - 20
                    color: "#07090b"
                    border.color: Theme.line
                    Repeater {
                        model: page.ch.eqGrid
                        Item {
                            required property var modelData
                            x: modelData.x * eqPlot.width
                            height: eqPlot.height
                            Rectangle { width: 1; height: parent.height; color: Theme.line }
                            Text { x: 4; y: parent.height - 20; text: modelData.label; color: Theme.textDim; font.pixelSize: 12 }
                        }
                    }
                    Repeater {
                        model: [12, 6, 0, -6, -12]
                        Item {
                            required property var modelData
                            y: (18 - modelData) / 36 * eqPlot.height
                            width: eqPlot.width
                            Rectangle { width: parent.width; height: 1; color: modelData === 0 ? Theme.textDim : Theme.line }
                            Text { x: 4; y: -16; text: (modelData > 0 ? "+" : "") + modelData + " dB"; color: Theme.textDim; font.pixelSize: 12 }
                        }
                    }
                    RtaPlot {
                        objectName: "eqSpectrum"
                        anchors.fill: parent
                        visible: rta.on && rta.followSelected
                        rta: page.console.soundcheck.rta
                        faint: true
                    }
                    PlotItem {
                        objectName: "eqCurve"
                        anchors.fill: parent
                        points: page.ch.eqCurve
                        colour: Theme.accent
                        fillTo: 0.5
                        lineWidth: 3
                    }
                    Repeater {
                        model: page.ch.bandCount
                        Rectangle {
                            id: handle
                            required property int index
                            readonly property point at: (page.ch.revision, page.ch.bandPoint(index))
                            objectName: "eqBand_" + index
                            width: Theme.touch + 8; height: width; radius: width / 2
                            x: at.x * eqPlot.width - width / 2
                            y: at.y * eqPlot.height - height / 2
                            color: Qt.rgba(0.24, 0.65, 1, 0.25)
                            border.color: Theme.text
                            border.width: 3
                            Text {
                                anchors.centerIn: parent
                                text: handle.index + 1
                                color: Theme.text
                                font.pixelSize: Theme.fontLarge
                                font.bold: true
                            }
                            MultiPointTouchArea {
                                anchors.fill: parent
                                mouseEnabled: true
                                maximumTouchPoints: 1
                                onUpdated: (points) => {
                                    const p = mapToItem(eqPlot, points[0].x, points[0].y)
                                    page.ch.moveBand(handle.index, p.x / eqPlot.width, p.y / eqPlot.height)
                                }
                            }
                        }
                    }
                }
                Grid { // each band's type (tap: the next type) and Q
                    id: bandControls
                    x: 12; anchors.bottom: parent.bottom; anchors.bottomMargin: 8
                    columns: page.ch.bandCount; spacing: 6
                    readonly property real cell: (parent.width - 24 - (columns - 1) * spacing) / columns
                    Repeater {
                        model: page.ch.bandCount
                        Column {
                            id: bandCell
                            required property int index
                            readonly property string band: "/eq/" + (index + 1)
                            spacing: 4
                            TouchButton {
                                objectName: "eqType_" + bandCell.index
                                width: bandControls.cell
                                text: (page.ch.revision, (bandCell.index + 1) + "  " + page.ch.display(bandCell.band + "/type") + "  ›")
                                onClicked: page.ch.stepChoice(bandCell.band + "/type", 1)
                            }
                            HSlider {
                                objectName: "eqQ_" + bandCell.index
                                width: bandControls.cell
                                label: "Q"
                                value: (page.ch.revision, page.ch.normalized(bandCell.band + "/q"))
                                valueText: (page.ch.revision, page.ch.display(bandCell.band + "/q"))
                                onMoved: (v) => page.ch.setNormalized(bandCell.band + "/q", v)
                            }
                        }
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: 4
                spacing: 8
                DynamicsPlot {
                    Layout.fillWidth: true; Layout.fillHeight: true
                    section: "gate"; title: "Gate"; tint: Theme.gate
                    sliders: [{suffix: "range", label: "RANGE"}, {suffix: "attack", label: "ATT"},
                              {suffix: "hold", label: "HOLD"}, {suffix: "release", label: "REL"}]
                    curve: page.ch.gateCurve; reduction: page.ch.gateGr
                }
                DynamicsPlot {
                    Layout.fillWidth: true; Layout.fillHeight: true
                    section: "dyn"; title: "Compressor"; tint: Theme.comp
                    sliders: [{suffix: "ratio", label: "RATIO"}, {suffix: "attack", label: "ATT"},
                              {suffix: "release", label: "REL"}, {suffix: "mgain", label: "GAIN"}]
                    curve: page.ch.compCurve; reduction: page.ch.compGr
                }
            }
        }

        Panel { // sends: as many as the height holds, in banks of that many
            id: sends
            visible: !page.showInserts // the insert slots take its room
            readonly property int perBank: Math.max(1, Math.floor((height - 34 - Theme.touch - 16) / (Theme.touch + 4)))
            readonly property bool banked: page.console.busCount > perBank
            property int bank: 0
            Layout.preferredWidth: page.width < 1600 ? 320 : 380
            Layout.fillHeight: true
            Heading { x: 12; y: 8; text: "Sends to mix buses" }
            Column {
                x: 12; y: 34
                width: parent.width - 24
                spacing: 4
                Repeater {
                    model: page.console.busCount
                    Row {
                        required property int index
                        readonly property string send: page.ch.sendSuffix(index)
                        visible: !sends.banked || Math.floor(index / sends.perBank) === sends.bank
                        spacing: 4
                        HSlider {
                            objectName: "send_" + index
                            width: sends.width - 24 - 64
                            label: page.console.busNames[index]
                            value: (page.ch.revision, page.ch.normalized(send + "/level"))
                            valueText: (page.ch.revision, page.ch.display(send + "/level"))
                            fillColour: Theme.sends
                            onMoved: (v) => page.ch.setNormalized(send + "/level", v)
                        }
                        TouchButton {
                            objectName: "sendOn_" + index
                            width: 60; text: "ON"
                            checked: (page.ch.revision, page.ch.isOn(send + "/on"))
                            checkedColour: Theme.sends
                            onClicked: page.ch.toggle(send + "/on")
                        }
                    }
                }
            }
            Row {
                visible: sends.banked
                x: 12; anchors.bottom: parent.bottom; anchors.bottomMargin: 8
                spacing: 4
                Repeater {
                    model: Math.ceil(page.console.busCount / sends.perBank)
                    TouchButton {
                        required property int index
                        objectName: "sendBank_" + index
                        width: (sends.width - 24 - 12) / 4
                        text: (index * sends.perBank + 1) + "–" + Math.min(page.console.busCount, (index + 1) * sends.perBank)
                        fontSize: Theme.fontSmall
                        checked: sends.bank === index
                        checkedColour: Theme.sends
                        onClicked: sends.bank = index
                    }
                }
            }
        }
    }
}
