import QtQuick
import Stagedesk

// The RTA's spectrum: 1/3-octave bars and the FFT line on the EQ plot's log
// axis (20 Hz .. 20 kHz), 0 dBFS at the top. Drawn alone on the soundcheck
// page, and faintly behind the channel page's EQ curve.
Item {
    id: plot
    required property RtaModel rta
    property bool faint: false // behind another curve
    clip: true // the 20 Hz band's bar starts left of the axis

    Repeater {
        model: plot.rta.bands.length
        Rectangle {
            required property int index
            readonly property point band: plot.rta.bands[index] ?? Qt.point(0, 1)
            x: (band.x - plot.rta.bandWidth / 2) * plot.width + 1
            y: band.y * plot.height
            width: Math.max(1, plot.rta.bandWidth * plot.width - 2)
            height: plot.height - y
            color: plot.faint ? Qt.rgba(0.18, 0.9, 0.78, 0.16) : Qt.rgba(0.18, 0.9, 0.78, 0.45)
        }
    }
    PlotItem {
        objectName: "rtaLine"
        anchors.fill: parent
        points: plot.rta.spectrum
        colour: plot.faint ? Qt.rgba(0.85, 0.95, 1, 0.45) : Theme.text
        lineWidth: plot.faint ? 1.5 : 2
    }
}
