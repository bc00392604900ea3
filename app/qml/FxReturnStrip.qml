import QtQuick
import Stagedesk

// One stereo FX return (/fxrtn/KK): its name, fader with the left and right
// meters after it, mute and balance.
// Bindings read "model.revision >= 0 ? model.f(...) : undefined" to follow
// every change of the model: Qt 6.4's QML compiler drops the unused left
// side of "(model.revision, model.f(...))".
Rectangle {
    id: strip
    required property FxReturnsModel returns
    required property int index
    property var faderScale: []
    readonly property string prefix: returns.prefixes[index] ?? ""
    readonly property string faderAddress: prefix + "/mix/fader"
    readonly property string onAddress: prefix + "/mix/on"
    readonly property string panAddress: prefix + "/mix/pan"
    readonly property string nameAddress: prefix + "/config/name"

    objectName: "fxReturn_" + index
    color: Theme.panel
    border.color: Theme.line
    radius: 4

    Text {
        id: title
        x: 8; y: 6
        width: parent.width - 16
        horizontalAlignment: Text.AlignHCenter
        elide: Text.ElideRight
        text: (strip.returns.revision >= 0 ? strip.returns.text(strip.nameAddress) : undefined) || ("FX " + (strip.index + 1))
        color: Theme.text
        font.pixelSize: Theme.fontNormal
        font.bold: true
    }
    Text {
        anchors.horizontalCenter: parent.horizontalCenter
        y: title.y + title.height + 2
        text: (strip.returns.revision >= 0 ? strip.returns.display(strip.faderAddress) : undefined)
        color: Theme.textDim
        font.pixelSize: Theme.fontSmall
    }
    Fader {
        id: fader
        objectName: "fader"
        x: 6
        y: title.y + title.height + 24
        height: balance.y - y - 8
        width: 64
        // Every other mark: a return's fader is short.
        marks: strip.faderScale.filter((m) => ["+10", "0", "-10", "-20", "-40", "-∞"].includes(m.label))
        value: (strip.returns.revision >= 0 ? strip.returns.normalized(strip.faderAddress) : undefined)
        onMoved: (v) => strip.returns.setNormalized(strip.faderAddress, v)
    }
    Row {
        x: fader.x + fader.width + 10
        y: fader.y
        spacing: 4
        Repeater {
            model: 2 // left, right
            Meter {
                required property int index
                objectName: index === 0 ? "meterLeft" : "meterRight"
                height: fader.height
                showReduction: false
                level: (strip.returns.meterRevision >= 0 ? strip.returns.level(strip.index, index) : undefined)
                peakHold: (strip.returns.meterRevision >= 0 ? strip.returns.peakHold(strip.index, index) : undefined)
                clip: (strip.returns.meterRevision >= 0 ? strip.returns.clip(strip.index, index) : undefined)
            }
        }
    }
    HSlider {
        id: balance
        objectName: "balance"
        x: 6
        y: mute.y - height - 6
        width: parent.width - 12
        label: "BAL"
        value: (strip.returns.revision >= 0 ? strip.returns.normalized(strip.panAddress) : undefined)
        valueText: (strip.returns.revision >= 0 ? strip.returns.display(strip.panAddress) : undefined)
        onMoved: (v) => strip.returns.setNormalized(strip.panAddress, v)
    }
    TouchButton {
        id: mute
        objectName: "mute"
        x: 6
        y: parent.height - height - 6
        width: parent.width - 12
        text: "MUTE"
        checked: !(strip.returns.revision >= 0 ? strip.returns.isOn(strip.onAddress) : undefined)
        checkedColour: Theme.mute
        onClicked: strip.returns.toggle(strip.onAddress)
    }
}
