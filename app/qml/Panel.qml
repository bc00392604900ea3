import QtQuick
import Stagedesk

// A panel of a page: a raised area with a thin border.
Rectangle {
    color: Theme.panel
    border.color: Theme.line
    radius: 6
}
