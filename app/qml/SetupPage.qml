import QtQuick
import QtQuick.Layouts
import Stagedesk

// Setup: audio (API, device, rate, buffer, channel maps; applied without
// quitting), MIDI (ports, Mackie pair, learn from the screen, bindings), OSC
// (port, clients and their roles, access rules), and the show file.
Item {
    id: page
    required property Console console
    readonly property StatusModel status: console.status
    readonly property AudioSetupModel audio: console.setup.audio
    readonly property MidiSetupModel midi: console.setup.midi
    readonly property OscSetupModel osc: console.setup.osc

    onVisibleChanged: if (visible) { page.audio.refreshDevices(); page.midi.refreshPorts() }

    component Heading: Text {
        Layout.fillWidth: true; elide: Text.ElideRight
        color: Theme.textDim; font.pixelSize: Theme.fontSmall; font.bold: true
    }
    component Note: Text {
        Layout.fillWidth: true
        color: Theme.text; font.pixelSize: Theme.fontNormal; wrapMode: Text.Wrap
    }
    // A column of the page, 'share' sixteenths of its width.
    component Panel: Rectangle {
        property int share: 4
        Layout.fillHeight: true
        Layout.preferredWidth: (page.width - 24 - 3 * 12) * share / 16
        color: Theme.panel; border.color: Theme.line; radius: 6
    }
    // A list of names, each a button; 'current' is lit.
    component NameList: ListView {
        id: list
        property string current
        property string namePrefix
        signal picked(string name)
        Layout.fillWidth: true
        // Three names where the page is tall enough, one at least.
        Layout.fillHeight: true
        Layout.minimumHeight: Theme.touch
        Layout.maximumHeight: (Theme.touch + 4) * 3
        clip: true; spacing: 4
        delegate: TouchButton {
            required property int index
            required property string modelData
            objectName: list.namePrefix + index
            width: ListView.view.width; fontSize: Theme.fontSmall
            text: modelData === "" ? "(default)" : modelData
            checked: modelData === list.current
            onClicked: list.picked(modelData)
        }
        Text {
            visible: list.count === 0
            text: "none found (RESCAN)"
            color: Theme.textDim; font.pixelSize: Theme.fontNormal
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 12

        Panel {
            share: 5
            ColumnLayout {
                anchors.fill: parent; anchors.margins: 12; spacing: 6
                Heading { text: "AUDIO" }
                Note { objectName: "audioRunning"; text: page.status.engine; font.bold: true }
                Heading { text: "API" }
                ChoiceRow {
                    Layout.fillWidth: true
                    options: page.audio.apis
                    labels: page.audio.apis.map(a => a === "internal" ? "CLOCK" : a.toUpperCase())
                    current: page.audio.api; namePrefix: "api_"; buttonWidth: 84
                    onChosen: value => page.audio.api = value
                }
                Heading { text: "DEVICE" }
                NameList {
                    model: page.audio.devices; current: page.audio.device; namePrefix: "device_"
                    onPicked: name => page.audio.device = name
                }
                Heading { text: "SAMPLE RATE (the engine runs at " + page.audio.engineRate + " Hz)" }
                ChoiceRow {
                    Layout.fillWidth: true
                    options: page.audio.sampleRates; current: page.audio.sampleRate; namePrefix: "rate_"
                    buttonWidth: 84
                    onChosen: value => page.audio.sampleRate = value
                }
                Heading { text: "BUFFER SIZE (frames)" }
                ChoiceRow {
                    Layout.fillWidth: true
                    options: page.audio.bufferSizes; current: page.audio.framesPerBlock; namePrefix: "buffer_"
                    buttonWidth: 64
                    onChosen: value => page.audio.framesPerBlock = value
                }
                Heading { text: "INPUT / OUTPUT MAP (device channels: 1-8,-,12; empty = in order)" }
                RowLayout {
                    Layout.fillWidth: true; spacing: 6
                    TextBox {
                        Layout.fillWidth: true; inputName: "inputMap"
                        text: page.audio.inputMap
                        onEdited: value => page.audio.inputMap = value
                    }
                    TextBox {
                        Layout.fillWidth: true; inputName: "outputMap"
                        text: page.audio.outputMap
                        onEdited: value => page.audio.outputMap = value
                    }
                }
                Note {
                    visible: page.audio.restartNeeded
                    objectName: "restartNeeded"
                    color: Theme.solo
                    text: "A rate of " + page.audio.sampleRate + " Hz needs a restart: the engine's filters and times are made for "
                          + page.audio.engineRate + " Hz. Restart stagedesk with --rate " + page.audio.sampleRate + "."
                }
                Flow {
                    Layout.fillWidth: true; spacing: 6
                    TouchButton { objectName: "audioApply"; width: 110; text: "APPLY"; enabled: page.audio.available && !page.audio.restartNeeded; onClicked: page.audio.apply() }
                    TouchButton { objectName: "audioRestore"; width: 110; text: "RESTORE"; enabled: page.audio.canRestore; onClicked: page.audio.restore() }
                    TouchButton { objectName: "audioRescan"; width: 110; text: "RESCAN"; onClicked: page.audio.refreshDevices() }
                }
                Note { objectName: "audioMessage"; text: page.audio.message; color: Theme.solo }
                Item { Layout.fillHeight: true }
            }
        }

        Panel {
            share: 4
            ColumnLayout {
                anchors.fill: parent; anchors.margins: 12; spacing: 6
                Heading { text: "MIDI INPUTS (tap to choose)" }
                NameList {
                    model: page.midi.inputs; current: page.midi.inputPort; namePrefix: "midiIn_"
                    onPicked: name => midiIn.text = name
                }
                Heading { text: "MIDI OUTPUTS" }
                NameList {
                    model: page.midi.outputs; current: page.midi.outputPort; namePrefix: "midiOut_"
                    onPicked: name => midiOut.text = name
                }
                Heading { text: "INPUT / OUTPUT PORT (part of the name)" }
                TextBox { id: midiIn; Layout.fillWidth: true; inputName: "midiInName" }
                TextBox { id: midiOut; Layout.fillWidth: true; inputName: "midiOutName" }
                Flow {
                    Layout.fillWidth: true; spacing: 6
                    TouchButton { id: mackie; objectName: "midiMackie"; width: 110; text: "MACKIE"; checked: page.midi.mackie; onClicked: checked = !checked }
                    TouchButton { objectName: "midiOpen"; width: 90; text: "OPEN"; onClicked: page.midi.openPorts(midiIn.text, midiOut.text, mackie.checked) }
                    TouchButton { objectName: "midiRescan"; width: 110; text: "RESCAN"; onClicked: page.midi.refreshPorts() }
                    TouchButton { objectName: "midiClose"; width: 90; text: "CLOSE"; enabled: page.midi.open; onClicked: page.midi.closePorts() }
                }
                Note {
                    objectName: "midiConnected"
                    text: page.midi.open ? "in: " + (page.midi.inputPort || "waiting") + "   out: " + (page.midi.outputPort || "—")
                                           + (page.midi.mackie ? "   (Mackie Control)" : "")
                                         : "no MIDI ports open"
                }
                Flow {
                    Layout.fillWidth: true; spacing: 6
                    TouchButton {
                        objectName: "midiLearn"; width: 120; text: "LEARN"
                        checked: page.midi.picking || page.midi.learning !== ""; checkedColour: Theme.solo
                        enabled: page.midi.open && !page.midi.mackie
                        onClicked: page.midi.startLearn()
                    }
                    TouchButton { objectName: "midiLearnCancel"; width: 120; text: "CANCEL"; enabled: page.midi.picking || page.midi.learning !== ""; onClicked: page.midi.cancelLearn() }
                }
                Heading { text: "BINDINGS" }
                ListView {
                    id: bindingsView
                    objectName: "midiBindings"
                    Layout.fillWidth: true; Layout.fillHeight: true; Layout.minimumHeight: Theme.touch
                    clip: true; spacing: 4
                    model: page.midi.bindings
                    delegate: Row {
                        required property int index
                        required property string modelData
                        spacing: 6
                        Text {
                            width: bindingsView.width - 126; anchors.verticalCenter: parent.verticalCenter
                            text: modelData; color: Theme.text; font.pixelSize: Theme.fontSmall; elide: Text.ElideRight
                        }
                        TouchButton { objectName: "bindingRemove_" + index; width: 120; text: "REMOVE"; fontSize: Theme.fontSmall; onClicked: page.midi.removeBinding(index) }
                    }
                }
                Note { objectName: "midiMessage"; text: page.midi.message; color: Theme.solo }
            }
        }

        Panel {
            share: 4
            ColumnLayout {
                anchors.fill: parent; anchors.margins: 12; spacing: 6
                Heading { text: "OSC REMOTE" }
                Note {
                    objectName: "oscPort"
                    text: page.osc.running ? "UDP port " + page.osc.port + " (X32); another port: restart with --osc-port"
                                           : "not running (--no-osc, or the port was taken)"
                }
                Heading { text: "CLIENTS NOW" }
                ListView {
                    objectName: "oscClients"
                    Layout.fillWidth: true; Layout.preferredHeight: 3 * 26
                    clip: true
                    model: page.osc.clients
                    delegate: Text {
                        required property int index
                        required property string modelData
                        objectName: "oscClient_" + index
                        text: modelData; color: Theme.text; font.pixelSize: Theme.fontNormal
                    }
                }
                Heading { text: "ACCESS RULES (first match wins; tap to change the role)" }
                ListView {
                    id: rulesView
                    objectName: "oscRules"
                    Layout.fillWidth: true; Layout.fillHeight: true; Layout.minimumHeight: Theme.touch
                    clip: true; spacing: 4
                    model: page.osc.rules
                    delegate: Row {
                        required property int index
                        required property string modelData
                        spacing: 6
                        TouchButton {
                            objectName: "oscRule_" + index
                            width: rulesView.width - 126; fontSize: Theme.fontSmall
                            text: modelData
                            onClicked: page.osc.cycleRole(index)
                        }
                        TouchButton { objectName: "oscRuleRemove_" + index; width: 120; text: "REMOVE"; fontSize: Theme.fontSmall; onClicked: page.osc.removeRule(index) }
                    }
                }
                Repeater {
                    model: page.osc.pins
                    Note { required property string modelData; text: modelData; color: Theme.textDim }
                }
                Heading { text: "NEW RULE: FROM (10.0.0.7, 10.0.0.0/24, local, any) / BUSES" }
                RowLayout {
                    Layout.fillWidth: true; spacing: 6
                    TextBox { id: ruleFrom; Layout.fillWidth: true; inputName: "oscRuleFrom" }
                    TextBox { id: ruleBuses; Layout.preferredWidth: 80; inputName: "oscRuleBuses" }
                }
                ChoiceRow {
                    id: ruleRole
                    Layout.fillWidth: true
                    options: ["viewer", "monitor", "engineer"]
                    labels: ["VIEWER", "MONITOR", "ENGINEER"]
                    current: "viewer"; namePrefix: "oscRole_"; buttonWidth: 88
                    onChosen: value => current = value
                }
                TouchButton {
                    objectName: "oscRuleAdd"; width: 180; text: "ADD RULE"; enabled: page.osc.running
                    onClicked: page.osc.addRule(ruleFrom.text, ruleRole.current, ruleBuses.text)
                }
                Note { objectName: "oscMessage"; text: page.osc.message; color: Theme.solo }
            }
        }

        Panel {
            share: 3
            ColumnLayout {
                anchors.fill: parent; anchors.margins: 12; spacing: 6
                Heading { text: "SHOW" }
                Note { text: page.status.showName; font.pixelSize: Theme.fontLarge; font.bold: true }
                Note { text: page.status.showPath || "(not saved yet)"; color: Theme.textDim }
                TextBox { id: path; Layout.fillWidth: true; inputName: "showPath"; text: page.status.showPath }
                Flow {
                    Layout.fillWidth: true; spacing: 6
                    TouchButton { objectName: "save"; width: 110; text: "SAVE"; onClicked: page.status.save() }
                    TouchButton { objectName: "saveAs"; width: 110; text: "SAVE AS"; onClicked: page.status.save(path.text) }
                    TouchButton { objectName: "open"; width: 110; text: "OPEN"; onClicked: page.status.open(path.text) }
                }
                Note { text: page.status.message; color: Theme.textDim }
                Item { Layout.fillHeight: true }
            }
        }
    }
}
