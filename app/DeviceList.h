#pragma once
// --list-devices: what RtAudio sees, per API.

#include "io/RtAudioBackend.h"

#include <string>
#include <vector>

namespace stagedesk::app {

// One section per API in 'apis' (in that order), each device on one line:
// number, name, channels, default flags, sample rates.
std::string formatDeviceList(const std::vector<std::string>& apis,
                             const std::vector<engine::AudioDeviceDescription>& devices);

// Lists the devices of 'api' (empty = every compiled API) on stdout.
void printDeviceList(const std::string& api);

} // namespace stagedesk::app
