pragma Singleton
import QtQuick
import QtQuick.Window

// The dark, high-contrast look of the console, readable at arm's length in a
// dark room, and its sizes: every touch target is at least 9 mm.
QtObject {
    readonly property real mm: Math.max(Screen.pixelDensity, 3.78) // pixels per mm
    readonly property real touch: Math.max(48, Math.ceil(9 * mm))    // >= 9 mm

    readonly property color background: "#0c0e11"
    readonly property color panel: "#171a1f"
    readonly property color panelRaised: "#22262d"
    readonly property color line: "#343a44"
    readonly property color text: "#eef1f5"
    readonly property color textDim: "#9aa3af"
    readonly property color accent: "#3ea6ff"
    readonly property color mute: "#ff3b3b"
    readonly property color solo: "#ffd43b"
    readonly property color selected: "#3ea6ff"
    readonly property color sends: "#ff8c1a"      // sends on fader: unmistakable
    readonly property color sendsDark: "#3a2308"
    readonly property color meterLow: "#35d05b"
    readonly property color meterMid: "#f2c94c"
    readonly property color meterHigh: "#ff4040"
    readonly property color gate: "#3ccfd8"
    readonly property color comp: "#ff9f43"
    readonly property color go: "#1fae4b"
    readonly property color generator: "#ff2bd6" // a tone is on: never mistaken for mute or solo
    readonly property color playback: "#2ee6c8"  // a channel hears its playback track
    readonly property color recording: "#e8202a"

    readonly property int fontSmall: 14
    readonly property int fontNormal: 17
    readonly property int fontLarge: 22
    readonly property int fontHuge: 44
}
