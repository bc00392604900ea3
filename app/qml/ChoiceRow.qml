import QtQuick
import Stagedesk

// One choice out of a few, as a row of latching buttons (tap only).
Flow {
    id: row
    property var options: []      // the values
    property var labels: options   // what the buttons say
    property var current
    property string namePrefix     // buttons are named namePrefix + value
    property real buttonWidth: 110
    signal chosen(var value)

    spacing: 6
    Repeater {
        model: row.options
        TouchButton {
            required property int index
            required property var modelData
            objectName: row.namePrefix + modelData
            width: row.buttonWidth
            text: String(row.labels[index])
            fontSize: Theme.fontSmall
            checked: row.current === modelData
            onClicked: row.chosen(modelData)
        }
    }
}
